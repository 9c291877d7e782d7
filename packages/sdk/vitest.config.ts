import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts `prism mock --errors` on the OpenApp bundle and on the 1.0 spec once for the contract tests.
    globalSetup: ["./test/global-setup.ts", "./test/global-setup-v1.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
