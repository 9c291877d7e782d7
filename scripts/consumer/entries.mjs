// Checks on the loaded entry points that hold in every runtime and module system.

function sharedExports(main, sub) {
  const common = Object.keys(main).filter((key) => key !== "default" && key in sub);
  return { common: common.length, same: common.filter((key) => main[key] === sub[key]).length };
}

/** m: every public entry, keyed by specifier. */
export async function entryChecks(m) {
  const rows = [];
  const row = (name, ok, detail) => rows.push({ name, ok, detail });
  const { common, same } = sharedExports(m["@openapp/overkiz"], m["@openapp/overkiz/node"]);
  row("@openapp/overkiz and /node share one copy of each export", common > 100 && common === same, `${same} of ${common} common exports identical`);
  // The /node entries that do not re-export the main one must still throw its classes.
  const missing = await m["@openapp/core/node"].fileFromPath("/nonexistent/openapp-dist.png").then(() => undefined, (error) => error);
  row("@openapp/core/node throws @openapp/core's classes", missing instanceof m["@openapp/core"].ValidationError, missing?.name);
  const refused = await m["@openapp/sdk/node"].executeFile(undefined, "deploy.sh").then(() => undefined, (error) => error);
  row("@openapp/sdk/node throws @openapp/sdk's classes", refused instanceof m["@openapp/sdk"].ValidationError && refused instanceof m["@openapp/core"].SdkError, refused?.name);
  const error = new m["@openapp/overkiz/node"].NoSuchDeviceError({ status: 400, message: "m", method: "GET", url: "https://x.test/" });
  row("instanceof works across @openapp/overkiz and /node", error instanceof m["@openapp/overkiz"].NoSuchDeviceError && error instanceof m["@openapp/core"].ApiError, error.name);
  const catalogue = m["@openapp/overkiz/catalogue"];
  const profiles = Object.keys(catalogue?.UI_PROFILES ?? {}).length;
  const states = Object.keys(catalogue?.OverkizState ?? {}).length;
  row("@openapp/overkiz/catalogue loads", catalogue?.OverkizState?.CORE_CLOSURE === "core:ClosureState" && profiles > 100, `${states} states, ${profiles} profiles`);
  for (const vendor of ["openapp", "omlet", "overkiz"]) {
    const zod = m[`@openapp/${vendor}-generated/zod`];
    const main = m[`@openapp/${vendor}-generated`];
    const ok = typeof zod?.zDevice?.safeParse === "function" && zod.zDevice.safeParse(42).success === false && typeof main?.operationTable === "object";
    row(`@openapp/${vendor}-generated and /zod load`, ok, `${Object.keys(main ?? {}).length} + ${Object.keys(zod ?? {}).length} exports`);
  }
  const config = new m["@openapp/core"].ConfigError("x");
  row("error classes carry their own name", config.name === "ConfigError" && config instanceof m["@openapp/sdk"].SdkError, config.name);
  return rows;
}
