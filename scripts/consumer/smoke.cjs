// CommonJS consumer: require() of every public entry, the same checks and calls as smoke.mjs.
const specifiers = [
  "@openapp/core",
  "@openapp/core/node",
  "@openapp/sdk",
  "@openapp/sdk/node",
  "@openapp/omlet",
  "@openapp/overkiz",
  "@openapp/overkiz/node",
  "@openapp/overkiz/catalogue",
  "@openapp/openapp-generated",
  "@openapp/openapp-generated/zod",
  "@openapp/omlet-generated",
  "@openapp/omlet-generated/zod",
  "@openapp/overkiz-generated",
  "@openapp/overkiz-generated/zod",
];

async function main() {
  const entries = Object.fromEntries(specifiers.map((specifier) => [specifier, require(specifier)]));
  // The shared check code is ESM; the modules it checks were loaded by require() above.
  const { entryChecks } = await import("./entries.mjs");
  const { callAll } = await import("./calls.mjs");
  const modules = { sdk: entries["@openapp/sdk"], omlet: entries["@openapp/omlet"], overkiz: entries["@openapp/overkiz"] };
  const rows = [...(await entryChecks(entries)), ...(await callAll(modules, JSON.parse(process.argv[2])))];
  console.log(JSON.stringify(rows));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
