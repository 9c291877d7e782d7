import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", catalogue: "src/catalogue/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  // The User-Agent carries the version; read once from package.json, never written twice.
  define: { __OVERKIZ_VERSION__: JSON.stringify(version) },
});
