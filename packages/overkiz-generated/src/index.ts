export * from "./generated/schema.js";
export * as schemas from "./generated/zod.js";
export * from "./generated/operations.js";
export * from "./generated/client.js";
