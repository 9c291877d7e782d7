import { build } from "esbuild";
import { gzipSync } from "node:zlib";
for (const [name, contents] of Object.entries({
  "core entry (all exports)": `export * from "@openapp/core";`,
  "core + openapi-fetch": `export * from "@openapp/core"; export { default } from "openapi-fetch";`,
  "openapi-fetch": `export { default } from "openapi-fetch";`,
})) {
  const r = await build({ stdin: { contents, resolveDir: process.cwd() + "/packages/sdk", loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, splitting: false, external: ["zod"], logLevel: "silent" });
  const code = r.outputFiles[0].contents;
  console.log(name, (code.length/1000).toFixed(1), "kB min", (gzipSync(code, { level: 9 }).length/1000).toFixed(1), "kB gz");
}
