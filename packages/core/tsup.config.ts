import { defineConfig } from "tsup";
import { baseOptions } from "../../tsup.base.js";

export default defineConfig({ ...baseOptions, entry: { index: "src/index.ts", node: "src/node.ts" } });
