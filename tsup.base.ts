/** Build settings every published package shares; each package's tsup.config.ts adds its entries. */
import { dirname, join } from "node:path";
import type { Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

export const baseOptions = {
  format: ["esm", "cjs"],
  // Declarations come from scripts/build-dts.ts (one tsc emit), much faster than tsup's rollup d.ts.
  dts: false,
  clean: true,
  sourcemap: true,
  target: "es2022",
  // Keep `node:` specifiers: Deno and bundlers need them, and they mark Node-only code unmistakably.
  removeNodeProtocol: false,
  // Shared chunks in CJS too, so every entry of a package throws and checks the same classes.
  splitting: true,
} satisfies Options;

/**
 * The `./zod` entry loads zod through generated/zod-peer.ts (a static import); the CommonJS build
 * swaps in the require() twin, which explains a missing zod.
 */
export const zodPeerPerFormat: EsbuildPlugin = {
  name: "zod-peer-per-format",
  setup(build) {
    // With CJS splitting tsup runs esbuild in ESM mode and converts afterwards: ask tsup's own define.
    if (build.initialOptions.define?.TSUP_FORMAT !== JSON.stringify("cjs")) return;
    build.onResolve({ filter: /(^|\/)zod-peer\.js$/ }, (args) => ({
      path: join(args.resolveDir, dirname(args.path), "zod-peer.require.ts"),
    }));
  },
};
