export * from "./generated/schema.js";
export * from "./generated/operations.js";
export * from "./generated/client.js";
