/**
 * The calls the fault suite makes, per SDK: every state-changing call (OpenApp entity action and
 * script, Omlet door action, Overkiz cloud and local executeActionGroup) and each main read.
 * Builds on the conformance adapters (clients, secrets, reads, error bodies) and adds the rest.
 */
import * as core from "@openapp/core";
import * as omletSdk from "@openapp/omlet";
import * as overkizSdk from "@openapp/overkiz";
import { createLocalGatewayFetch, localServer } from "@openapp/overkiz/node";
import * as openappSdk from "@openapp/sdk";
import {
  type ConformanceAdapter,
  type Operation,
  omletAdapter,
  openappAdapter,
  overkizBearerAdapter,
  overkizSessionAdapter,
} from "@openapp/conformance";
import type { Reply, ScriptedServer } from "@openapp/testing";

// biome-ignore lint/suspicious/noExplicitAny: error classes of different façades share no constructor type.
type ErrorClass = abstract new (...args: any[]) => Error;

/** The classes a case may expect; looked up on the façade first, then on core. */
const ERROR_NAMES = [
  "SdkError",
  "ApiError",
  "ConfigError",
  "ValidationError",
  "ConnectionError",
  "TimeoutError",
  "AbortError",
  "RateLimitError",
  "InternalServerError",
  "AuthenticationError",
  "ResponseParseError",
  "ResponseTooLargeError",
] as const;
export type ErrorName = (typeof ERROR_NAMES)[number];

export interface ResolvedErrors {
  classes: Record<ErrorName, ErrorClass>;
  /**
   * The vendor's own class that stands for a generic one, by design: Overkiz answers a non-JSON
   * 5xx (proxy pages, empty 503) with pyoverkiz's `ServiceUnavailableError`, which its users catch.
   */
  standIns: Partial<Record<ErrorName, ErrorClass>>;
  /** Classes a user of this façade has to import from @openapp/core because the façade lacks them. */
  missingFromFacade: ErrorName[];
}

function resolveErrors(facade: Record<string, unknown>, standInNames: Partial<Record<ErrorName, string>> = {}): ResolvedErrors {
  const classes = {} as Record<ErrorName, ErrorClass>;
  const missingFromFacade: ErrorName[] = [];
  for (const name of ERROR_NAMES) {
    const own = facade[name];
    if (typeof own === "function") classes[name] = own as ErrorClass;
    else {
      missingFromFacade.push(name);
      classes[name] = (core as unknown as Record<string, ErrorClass>)[name] as ErrorClass;
    }
  }
  const standIns: Partial<Record<ErrorName, ErrorClass>> = {};
  for (const [name, standIn] of Object.entries(standInNames) as [ErrorName, string][]) {
    if (typeof facade[standIn] !== "function") throw new Error(`the façade exports no ${standIn}`);
    standIns[name] = facade[standIn] as ErrorClass;
  }
  return { classes, standIns, missingFromFacade };
}

export interface CallOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
}

export interface Op {
  label: string;
  /** An action moves hardware or runs code: it may reach the server at most once. */
  kind: "action" | "read";
  method: string;
  path: string;
  invoke(client: object, options: CallOptions): PromiseLike<unknown>;
  success: Reply;
  verify?(result: unknown): void;
}

export interface Target {
  name: string;
  tls: boolean;
  secrets: readonly string[];
  errors: ResolvedErrors;
  /** The env var that turns on console logging. */
  logEnv: string;
  errorBody(message: string): Record<string, unknown>;
  /** Scripts whatever the client needs besides the route under test (a session login). */
  prepare(server: ScriptedServer): void;
  createClient(server: ScriptedServer, extra?: Record<string, unknown>): object;
  ops: readonly Op[];
}

const OVERKIZ_STAND_INS: Partial<Record<ErrorName, string>> = { InternalServerError: "ServiceUnavailableError" };

function fromOperation(op: Operation<object>, kind: Op["kind"]): Op {
  return {
    label: op.label,
    kind,
    method: op.method,
    path: op.path,
    invoke: (client, options) => op.invoke(client, options),
    success: op.success,
    ...(op.verify ? { verify: op.verify } : {}),
  };
}

function fromAdapter(adapter: ConformanceAdapter, facade: Record<string, unknown>, logEnv: string, extraOps: Op[] = []): Omit<Target, "name"> {
  return {
    tls: false,
    secrets: adapter.secrets,
    errors: resolveErrors(facade, facade === overkizSdk ? OVERKIZ_STAND_INS : {}),
    logEnv,
    errorBody: adapter.errorBody,
    prepare: (server) => adapter.prepare?.(server),
    createClient: (server, extra) => adapter.createClient(server, extra),
    ops: [fromOperation(adapter.action as Operation<object>, "action"), ...extraOps, fromOperation(adapter.read as Operation<object>, "read")],
  };
}

