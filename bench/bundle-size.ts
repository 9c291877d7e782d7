/**
 * Min+gzip size of each façade entry bundled with its runtime dependencies, the way an app
 * bundler would ship it: dynamic imports (Overkiz's Cognito sign-in) become separate chunks that
 * load only when used, so only the entry and the chunks it imports statically are counted. Zod
 * schemas are a separate opt-in export. Sizes are deterministic, so this is a check, not a timing:
 * `--check` (`pnpm size`, in CI) exits 1 when an entry is over its ceiling.
 *
 * The breakdown splits the minified bytes by origin (core, openapi-fetch, the generated operation
 * table and the rest of the generated package, the façade); gzip is not additive, so each share of
 * the gzipped total is estimated in proportion to its minified bytes.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { type Metafile, type Plugin, build } from "esbuild";

/** For the breakdown only: workspace packages from their sources, so every source file is named. */
const fromSources: Plugin = {
  name: "workspace-sources",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@openapp\// }, (args) => {
      const [, pkg, sub] = /^@openapp\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
      const file = resolve("packages", pkg ?? "", "src", `${sub ?? "index"}.ts`);
      return existsSync(file) ? { path: file } : undefined;
    });
  },
};

interface Entry {
  name: string;
  dir: string;
  /** The issue's target, min+gzip kB. */
  targetKb: number;
  /** What CI enforces: the target, or (ratchet) the size measured on this branch until the gap is closed. Lower it, never raise it. */
  ceilingKb: number;
}

const entries: Entry[] = [
  // Raised once, 23 → 23.2 kB: answers read inside the deadline are handed on as a Response served
  // from memory (raw-client calls 110 → 62 µs in-memory), which costs 0.15 kB.
  // Raised once more (sdk 23.2 → 24.6, omlet 21 → 22.3, overkiz 41 → 42.3): every input is now
  // checked in core before the network, so no caller value ends in a raw TypeError (body JSON
  // check with paths, per-call and client option kinds, unreadable getters and proxies), +1.3 kB.
  // And for the real-device and long-life work (sdk 24.6 → 24.9, omlet 22.3 → 23.1, overkiz 42.3 → 45.1):
  // abort watching and linked signals that leave nothing behind (core), the Omlet watcher's capped
  // buffer and both action-url forms, and Overkiz's device-evidence command check, resync on every
  // loss with running executions, refusal-only login pause, UNKNOWN codes and redacted printing.
  // Lowered (sdk 24.9 → 24.8, omlet 23.1 → 23.0, overkiz 45.1 → 45.0; about 0.1 kB each): the
  // transport checks its options by the kit's one rule table instead of its own copies, and the
  // kit's client-wide options share that table's check and message.
  // Raised (sdk 24.8 → 25.0) for the one resource idiom: resources are classes on core's `Resource`
  // (methods read `this.ctx.kit`) and the image methods are composed with core's `composeResources`
  // (0.16 kB of the 0.2 kB); flat clients carry the same code once they compose their resources.
  // Omlet (23.0 → 23.1) is such a flat client: core's part grows 0.2 kB, its façade shrinks 0.2 kB
  // (no delegating methods): 22.9 → 23.04 kB.
  // Raised for OpenApp 1.0 (sdk 25.0 → 29.2): 41 more operations in the façade (their table 1.0 kB,
  // the generated 1.0 bases, audit/invite/resolve/getByName/scripting-job behaviour and their
  // errors 2.8 kB, each measured alone min+gzip).
  // Raised once the façade-shape, core-tidy and 1.0 branches met (sdk 29.2 → 31.0, omlet 23.1 → 23.8,
  // overkiz 45.5 → 46.0): core's share grows ~0.7 kB in every façade for exactly-once per operation
  // (keys per call, in-flight wait, one 429 resend, the idempotency errors), correlation ids and
  // the kit's `ClientCalls`; the sdk adds the 1.0 confirmation flow. Not itemized further yet: the
  // next trim pass starts here.
  { name: "@openapp/sdk", dir: "packages/sdk", targetKb: 14, ceilingKb: 31.0 },
  { name: "@openapp/omlet", dir: "packages/omlet", targetKb: 12, ceilingKb: 23.8 },
  { name: "@openapp/overkiz", dir: "packages/overkiz", targetKb: 25, ceilingKb: 46.0 },
];

