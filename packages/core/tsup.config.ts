import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  // Keep `node:` specifiers so the Node-only entry is unmistakable to bundlers.
  removeNodeProtocol: false,
  // Shared chunks in CJS too, so `/node` throws the same error classes as the main entry.
  splitting: true,
});
