import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { baseOptions } from "../../tsup.base.js";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  ...baseOptions,
  entry: { index: "src/index.ts", node: "src/node.ts", catalogue: "src/catalogue.ts" },
  // The User-Agent carries the version; read once from package.json, never written twice.
  define: { __OVERKIZ_VERSION__: JSON.stringify(version) },
});
