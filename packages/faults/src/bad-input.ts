/**
 * Inputs every SDK must refuse with a typed error before a single request: malformed keys,
 * missing org, dot ids, non-http and private-address image URLs, bad images, foreign action
 * URLs, bad device URLs, unsupported local options, empty and oversized action lists, TLS opt-outs.
 */
import * as omletSdk from "@openapp/omlet";
import * as overkizSdk from "@openapp/overkiz";
import { createLocalGatewayFetch, localServer } from "@openapp/overkiz/node";
import * as openappSdk from "@openapp/sdk";
import type { ScriptedServer } from "@openapp/testing";
import { omletDoor } from "./targets.js";

type Expected = "ConfigError" | "ValidationError";

export interface BadInputCase {
  vendor: "openapp" | "omlet" | "overkiz";
  name: string;
  expected: Expected;
  /** The message must say what was wrong. */
  message?: RegExp;
  run(env: BadInputEnv): unknown;
}

export interface BadInputEnv {
  server: ScriptedServer;
  /** The `fetch` option for clients: counts every request and forwards only to the test server. */
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  ca: string;
  logger: Record<"debug" | "info" | "warn" | "error", (message: string, fields?: Record<string, unknown>) => void>;
}

const SECRET = "faultsSecretOPENAPP_Lm2Qe7Rv9Tx4Wc1Nz5";
const OMLET_KEY = "faultsKeyOMLET_Yb6Hc3Jd8Kf2Lg5Mh9Np";
const OVERKIZ_TOKEN = "faultsTokenOVERKIZ_Ra1Sb4Tc7Ud2Ve5Wf8";
const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const DEVICE = "01HZX6C4F8J2M6Q0T4W8Z2B6E0";
const SHUTTER = "io://1234-5678-9012/12345678";
const OMLET_API = "/api/v1";

export const badInputSecrets = [SECRET, OMLET_KEY, OVERKIZ_TOKEN];

const openapp = (env: BadInputEnv, extra: Record<string, unknown> = {}) =>
  new openappSdk.OpenAppClient({ apiKey: `${env.server.origin}_openapp_${SECRET}`, org: ORG, fetch: env.fetch, maxRetries: 0, ...extra });
const omlet = (env: BadInputEnv) => new omletSdk.OmletClient({ apiKey: OMLET_KEY, baseUrl: `${env.server.origin}${OMLET_API}`, fetch: env.fetch, maxRetries: 0 });
const cloudServer = (env: BadInputEnv) => ({ name: "Faults cloud", endpoint: `${env.server.origin}/enduser-mobile-web/enduserAPI/`, manufacturer: "Somfy", apiType: "cloud" as const });
const overkiz = (env: BadInputEnv, extra: Record<string, unknown> = {}) =>
  new overkizSdk.OverkizClient({ server: cloudServer(env), credentials: { token: OVERKIZ_TOKEN }, fetch: env.fetch, maxRetries: 0, ...extra });
const overkizLocal = (env: BadInputEnv) =>
  new overkizSdk.OverkizClient({
    server: localServer("127.0.0.1", { port: env.server.port }),
    credentials: { token: OVERKIZ_TOKEN },
    fetch: env.fetch,
    maxRetries: 0,
  });

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngOf = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(PNG_MAGIC);
  return bytes;
};

const openappIds = ["", ".", ".."];
const imageUrls: readonly [string, string][] = [
  ["file:///etc/passwd", "file: URL"],
  ["data:image/png;base64,iVBORw0KGgo=", "data: URL"],
  ["ftp://127.0.0.1/x.png", "ftp: URL"],
  ["javascript:alert(1)", "javascript: URL"],
  ["http://127.0.0.1/x.png", "loopback 127.0.0.1"],
  ["http://localhost/x.png", "loopback localhost"],
  ["http://10.0.0.1/x.png", "private 10.0.0.1"],
  ["http://192.168.1.20/x.png", "private 192.168.1.20"],
  ["http://[::1]/", "loopback [::1]"],
  ["http://169.254.169.254/latest/meta-data/", "link-local metadata 169.254.169.254"],
  ["http://[::ffff:169.254.169.254]/x.png", "IPv4-mapped link-local"],
  ["http://2130706433/x.png", "decimal loopback 2130706433"],
];

