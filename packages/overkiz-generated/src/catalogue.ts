/** The Overkiz name catalogue (names, enums, UI profiles), generated from the reference catalogues by `pnpm generate`. */
export * from "./catalogue/index.js";
