import {
  AbortError,
  ConfigError,
  ConnectionError,
  InternalServerError,
  OverkizClient,
  RateLimitError,
  SdkError,
  TimeoutError,
  ValidationError,
} from "@openapp/overkiz";
import { type ConformanceAdapter, defineAdapter, type Operation } from "../adapter.js";
import type { ScriptedServer } from "@openapp/testing";

const API = "/enduser-mobile-web/enduserAPI/";
const TOKEN = "confTokenOVERKIZ_Bq5Nz2Rt8Ym1Kx6Wd4Hs";
const USERNAME = "jane.doe@example.com";
const PASSWORD = "confPassOVERKIZ_Gv3Lp9Qw6Ej2Tn7Ua5Zc";
// What the scripted server hands out on POST /login.
const SESSION_COOKIE = "confSessionOVERKIZ_Mf8Ks1Xo4Wb7Rl2Yp9Di";
const SHUTTER = "io://1234-5678-9012/12345678";

const server = (scripted: ScriptedServer) => ({
  name: "Conformance cloud",
  endpoint: `${scripted.origin}${API}`,
  manufacturer: "Somfy",
  apiType: "cloud" as const,
});

const shutter = {
  deviceURL: SHUTTER,
  label: "Kitchen shutter",
  controllableName: "io:RollerShutterGenericIOComponent",
  definition: {
    commands: [
      { commandName: "open", nparams: 0 },
      { commandName: "close", nparams: 0 },
      { commandName: "setClosure", nparams: 1 },
    ],
    states: [{ qualifiedName: "core:ClosureState", type: "ContinuousState" }],
    widgetName: "PositionableRollerShutter",
    uiClass: "RollerShutter",
  },
  states: [{ name: "core:ClosureState", type: 1, value: 100 }],
  attributes: [],
  available: true,
  enabled: true,
  type: 1,
  uiClass: "RollerShutter",
  widget: "PositionableRollerShutter",
  oid: "5e3c1a2b-7d4f-4c8e-9a1b-2c3d4e5f6a7b",
};

/** The main read; answered from the client's cache after the first call. */
const read: Operation<OverkizClient> = {
  label: "client.getDevices()",
  method: "GET",
  path: `${API}setup/devices`,
  invoke: (client, options) => client.getDevices(undefined, options),
  success: { status: 200, body: [shutter] },
  verify: (result) => {
    const devices = result as { deviceURL?: unknown }[];
    if (devices.length !== 1 || devices[0]?.deviceURL !== SHUTTER) throw new Error(`getDevices returned ${JSON.stringify(result)}`);
  },
};

type Variant = Pick<ConformanceAdapter<OverkizClient>, "name" | "secrets" | "createClient" | "prepare">;

function overkizAdapter(variant: Variant): ConformanceAdapter<OverkizClient> {
  return defineAdapter<OverkizClient>({
    vendor: "overkiz",
    packageName: "@openapp/overkiz",
    optionNames: ["server", "credentials", "fetch", "fetchCredentials", "timeout", "maxRetries", "middleware", "headers", "logger", "random", "now", "identityEndpoints", "actionQueue", "defaultRtsCommandDurationSeconds", "loginBackoff", "validateResponses", "validateCommands"],
    errors: { SdkError, ConfigError, ValidationError, InternalServerError, RateLimitError, ConnectionError, TimeoutError, AbortError },
    ...variant,
    // Both variants: the token is the credential a caller writes into a header itself.
    withCredential: (scripted, secret) => new OverkizClient({ server: server(scripted), credentials: { token: secret } }),
    withoutCredentials: (scripted) => new OverkizClient({ server: server(scripted) } as never),
    errorBody: (message) => ({ errorCode: "UNSPECIFIED_ERROR", error: message }),
    close: (client) => client.close(),
    action: {
      label: 'client.executeActionGroup([{ deviceURL, commands: [{ name: "open" }] }])',
      method: "POST",
      path: `${API}exec/apply`,
      invoke: (client, options) => client.executeActionGroup([{ deviceURL: SHUTTER, commands: [{ name: "open" }] }], undefined, options),
      success: { status: 200, body: { execId: "4b8e2f6a-0c1d-4e5f-8a9b-7c6d5e4f3a2b" } },
    },
    write: {
      label: "client.refreshStates()",
      method: "POST",
      path: `${API}setup/devices/states/refresh`,
      invoke: (client, options) => client.refreshStates(undefined, options),
      success: { status: 204 },
    },
    read,
    networkRead: { ...read, label: "client.getDevices({ refresh: true })", invoke: (client, options) => client.getDevices({ refresh: true }, options) },
    unknownParams: [
      { label: "getSetup({ bogus })", key: "bogus", invoke: (client) => client.getSetup({ bogus: true } as never) },
      {
        label: "executeActionGroup(actions, { bogus })",
        key: "bogus",
        invoke: (client) => client.executeActionGroup([{ deviceURL: SHUTTER, commands: [{ name: "open" }] }], { bogus: 1 } as never),
      },
    ],
    bodyCarrying: {
      label: 'client.executeActionGroup([{ deviceURL, commands: [{ name: "setClosure", parameters: [{ value }] }] }])',
      invoke: (client, value) => client.executeActionGroup([{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [{ value }] }] }]),
    },
    syncHelpers: {
      "client.selectGateway": "chooses the gateway for following calls (Rexel); no request, ConfigError elsewhere",
      "client.events": "an async generator: nothing runs until the first next(), errors surface there",
      "client.device": "binds a device URL into a handle without a request; an unreadable device is a ValidationError at once",
    },
    extraSurfaces: (client) => ({ "device(url)": client.device(SHUTTER) }),
  });
}

/** Bearer token (`credentials: { token }`): sent as `Authorization: Bearer`. */
export const overkizBearerAdapter = overkizAdapter({
  name: "overkiz (bearer token)",
  secrets: [TOKEN],
  createClient: (scripted, extra = {}) => new OverkizClient({ server: server(scripted), credentials: { token: TOKEN }, ...extra }),
});

/** Username and password: `POST /login` hands out a JSESSIONID cookie that every call carries. */
export const overkizSessionAdapter = overkizAdapter({
  name: "overkiz (session cookie)",
  secrets: [PASSWORD, SESSION_COOKIE],
  createClient: (scripted, extra = {}) =>
    new OverkizClient({ server: server(scripted), credentials: { username: USERNAME, password: PASSWORD }, ...extra }),
  prepare: (scripted) => {
    scripted.on("POST", `${API}login`, {
      status: 200,
      headers: { "set-cookie": `JSESSIONID=${SESSION_COOKIE}; Path=/enduser-mobile-web; HttpOnly` },
      body: { success: true, roles: [{ name: "ENDUSER" }] },
    });
  },
});
