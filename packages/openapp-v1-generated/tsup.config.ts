import { defineConfig } from "tsup";
import { baseOptions, zodPeerPerFormat } from "../../tsup.base.js";

export default defineConfig({ ...baseOptions, entry: { index: "src/index.ts", zod: "src/zod.ts" }, esbuildPlugins: [zodPeerPerFormat] });
