import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every case ends by the 1 s per-call timeout or its own watchdog; the watchdog is below this.
    testTimeout: 30_000,
    hookTimeout: 20_000,
    // Fault cases run in their own pool (test/faults.test.ts); this bounds the bad-input cases.
    maxConcurrency: 16,
    // The suite holds hundreds of clients and errors until it judges them; a larger young generation
    // keeps the collector's pauses out of the event-loop measurement (each case must stay < 200 ms).
    execArgv: ["--max-semi-space-size=64"],
  },
});
