import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every case ends by the 1 s per-call timeout or its own watchdog; the watchdog is below this.
    testTimeout: 30_000,
    hookTimeout: 20_000,
    // Fault cases run in their own pool (test/faults.test.ts); this bounds the bad-input cases.
    maxConcurrency: 16,
  },
});
