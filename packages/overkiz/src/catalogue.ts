/** The `@openapp/overkiz/catalogue` entry: state, command and profile names, enums with labels. */
export * from "./catalogue/index.js";