const actionFor = (deviceURL: string) => [{ deviceURL, commands: [{ name: "open" }] }];

export const badInputCases: readonly BadInputCase[] = [
  // ---- OpenApp ----
  ...[
    ["no _openapp_ separator", "not-a-key"],
    ["empty key", ""],
    ["no base URL before _openapp_", `_openapp_${SECRET}`],
    ["empty secret", "http://127.0.0.1:9_openapp_"],
    ["ftp: base URL", `ftp://127.0.0.1_openapp_${SECRET}`],
    ["javascript: base URL", `javascript:alert(1)_openapp_${SECRET}`],
    ["newline in the secret", `http://127.0.0.1:9_openapp_${SECRET}\r\nX-Evil: 1`],
    ["space in the secret", `http://127.0.0.1:9_openapp_${SECRET} x`],
  ].map(
    ([name, apiKey]): BadInputCase => ({
      vendor: "openapp",
      name: `malformed key: ${name}`,
      expected: "ConfigError",
      run: (env) => new openappSdk.OpenAppClient({ apiKey, org: ORG, fetch: env.fetch }).devices.get(DEVICE),
    }),
  ),
  {
    vendor: "openapp",
    name: "missing org for an X-Org operation (devices.list)",
    expected: "ConfigError",
    message: /org/i,
    run: (env) => new openappSdk.OpenAppClient({ apiKey: `${env.server.origin}_openapp_${SECRET}`, fetch: env.fetch }).devices.list(),
  },
  {
    vendor: "openapp",
    name: "org that is not header-safe",
    expected: "ConfigError",
    run: (env) => openapp(env, { org: "01HZ\r\nX-Evil: 1" }).devices.list(),
  },
  ...openappIds.flatMap((id): BadInputCase[] => [
    { vendor: "openapp", name: `devices.get(${JSON.stringify(id)})`, expected: "ValidationError", run: (env) => openapp(env).devices.get(id) },
    {
      vendor: "openapp",
      name: `entities.byId(${JSON.stringify(id)}).open()`,
      expected: "ValidationError",
      run: (env) => openapp(env).entities.byId(id).open(),
    },
  ]),
  ...imageUrls.map(
    ([url, what]): BadInputCase => ({
      vendor: "openapp",
      name: `devices.uploadImageFromUrl(${what})`,
      expected: "ValidationError",
      run: (env) => openapp(env).devices.uploadImageFromUrl(DEVICE, url),
    }),
  ),
  {
    vendor: "openapp",
    name: "uploadImage of 11 MiB (over the 10 MiB default)",
    expected: "ValidationError",
    run: (env) => openapp(env).devices.uploadImage(DEVICE, pngOf(11 * 1024 * 1024)),
  },
  {
    vendor: "openapp",
    name: "uploadImage with wrong magic bytes (a PDF)",
    expected: "ValidationError",
    run: (env) => openapp(env).devices.uploadImage(DEVICE, new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj")),
  },
  // ---- Omlet ----
  ...[
    ["empty key", ""],
    ["newline in the key", `${OMLET_KEY}\r\nX-Evil: 1`],
  ].map(
    ([name, apiKey]): BadInputCase => ({
      vendor: "omlet",
      name: `malformed key: ${name}`,
      expected: "ConfigError",
      run: (env) => new omletSdk.OmletClient({ apiKey, baseUrl: `${env.server.origin}${OMLET_API}`, fetch: env.fetch }).getDevices(),
    }),
  ),
  ...openappIds.map(
    (id): BadInputCase => ({ vendor: "omlet", name: `getDeviceById(${JSON.stringify(id)})`, expected: "ValidationError", run: (env) => omlet(env).getDeviceById(id) }),
  ),
  ...[
    ["another host", "https://evil.example/api/v1/device/Fq7rWd20LsPxT4cN/action/open"],
    ["protocol-relative host", "//evil.example/api/v1/device/Fq7rWd20LsPxT4cN/action/open"],
    ["outside the API base", "/other/device/Fq7rWd20LsPxT4cN/action/open"],
    ["another device", "/api/v1/device/ZZZZZZZZZZZZZZZZ/action/open"],
    ["javascript:", "javascript:alert(1)"],
  ].flatMap(([what, url]): BadInputCase[] => [
    {
      vendor: "omlet",
      name: `performAction with an action url on ${what}`,
      expected: "ValidationError",
      run: (env) => omlet(env).performAction({ ...omletDoor.actions[0], url: url as string, deviceId: omletDoor.deviceId } as never),
    },
    {
      vendor: "omlet",
      name: `door(device).open() whose open action points at ${what}`,
      expected: "ValidationError",
      run: (env) => omlet(env).door({ ...omletDoor, actions: [{ ...omletDoor.actions[0], url }] } as never).open(),
    },
  ]),
  // ---- Overkiz ----
  ...[
    ["empty", ""],
    ["not a URL", "shutter-1"],
    ["control character", "io://1234-5678-9012/1\n"],
  ].map(
    ([what, deviceURL]): BadInputCase => ({
      vendor: "overkiz",
      name: `executeActionGroup with an invalid device URL (${what})`,
      expected: "ValidationError",
      run: (env) => overkiz(env).executeActionGroup(actionFor(deviceURL as string)),
    }),
  ),
  {
    vendor: "overkiz",
    name: "executeActionGroup([])",
    expected: "ValidationError",
    run: (env) => overkiz(env).executeActionGroup([]),
  },
  {
    vendor: "overkiz",
    name: "executeActionGroup with 10 000 devices (oversized)",
    expected: "ValidationError",
    run: (env) =>
      overkiz(env).executeActionGroup(Array.from({ length: 10_000 }, (_, i) => ({ deviceURL: `io://1234-5678-9012/${10_000_000 + i}`, commands: [{ name: "open" }] }))),
  },
  {
    vendor: "overkiz",
    name: "executeActionGroup with an unknown mode",
    expected: "ValidationError",
    run: (env) => overkiz(env).executeActionGroup(actionFor(SHUTTER), { mode: "turbo" as never }),
  },
  ...["highPriority", "geolocated", "internal"].map(
    (mode): BadInputCase => ({
      vendor: "overkiz",
      name: `local executeActionGroup with mode ${mode}`,
      expected: "ValidationError",
      run: (env) => overkizLocal(env).executeActionGroup(actionFor(SHUTTER), { mode: mode as never }),
    }),
  ),
  ...openappIds.map(
    (id): BadInputCase => ({
      vendor: "overkiz",
      name: `getCurrentExecution(${JSON.stringify(id)})`,
      expected: "ValidationError",
      run: (env) => overkiz(env).getCurrentExecution(id),
    }),
  ),
  {
    vendor: "overkiz",
    name: "local API over plain http to a LAN address",
    expected: "ConfigError",
    run: (env) =>
      new overkizSdk.OverkizClient({
        server: { name: "LAN", endpoint: "http://192.168.1.10:8443/enduser-mobile-web/1/enduserAPI/", manufacturer: "Somfy", apiType: "local" },
        credentials: { token: OVERKIZ_TOKEN },
        fetch: env.fetch,
      }).getDevices(),
  },
  {
    vendor: "overkiz",
    name: "local API with a password instead of a token",
    expected: "ConfigError",
    run: (env) =>
      new overkizSdk.OverkizClient({
        server: localServer("127.0.0.1", { port: env.server.port }),
        credentials: { username: "jane.doe@example.com", password: "faultsPass_Qz8Wx3" },
        fetch: env.fetch,
      }).getDevices(),
  },
  {
    vendor: "overkiz",
    name: "insecureSkipVerify as a client option (not an option: TLS is configured on the fetch)",
    expected: "ConfigError",
    message: /insecureSkipVerify/,
    run: (env) => overkiz(env, { insecureSkipVerify: true }).getDevices(),
  },
  {
    vendor: "overkiz",
    name: "createLocalGatewayFetch({}) without a CA",
    expected: "ConfigError",
    run: () => createLocalGatewayFetch({}),
  },
  {
    vendor: "overkiz",
    name: 'createLocalGatewayFetch({ insecureSkipVerify: "true" }) (a string is not an explicit opt-in)',
    expected: "ConfigError",
    run: (env) => createLocalGatewayFetch({ insecureSkipVerify: "true" as never, logger: env.logger }),
  },
  {
    vendor: "overkiz",
    name: "createLocalGatewayFetch with a malformed gatewayPin",
    expected: "ConfigError",
    run: (env) => createLocalGatewayFetch({ ca: env.ca, gatewayPin: "1234" }),
  },
];
