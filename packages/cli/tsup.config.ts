import { defineConfig } from "tsup";

// A command-line tool: one ESM entry with its shebang, run by Node (no CJS twin, no declarations).
export default defineConfig({
  entry: { bin: "src/bin.ts" },
  format: ["esm"],
  clean: true,
  sourcemap: true,
  target: "es2022",
  removeNodeProtocol: false,
});
