// Zod schemas live behind their own entry so bundles that do not validate responses stay small.
export * from "./generated/zod.js";