// ---- OpenApp: entity action (adapter), script, device read (adapter) ----

const openappScript: Op = {
  label: 'client.scripting.execute("open_door(...)")',
  kind: "action",
  method: "POST",
  path: "/api/v1/scripting/execute",
  invoke: (client, options) => (client as openappSdk.OpenAppClient).scripting.execute('entity("lobby").open()', options),
  success: { status: 200, body: { result: true } },
};

// ---- Omlet: the door handle's open() ----

const OMLET_DEVICE = "Fq7rWd20LsPxT4cN";
const OMLET_API = "/api/v1";
export const omletDoor = {
  deviceId: OMLET_DEVICE,
  deviceSerial: "a4cf12e07c1e",
  deviceTypeId: 1,
  deviceType: "Autodoor",
  groupId: "Rt6GmW2kLx0PqA9s",
  name: "Orchard coop",
  state: {
    general: { firmwareVersionCurrent: "1.0.20", batteryLevel: 90, powerSource: "battery" },
    door: { state: "closed", lastOpenTime: "06:45", lastCloseTime: "20:10", fault: "none" },
  },
  actions: [
    { actionName: "open", actionValue: "open", description: "Open door", pendingValue: "openpending", url: `${OMLET_API}/device/${OMLET_DEVICE}/action/open` },
    { actionName: "close", actionValue: "close", description: "Close door", pendingValue: "closepending", url: `${OMLET_API}/device/${OMLET_DEVICE}/action/close` },
  ],
};

const omletDoorOpen: Op = {
  label: "omlet.door(device).open()",
  kind: "action",
  method: "POST",
  path: `${OMLET_API}/device/${OMLET_DEVICE}/action/open`,
  invoke: (client, options) => (client as omletSdk.OmletClient).door(omletDoor as never).open(options),
  success: { status: 204 },
};

// ---- Overkiz local: a gateway over https with the test CA ----

const GATEWAY_PIN = "1234-5678-9012";
export const GATEWAY_NAME = `${GATEWAY_PIN}.local`;
export const IMPOSTOR_NAME = "gateway-9999-0000-1111.local";
const LOCAL_TOKEN = "faultsTokenLOCAL_Zr4Ty8Qw1Pm6Vn3Kb9Xs";
const CLOUD_API = "/enduser-mobile-web/enduserAPI/";
const LOCAL_API = "/enduser-mobile-web/1/enduserAPI/";

function localTarget(ca: string): Target {
  const cloudOps = fromAdapter(overkizBearerAdapter as ConformanceAdapter, overkizSdk, "OVERKIZ_LOG").ops;
  return {
    name: "overkiz local (https, test CA)",
    tls: true,
    secrets: [LOCAL_TOKEN],
    errors: resolveErrors(overkizSdk, OVERKIZ_STAND_INS),
    logEnv: "OVERKIZ_LOG",
    errorBody: overkizBearerAdapter.errorBody,
    prepare: () => undefined,
    createClient: (server, extra = {}) =>
      new overkizSdk.OverkizClient({
        server: localServer("127.0.0.1", { port: server.port }),
        credentials: { token: LOCAL_TOKEN },
        fetch: createLocalGatewayFetch({ ca, gatewayPin: GATEWAY_PIN }),
        ...extra,
      }),
    ops: cloudOps.map((op) => ({ ...op, label: `local ${op.label}`, path: op.path.replace(CLOUD_API, LOCAL_API) })),
  };
}

/** Every SDK and auth flavour the faults run against. */
export function targets(ca: string): Target[] {
  return [
    { name: "openapp", ...fromAdapter(openappAdapter as ConformanceAdapter, openappSdk, "OPENAPP_LOG", [openappScript]) },
    { name: "omlet", ...fromAdapter(omletAdapter as ConformanceAdapter, omletSdk, "OMLET_LOG", [omletDoorOpen]) },
    { name: "overkiz cloud (bearer)", ...fromAdapter(overkizBearerAdapter as ConformanceAdapter, overkizSdk, "OVERKIZ_LOG") },
    { name: "overkiz cloud (session)", ...fromAdapter(overkizSessionAdapter as ConformanceAdapter, overkizSdk, "OVERKIZ_LOG") },
    localTarget(ca),
  ];
}
