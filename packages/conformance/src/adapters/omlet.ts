import {
  AbortError,
  ConfigError,
  ConnectionError,
  InternalServerError,
  OmletClient,
  RateLimitError,
  SdkError,
  TimeoutError,
  ValidationError,
} from "@openapp/omlet";
import { defineAdapter } from "../adapter.js";

const API_KEY = "confKeyOMLET_Hd82Jk1Ls9Qp4Wz7Xc3Vb5";
const DEVICE = "Hq3vKd81ZsPwT0bN";
const GROUP = "Rt6GmW2kLx0PqA9s";
const API = "/api/v1";

const door = {
  deviceId: DEVICE,
  deviceSerial: "a4cf12e07b9d",
  deviceTypeId: 1,
  deviceType: "Autodoor",
  groupId: GROUP,
  name: "Hen house",
  state: {
    general: { firmwareVersionCurrent: "1.0.20", batteryLevel: 100, powerSource: "external" },
    door: { state: "closed", lastOpenTime: "06:45", lastCloseTime: "20:10", fault: "none" },
  },
  actions: [{ actionName: "open", actionValue: "open", description: "Open door", pendingValue: "openpending", url: `${API}/device/${DEVICE}/action/open` }],
};

export const omletAdapter = defineAdapter<OmletClient>({
  vendor: "omlet",
  name: "omlet",
  packageName: "@openapp/omlet",
  optionNames: ["apiKey", "baseUrl", "fetch", "timeout", "maxRetries", "middleware", "logger", "headers", "validateResponses"],
  errors: { SdkError, ConfigError, ValidationError, InternalServerError, RateLimitError, ConnectionError, TimeoutError, AbortError },
  secrets: [API_KEY],
  createClient: (server, extra = {}) => new OmletClient({ apiKey: API_KEY, baseUrl: `${server.origin}${API}`, ...extra }),
  withCredential: (server, secret) => new OmletClient({ apiKey: secret, baseUrl: `${server.origin}${API}` }),
  withoutCredentials: (server) => new OmletClient({ apiKey: undefined, baseUrl: `${server.origin}${API}` }),
  errorBody: (message) => ({ message }),
  action: {
    label: 'omlet.performAction({ deviceId, actionName: "open" })',
    method: "POST",
    path: `${API}/device/${DEVICE}/action/open`,
    invoke: (omlet, options) => omlet.performAction({ deviceId: DEVICE, actionName: "open" }, options),
    // Omlet queues the action and answers 204.
    success: { status: 204 },
  },
  write: {
    label: 'omlet.createGroup("Orchard")',
    method: "POST",
    path: `${API}/group`,
    invoke: (omlet, options) => omlet.createGroup("Orchard", options),
    success: { status: 200, body: { groupId: GROUP, groupName: "Orchard", access: "Admin", devices: [], admins: [], users: [] } },
  },
  read: {
    label: "omlet.getDeviceById(id)",
    method: "GET",
    path: `${API}/device/${DEVICE}`,
    invoke: (omlet, options) => omlet.getDeviceById(DEVICE, options),
    success: { status: 200, body: door },
    verify: (result) => {
      if ((result as { deviceId?: unknown }).deviceId !== DEVICE) throw new Error(`getDeviceById returned ${JSON.stringify(result)}`);
    },
  },
  unknownParams: [{ label: "getEvents({ bogus })", key: "bogus", invoke: (omlet) => omlet.getEvents({ bogus: 1 } as never) }],
  bodyCarrying: {
    label: "omlet.updateDevice(id, { name: value })",
    invoke: (omlet, value) => omlet.updateDevice(DEVICE, { name: value as string }),
  },
  syncHelpers: {
    "client.withApiKey": "returns a new client; a bad key is a ConfigError at once, like the constructor",
    "client.door": "builds a handle from a device object already in hand; no request",
    "client.light": "builds a handle from a device object already in hand; no request",
    "client.fan": "builds a handle from a device object already in hand; no request",
    "client.feeder": "builds a handle from a device object already in hand; no request",
    "client.parseWebhookEvent": "parses a webhook body the caller already received; no request",
  },
  extraSurfaces: (omlet) => ({
    "door(device)": omlet.door(door as never),
    "light(device)": omlet.light({ ...door, state: { ...door.state, light: { state: "off" } } } as never),
  }),
});
