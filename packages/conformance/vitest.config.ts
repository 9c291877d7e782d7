import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Transport cases bind real sockets on 127.0.0.1; a few wait out a 1 s Retry-After.
    testTimeout: 15_000,
    hookTimeout: 10_000,
    // Tests of one adapter run concurrently, each on its own server.
    maxConcurrency: 8,
    // The load test measures heap after garbage collection.
    execArgv: ["--expose-gc"],
  },
});
