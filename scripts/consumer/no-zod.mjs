// Run before zod is installed: the main entries load, ./zod names the missing zod package, and a
// client asked to validate responses explains how to install it.
const rows = [];
for (const vendor of ["openapp", "omlet", "overkiz"]) {
  const main = await import(`@openapp/${vendor}-generated`).then((m) => typeof m.operationTable === "object", (e) => String(e));
  // ESM links zod statically (no top-level await), so the runtime's own error names the package.
  const zod = await import(`@openapp/${vendor}-generated/zod`).then(() => "loaded without zod?!", (e) => String(e.message));
  const ok = main === true && /Cannot find (package|module) ['"]zod['"]/.test(zod);
  rows.push({ name: `ESM: @openapp/${vendor}-generated works without zod, /zod says zod is missing`, ok, detail: ok ? zod : `${main} | ${zod}` });
}

// validateResponses without zod: a ConfigError saying to install it, before any request.
const answer = async () => new Response("[]", { status: 200, headers: { "content-type": "application/json" } });
const clients = {
  "@openapp/sdk": async () => {
    const { OpenAppClient } = await import("@openapp/sdk");
    const client = new OpenAppClient({ apiKey: "https://api.openapp.test/api/v1_openapp_sk_test_nozod", org: "o1", fetch: answer, validateResponses: true });
    return client.apiKeys.list();
  },
  "@openapp/omlet": async () => {
    const { OmletClient } = await import("@openapp/omlet");
    return new OmletClient({ apiKey: "omk_test_nozod", baseUrl: "https://omlet.test/api/v1", fetch: answer, validateResponses: true }).getDevices();
  },
  "@openapp/overkiz": async () => {
    const { OverkizClient } = await import("@openapp/overkiz");
    const server = { name: "Test cloud", endpoint: "https://overkiz.test/enduser-mobile-web/enduserAPI/", manufacturer: "Somfy", apiType: "cloud" };
    return new OverkizClient({ server, credentials: { token: "tok_test_nozod" }, fetch: answer, validateResponses: true }).getDevicesByControllable("io:X");
  },
};
for (const [name, call] of Object.entries(clients)) {
  const error = await call().then(() => undefined, (e) => e);
  const ok = error?.name === "ConfigError" && /`npm install zod`/.test(error.message);
  rows.push({ name: `ESM: ${name} with validateResponses and no zod → ConfigError "install zod"`, ok, detail: String(error?.message ?? error) });
}
console.log(JSON.stringify(rows));
