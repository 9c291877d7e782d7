/**
 * Min+gzip size of each façade entry bundled with its runtime dependencies, the way an app
 * bundler would ship it: dynamic imports (Overkiz's Cognito sign-in) become separate chunks that
 * load only when used, so only the entry chunk is counted. Zod schemas are a separate opt-in export.
 */
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const entries = [
  { name: "@openapp/sdk", dir: "packages/sdk", targetKb: 14 },
  { name: "@openapp/omlet", dir: "packages/omlet" },
  { name: "@openapp/overkiz", dir: "packages/overkiz" },
];

async function minGzipBytes(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    splitting: true,
    outdir: "bench/.bundle",
    treeShaking: true,
    external: ["zod"],
  });
  const output = result.outputFiles.find((file) => file.path.endsWith("/index.js"));
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return gzipSync(output.contents, { level: 9 }).length;
}

for (const { name, dir, targetKb } of entries) {
  const entry = `${dir}/dist/index.js`;
  if (!existsSync(entry)) {
    console.log(`${name}: not built, skipped`);
    continue;
  }
  const kb = (await minGzipBytes(entry)) / 1024;
  const target = targetKb ? ` (target ≤ ${targetKb} kB${kb <= targetKb ? ", met" : ", NOT met"})` : "";
  console.log(`${name}: ${kb.toFixed(1)} kB min+gzip with runtime dependencies${target}`);
}
