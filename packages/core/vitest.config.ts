import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    restoreMocks: true,
    unstubEnvs: true,
    // signals.test.ts measures heap after garbage collection.
    execArgv: ["--expose-gc"],
  },
});