const check = process.argv.includes("--check");

function origin(input: string): string {
  if (input.includes("node_modules/openapi-fetch/")) return "openapi-fetch";
  if (input.includes("node_modules/")) return "other dependencies";
  if (input.startsWith("packages/core/")) return "core";
  if (/packages\/[a-z]+-generated\/.*operations/.test(input)) return "operation table";
  if (/packages\/[a-z]+-generated\//.test(input)) return "generated (rest)";
  return "façade";
}

async function measure(entry: string, sources = false): Promise<{ gzip: number; minified: number; parts: Map<string, number> }> {
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
    metafile: true,
    logLevel: "silent",
    plugins: sources ? [fromSources] : [],
  });
  const outputs = result.metafile.outputs;
  const entryOutput = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined);
  if (!entryOutput) throw new Error(`esbuild produced no entry output for ${entry}`);
  // The entry chunk and every chunk it loads statically; dynamic imports stay out.
  const counted = new Set<string>();
  const visit = (path: string) => {
    if (counted.has(path)) return;
    counted.add(path);
    for (const imported of (outputs[path] as Metafile["outputs"][string]).imports) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entryOutput);
  let gzip = 0;
  let minified = 0;
  const parts = new Map<string, number>();
  for (const file of result.outputFiles) {
    const key = Object.keys(outputs).find((path) => file.path.endsWith(path.replace(/^bench\//, "/bench/")) || file.path.endsWith(`/${path}`));
    if (!key || !counted.has(key)) continue;
    gzip += gzipSync(file.contents, { level: 9 }).length;
    minified += file.contents.length;
    for (const [input, { bytesInOutput }] of Object.entries((outputs[key] as Metafile["outputs"][string]).inputs)) {
      const part = origin(input.replace(/^(\.\.\/)+/, "").replace(`${process.cwd()}/`, ""));
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
  }
  return { gzip, minified, parts };
}

let over = 0;
for (const { name, dir, targetKb, ceilingKb } of entries) {
  const entry = `${dir}/dist/index.js`;
  if (!existsSync(entry)) {
    console.log(`${name}: not built, skipped`);
    if (check) over++;
    continue;
  }
  const { gzip } = await measure(entry);
  const { minified, parts } = await measure(`${dir}/src/index.ts`, true);
  const kb = gzip / 1024;
  const verdict = kb <= targetKb ? "target met" : kb <= ceilingKb ? `target ${targetKb} kB not met, within ceiling ${ceilingKb} kB` : `OVER ceiling ${ceilingKb} kB`;
  if (kb > ceilingKb) over++;
  console.log(`${name}: ${kb.toFixed(1)} kB min+gzip with runtime dependencies (target ≤ ${targetKb} kB: ${verdict})`);
  const shares = [...parts].sort((a, b) => b[1] - a[1]);
  console.log(`  ${shares.map(([part, bytes]) => `${part} ${((bytes / minified) * kb).toFixed(1)} kB`).join(" · ")}  (${(minified / 1024).toFixed(1)} kB minified)`);
}
// The floor under every façade: the one kit (transport, retries, deadlines, capped reads, typed and
// redacted errors) that each of them must carry, before any operation table or vendor code.
const kit = await build({
  stdin: { contents: 'export { ClientKit } from "@openapp/core";', resolveDir: resolve("packages/sdk"), loader: "ts" },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  write: false,
  logLevel: "silent",
});
const kitBytes = kit.outputFiles[0]?.contents ?? new Uint8Array();
console.log(`floor: core's ClientKit alone is ${(gzipSync(kitBytes, { level: 9 }).length / 1024).toFixed(1)} kB min+gzip`);
if (check && over > 0) {
  console.error(`${over} entr${over === 1 ? "y is" : "ies are"} over the bundle-size ceiling`);
  process.exit(1);
}
