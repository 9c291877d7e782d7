import {
  AbortError,
  ConfigError,
  ConnectionError,
  InternalServerError,
  OpenAppClient,
  RateLimitError,
  SdkError,
  TimeoutError,
  ValidationError,
} from "@openapp/sdk";
import { defineAdapter } from "../adapter.js";
import type { ScriptedServer } from "@openapp/testing";

// The key is `{base_url}_openapp_{secret}`; every leak of the key contains the secret, so the
// secret is what the scan looks for.
const SECRET = "confSecretOPENAPP_q7Vw2Lr9Xk4Tz8Mn3Pb6";
const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const DEVICE = "01HZX6C4F8J2M6Q0T4W8Z2B6E0";
const ENTITY = "01HZX7A1D5G9K3P7S1W5Z9C3F7";
const INTEGRATION = "01HZX5B3E7H1L5P9S3V7Y1A5D9";
const API = "/api/v1";

const device = {
  id: DEVICE,
  org_id: ORG,
  integration_id: INTEGRATION,
  name: { en: "Lobby door controller" },
  external_id: "relay-board-7",
  device_metadata: { relay_count: 4 },
};

// A 0.1 key carries the API path; a bare-origin key is a 1.0 key (API root `{origin}/api/v1`).
const keyFor = (server: ScriptedServer) => `${server.origin}${API}_openapp_${SECRET}`;
const v1KeyFor = (server: ScriptedServer) => `${server.origin}_openapp_${SECRET}`;

export const openappAdapter = defineAdapter<OpenAppClient>({
  vendor: "openapp",
  name: "openapp",
  packageName: "@openapp/sdk",
  optionNames: ["apiKey", "apiVersion", "org", "baseUrl", "authHeader", "timeout", "maxRetries", "fetch", "downloadFetch", "middleware", "logger", "headers", "entityActions", "validateResponses"],
  errors: { SdkError, ConfigError, ValidationError, InternalServerError, RateLimitError, ConnectionError, TimeoutError, AbortError },
  secrets: [SECRET],
  createClient: (server, extra = {}) => new OpenAppClient({ apiKey: keyFor(server), org: ORG, ...extra }),
  withCredential: (server, secret) => new OpenAppClient({ apiKey: `${server.origin}_openapp_${secret}`, org: ORG }),
  withoutCredentials: (server) => new OpenAppClient({ apiKey: undefined, baseUrl: server.origin, org: ORG }),
  errorBody: (message) => ({ message, error_code: "conformance_error" }),
  deduplicated: {
    createClient: (server, extra = {}) => new OpenAppClient({ apiKey: v1KeyFor(server), org: ORG, ...extra }),
    dialect: {
      header: "idempotency-key",
      inFlight: { status: 409, headers: { "retry-after": "1" }, body: { message: "a request with this key is still running", error_code: "idempotency_key_in_flight" } },
      conflict: { status: 409, body: { message: "key used with another request", error_code: "idempotency_key_conflict" } },
      replay: (body) => ({ ...(body as object), idempotent_replay: true }),
    },
    operations: [
      {
        label: "1.0 client.entities.byId(id).open()",
        method: "POST",
        path: `${API}/entities/${ENTITY}/actions/switchable.open`,
        invoke: (client, options) => client.entities.byId(ENTITY).open({ reason: "courier at the lobby" }, options),
        success: { status: 200, body: { correlation_id: "01J0C2E6H0K4N8R2V6Y0B4F8J2", idempotent_replay: false } },
      },
      {
        label: "1.0 client.invites.create(integrationId, {...})",
        method: "POST",
        path: `${API}/integrations/${INTEGRATION}/access-invites`,
        invoke: (client, options) =>
          client.invites.create(INTEGRATION, { portal_ids: ["01J0C3F7J1L5P9S3W7Z1C5G9K3"], schedules: [], name: "Courier, weekdays" }, options),
        success: { status: 200, body: { invite_link_id: "01J0C4G8K2M6Q0T4X8A2D6H0L4", idempotent_replay: false } },
      },
    ],
  },
  action: {
    label: "client.entities.byId(id).open()",
    method: "POST",
    path: `${API}/entities/${ENTITY}/actions/switchable.open`,
    invoke: (client, options) => client.entities.byId(ENTITY).open(undefined, options),
    success: { status: 200, body: { status: "ok", opened: true, duration_ms: 5000 } },
  },
  write: {
    label: "client.devices.create({...})",
    method: "POST",
    path: `${API}/devices`,
    invoke: (client, options) =>
      client.devices.create({ org_id: ORG, integration_id: INTEGRATION, name: { en: "Lobby door controller" } }, undefined, { org: ORG, ...options }),
    success: { status: 200, body: device },
  },
  read: {
    label: "client.devices.get(id)",
    method: "GET",
    path: `${API}/devices/${DEVICE}`,
    invoke: (client, options) => client.devices.get(DEVICE, undefined, options),
    success: { status: 200, body: device },
    verify: (result) => {
      if ((result as { id?: unknown }).id !== DEVICE) throw new Error(`devices.get returned ${JSON.stringify(result)}`);
    },
  },
  unknownParams: [
    { label: "devices.list({ org_id })", key: "org_id", invoke: (client) => client.devices.list({ org_id: "x" } as never) },
    {
      label: "devices.get(id, { org })",
      key: "org",
      // `org` is a per-call option, not a query parameter: the message must say where it goes.
      messageMatches: /option/i,
      invoke: (client) => client.devices.get("d1", { org: "o" } as never),
    },
  ],
  bodyCarrying: {
    label: "client.devices.create({ ..., device_metadata: { value } })",
    invoke: (client, value) =>
      client.devices.create({ org_id: ORG, integration_id: INTEGRATION, name: { en: "Lobby door controller" }, device_metadata: { value } }, undefined, { org: ORG }),
  },
  syncHelpers: {
    "client.withOrg": "returns a new client; a bad org is a ConfigError at once, like the constructor",
    "entities.byId": "binds an id into a handle without a request",
  },
  extraSurfaces: (client) => ({ "entities.byId(id)": client.entities.byId(ENTITY) }),
  listWithoutContext: {
    label: "devices.list() on a client without an org",
    invoke: (server) => new OpenAppClient({ apiKey: keyFor(server) }).devices.list(),
  },
});
