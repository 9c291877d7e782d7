// One real call per SDK against its Prism mock, shared by every runtime (Node ESM/CJS, Bun, Deno, Chromium).
// Each returns a short description of what came back, or throws.

const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** @openapp/sdk: a paginated list (query serialisation, X-Org, bearer key) and a typed error. */
export async function callOpenApp(sdk, baseUrl) {
  const client = new sdk.OpenAppClient({ apiKey: "https://api.openapp.example_openapp_dist_Zr8Kq2Lw5Tn1", apiVersion: "0.1", baseUrl, org: ORG });
  const page = await client.devices.list({ limit: 2 });
  check(Array.isArray(page.items) && page.items.length > 0, `devices.list gave no items: ${JSON.stringify(page.items)}`);
  const error = new sdk.NotFoundError({ status: 404, message: "m", method: "GET", url: baseUrl });
  check(error instanceof sdk.SdkError && error.name === "NotFoundError", `NotFoundError is named ${error.name}`);
  return `devices.list → ${page.items.length} device(s)`;
}

/** @openapp/omlet: the device list. */
export async function callOmlet(omlet, baseUrl) {
  const client = new omlet.OmletClient({ apiKey: "dist-omlet-api-key-0001", baseUrl });
  const devices = await client.getDevices();
  check(Array.isArray(devices) && devices.length > 0 && typeof devices[0].deviceId === "string", `getDevices gave ${JSON.stringify(devices)}`);
  return `getDevices → ${devices.length} device(s)`;
}

/**
 * @openapp/overkiz: a cookie session (POST /login) and then the setup, which Prism only serves
 * with the JSESSIONID cookie. In a browser the cookie lives in the browser's jar, so it needs
 * `fetchCredentials: "include"` across origins.
 */
export async function callOverkiz(overkiz, endpoint, fetchCredentials) {
  const client = new overkiz.OverkizClient({
    server: { name: "Overkiz mock", endpoint, manufacturer: "Somfy", apiType: "cloud" },
    credentials: { username: "jane.doe@example.com", password: "dist-password-0001" },
    fetchCredentials,
    loginBackoff: false,
  });
  await client.login();
  const setup = await client.getSetup();
  check(Array.isArray(setup.devices) && setup.devices.length > 0, `getSetup gave no devices`);
  const error = new overkiz.NoSuchDeviceError({ status: 400, message: "m", method: "GET", url: endpoint });
  check(error instanceof overkiz.BaseOverkizError && error.name === "NoSuchDeviceError", `NoSuchDeviceError is named ${error.name}`);
  return `login + getSetup → ${setup.devices.length} device(s)`;
}

/** Every call, as result rows; urls holds each mock's base URL. */
export async function callAll(modules, urls) {
  const rows = [];
  const attempt = async (name, run) => {
    try {
      rows.push({ name, ok: true, detail: await run() });
    } catch (error) {
      rows.push({ name, ok: false, detail: String(error?.stack ?? error) });
    }
  };
  await attempt("@openapp/sdk call", () => callOpenApp(modules.sdk, urls.openapp));
  await attempt("@openapp/omlet call", () => callOmlet(modules.omlet, urls.omlet));
  await attempt("@openapp/overkiz call", () => callOverkiz(modules.overkiz, `${urls.overkiz}/`));
  return rows;
}
