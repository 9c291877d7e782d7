import {
  ClientKit,
  ConfigError,
  type FetchLike,
  type Logger,
  type Middleware,
  type RequestOptions,
  type VendorDeclaration,
  assertKnownOptions,
  readingOptions,
  bearerAuth,
  isHeaderSafeToken,
  normalizeBaseUrl,
  readEnv,
} from "@openapp/core";
import { omletDefaultBaseUrl, operationTable, type operations } from "@openapp/omlet-generated";
import { omletErrorMapper } from "./errors.js";
import { type OmletWebhookEvent, type ParseWebhookOptions, parseWebhookEvent } from "./models/webhook.js";
import type {
  AccountUpdate,
  BugReport,
  Configuration,
  ConfigurationPatch,
  CountryCode,
  Device,
  DeviceList,
  DeviceUpdate,
  EventQuery,
  FirmwareVersions,
  Group,
  GroupList,
  GroupNameRequest,
  GroupUserRequest,
  NotificationsUpdate,
  OmletEvent,
  ProvisioningKey,
  RegisterRequest,
  User,
} from "./models/types.js";
import * as account from "./resources/account.js";
import * as app from "./resources/app.js";
import * as auth from "./resources/auth.js";
import * as controls from "./resources/controls.js";
import * as devices from "./resources/devices.js";
import * as events from "./resources/events.js";
import * as groups from "./resources/groups.js";
import * as invites from "./resources/invites.js";
import * as provisioning from "./resources/provisioning.js";
import { type WaitForStateOptions, waitForState } from "./resources/wait-for-state.js";
import {
  type DeviceChanges,
  type DeviceSubscription,
  type DeviceWatcher,
  type WatchDevicesOptions,
  onDeviceChanges,
  watchDevices,
} from "./resources/watch-devices.js";

/** The Omlet API base when `baseUrl` is not given. */
export const DEFAULT_BASE_URL = omletDefaultBaseUrl ?? "https://x107.omlet.co.uk/api/v1";
const API_KEY_ENV = "OMLET_API_KEY";

/** Options of {@link OmletClient}; every one is optional. */
export interface OmletClientOptions {
  /** Bearer API key; defaults to the `OMLET_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `https://x107.omlet.co.uk/api/v1`. */
  baseUrl?: string | undefined;
  /** The `fetch` to send with; the global one by default. */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeout?: number | undefined;
  /** Retries of idempotent requests (default 2). Actions are never retried once sent. */
  maxRetries?: number | undefined;
  /** Runs once per attempt around every request (logging, tracing, extra headers). */
  middleware?: readonly Middleware[] | undefined;
  /** Silent by default; `OMLET_LOG=debug` prints requests to the console. */
  logger?: Logger | undefined;
  /** Extra headers sent on every request. */
  headers?: Record<string, string> | undefined;
  /**
   * Check every answer against the spec's generated zod schema (default false); a mismatch is a
   * ValidationError naming the operation and the JSON path. The schemas load on first use.
   */
  validateResponses?: boolean | undefined;
}

// Every option the client reads; the mapped type makes a new option without an entry a compile error.
const OPTION_KEYS = Object.keys({
  apiKey: 1, baseUrl: 1, fetch: 1, timeout: 1, maxRetries: 1, middleware: 1, logger: 1, headers: 1, validateResponses: 1,
} satisfies Record<keyof OmletClientOptions, 1>);

/** What makes Omlet different from the other vendors; the kit builds the rest. */
export const omletVendor: VendorDeclaration<typeof operationTable, never> = {
  name: "Omlet",
  logLevelEnv: "OMLET_LOG",
  logPrefix: "omlet",
  operations: operationTable,
  mapError: omletErrorMapper,
  // Login, register and password reset must not carry someone's key.
  sendCredentialsToPublicOperations: false,
  missingCredentials: () =>
    `No Omlet API key: pass { apiKey } to OmletClient or set ${API_KEY_ENV} (generate one at smart.omlet.com/developers, or call login()).`,
  loadSchemas: () => import("@openapp/omlet-generated/zod").then((zod) => zod.responseSchemas),
};

export type OmletKit = ClientKit<operations, typeof operationTable, never>;

/** The state every resource shares. */
export interface OmletContext {
  readonly kit: OmletKit;
  /** Told after each action or configuration write this client sends (the device watchers' follow-up reads). */
  readonly activity: Set<() => void>;
}

function validApiKey(apiKey: string | undefined): string | undefined {
  if (apiKey === undefined) return undefined;
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  // Anything else would be rejected by Headers or silently mangled into another credential.
  if (!isHeaderSafeToken(key)) {
    throw new ConfigError("The Omlet API key is empty or contains whitespace/control characters");
  }
  return key;
}

function createContext(options: OmletClientOptions): OmletContext {
  return readingOptions("OmletClient", () => readOptions(options));
}

function readOptions(options: OmletClientOptions): OmletContext {
  assertKnownOptions(options, OPTION_KEYS, "OmletClient");
  const apiKey = validApiKey(options.apiKey ?? readEnv(API_KEY_ENV));
  const kit: OmletKit = new ClientKit(omletVendor, {
    baseUrl: normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    auth: apiKey === undefined ? undefined : bearerAuth(apiKey),
    fetch: options.fetch,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    middleware: options.middleware,
    logger: options.logger,
    headers: options.headers,
    validateResponses: options.validateResponses,
  });
  return { kit, activity: new Set() };
}

/**
 * Client for the Omlet Smart Coop cloud API.
 *
 * ```ts
 * const omlet = new OmletClient(); // reads OMLET_API_KEY
 * const [door] = await omlet.getDevices();
 * await omlet.door(door).open({ skipIfAlready: true });
 * ```
 */
export class OmletClient {
  readonly #options: OmletClientOptions;
  readonly #ctx: OmletContext;

  constructor(options: OmletClientOptions = {}) {
    this.#options = { ...options };
    this.#ctx = createContext(this.#options);
  }

  /** The API base every request and action url is resolved against. */
  get baseUrl(): string {
    return this.#ctx.kit.baseUrl;
  }

  /**
   * A client with the same settings and another key, e.g. the one `login()` returned. No request is made.
   * @throws {ConfigError} when the key is empty or contains whitespace or control characters.
   */
  withApiKey(apiKey: string): OmletClient {
    return new OmletClient({ ...this.#options, apiKey });
  }

  // Devices

  /**
   * Every device the key can see, with its state, configuration and actions.
   * `GET /device`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  getDevices(options?: RequestOptions): Promise<DeviceList> {
    return devices.getDevices(this.#ctx, options);
  }

  /**
   * One device, with its state, configuration and actions.
   * `GET /device/{deviceId}`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  getDeviceById(deviceId: string, options?: RequestOptions): Promise<Device> {
    return devices.getDeviceById(this.#ctx, deviceId, options);
  }

  /**
   * Rename a device (`{ name }`) or move it to another group (`{ groupId }`).
   * `PATCH /device/{deviceId}`.
   * @throws {ValidationError} before any request when `update` names neither.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  updateDevice(deviceId: string, update: DeviceUpdate, options?: RequestOptions): Promise<Device> {
    return devices.updateDevice(this.#ctx, deviceId, update, options);
  }

  /**
   * Queue an action: an entry of `device.actions`, or `{ deviceId, actionName }`. Success means accepted,
   * not done; never retried once it may have reached the server.
   * `POST /device/{deviceId}/action/{action}`.
   * @throws {ValidationError} before any request when the input is neither shape, or its url is not a device action path under the client's base URL.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  performAction(action: devices.ActionInput, options?: RequestOptions): Promise<devices.ActionResult> {
    return devices.performAction(this.#ctx, action, options);
  }

  /**
   * The device's settings, by section (door times, light, fan, feeder).
   * `GET /device/{deviceId}/configuration`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  getConfiguration(deviceId: string, options?: RequestOptions): Promise<Configuration> {
    return devices.getConfiguration(this.#ctx, deviceId, options);
  }

  /**
   * Send only the fields that change, e.g. `{ door: { openTime: "06:45" } }`; the device applies them
   * at its next check-in.
   * `PATCH /device/{deviceId}/configuration`.
   * @throws {ValidationError} before any request when the patch is not an object, is empty, or sets a field to `null`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  updateConfiguration(deviceId: string, patch: ConfigurationPatch, options?: RequestOptions): Promise<void> {
    return devices.updateConfiguration(this.#ctx, deviceId, patch, options);
  }

  /**
   * Ask every device to stay connected for `durationSeconds` so commands land quickly.
   * `POST /keepalive`.
   * @throws {ValidationError} before any request when `durationSeconds` is not a positive whole number.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  keepAlive(durationSeconds: number, options?: RequestOptions): Promise<void> {
    return devices.keepAlive(this.#ctx, durationSeconds, options);
  }

  /**
   * The latest firmware versions per device type.
   * `GET /firmware/latest`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  getLatestFirmware(options?: RequestOptions): Promise<FirmwareVersions> {
    return devices.getLatestFirmware(this.#ctx, options);
  }

  /**
   * Poll until `predicate` holds on a settled reading (pending states never count).
   * `GET /device/{deviceId}` per poll.
   * @throws {StateTimeoutError} when the wait runs past `maxWaitMs`.
   * @throws {ConfigError} before any request when an option is invalid or the client has no API key.
   * @throws {ApiError} for a non-2xx answer to a poll.
   */
  waitForState(deviceId: string, predicate: (device: Device) => boolean, options?: WaitForStateOptions): Promise<Device> {
    return waitForState(this.#ctx, deviceId, predicate, options);
  }

  /**
   * Polls `getDevices` (every 5 min by default, 1.5 s and 5 s after each action sent through
   * this client, at once on `notify(webhookEvent)`) and yields what changed. Never sends an action.
   * `GET /device` per poll.
   *
   * ```ts
   * for await (const { changes } of omlet.watchDevices({ signal })) console.log(changes);
   * ```
   * @throws {ConfigError} when `intervalMs` or `followUpDelaysMs` is out of range.
   */
  watchDevices(options?: WatchDevicesOptions): DeviceWatcher {
    return watchDevices(this.#ctx, options);
  }

  /**
   * The callback form of `watchDevices`: `stop()` it, or pass a `signal`. `GET /device` per poll.
   * @throws {ConfigError} when `listener` is not a function or an option is out of range.
   */
  onDeviceChanges(listener: (changes: DeviceChanges) => void | Promise<void>, options?: WatchDevicesOptions): DeviceSubscription {
    return onDeviceChanges(this.#ctx, listener, options);
  }

  // Hardware-shaped helpers

  /**
   * Open, close or stop an Autodoor's door: each method queues that action (`POST /device/{deviceId}/action/{action}`);
   * `skipIfAlready` sends nothing when the device object already shows the target.
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  door(device: Device): controls.DoorControl {
    return controls.doorControl(this.#ctx, device);
  }

  /**
   * Turn an Autodoor's light on or off; each method queues that action (`POST /device/{deviceId}/action/{action}`).
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  light(device: Device): controls.LightControl {
    return controls.lightControl(this.#ctx, device);
  }

  /**
   * Turn a Fan on, off or to boost; each method queues that action (`POST /device/{deviceId}/action/{action}`).
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  fan(device: Device): controls.FanControl {
    return controls.fanControl(this.#ctx, device);
  }

  /**
   * Open or close a Feeder; each method queues that action (`POST /device/{deviceId}/action/{action}`).
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  feeder(device: Device): controls.FeederControl {
    return controls.feederControl(this.#ctx, device);
  }

  // Groups and invites

  /**
   * Every group the user can access.
   * `GET /group`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  getGroups(options?: RequestOptions): Promise<GroupList> {
    return groups.getGroups(this.#ctx, options);
  }

  /**
   * One group by id.
   * `GET /group/{groupId}`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  getGroupById(groupId: string, options?: RequestOptions): Promise<Group> {
    return groups.getGroupById(this.#ctx, groupId, options);
  }

  /**
   * Creates a group from a name or `{ groupName }`.
   * `POST /group`.
   * @throws {ValidationError} before any request when the name is empty.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  createGroup(name: string | GroupNameRequest, options?: RequestOptions): Promise<Group> {
    return groups.createGroup(this.#ctx, name, options);
  }

  /**
   * Renames the group (the only field the API lets you change).
   * `PATCH /group/{groupId}`.
   * @throws {ValidationError} before any request when the name is empty.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  updateGroup(groupId: string, name: string | GroupNameRequest, options?: RequestOptions): Promise<void> {
    return groups.updateGroup(this.#ctx, groupId, name, options);
  }

  /**
   * Same as `updateGroup`, under the official SDKs' name.
   * `PATCH /group/{groupId}`.
   * @throws {ValidationError} before any request when the name is empty.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  updateGroupName(groupId: string, name: string | GroupNameRequest, options?: RequestOptions): Promise<void> {
    return groups.updateGroup(this.#ctx, groupId, name, options);
  }

  /**
   * Deletes an empty group.
   * `DELETE /group/{groupId}`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer: `BadRequestError` when the group is not empty.
   */
  deleteGroup(groupId: string, options?: RequestOptions): Promise<void> {
    return groups.deleteGroup(this.#ctx, groupId, options);
  }

  /**
   * Invites an email address to the group with an access level.
   * `POST /group/{groupId}/user`.
   * @throws {ValidationError} before any request when `emailAddress` has no `@`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  inviteUser(groupId: string, invite: GroupUserRequest, options?: RequestOptions): Promise<void> {
    return groups.inviteUser(this.#ctx, groupId, invite, options);
  }

  /**
   * Changes a member's access level.
   * `PATCH /group/{groupId}/user`.
   * @throws {ValidationError} before any request when `emailAddress` has no `@`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  updateUserAccess(groupId: string, member: GroupUserRequest, options?: RequestOptions): Promise<void> {
    return groups.updateUserAccess(this.#ctx, groupId, member, options);
  }

  /**
   * Removes a member; the address goes in both the `emailAddress` query and the JSON body.
   * `DELETE /group/{groupId}/user`.
   * @throws {ValidationError} before any request when `emailAddress` has no `@`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  removeUser(groupId: string, emailAddress: string, options?: RequestOptions): Promise<void> {
    return groups.removeUser(this.#ctx, groupId, emailAddress, options);
  }

  /**
   * Accepts an invite from `User.invites` (or its group id).
   * `POST /invite/{groupId}`.
   * @throws {ValidationError} before any request when the invite has no group id.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  acceptInvite(invite: invites.InviteRef, options?: RequestOptions): Promise<void> {
    return invites.acceptInvite(this.#ctx, invite, options);
  }

  /**
   * Declines an invite from `User.invites` (or its group id).
   * `DELETE /invite/{groupId}`.
   * @throws {ValidationError} before any request when the invite has no group id.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  rejectInvite(invite: invites.InviteRef, options?: RequestOptions): Promise<void> {
    return invites.rejectInvite(this.#ctx, invite, options);
  }

  // Account and authentication

  /**
   * The account behind the API key, with its pending invites (`[]` when the server leaves them out).
   * `GET /whoami`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  getUser(options?: RequestOptions): Promise<User> {
    return account.getUser(this.#ctx, options);
  }

  /**
   * Changes the user's name or email address.
   * `PATCH /account`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  updateAccount(update: AccountUpdate, options?: RequestOptions): Promise<void> {
    return account.updateAccount(this.#ctx, update, options);
  }

  /**
   * Returns an API key for these app credentials; no key is needed to call it. `cc` is the shop country, e.g. `GB`.
   * `POST /login`; the password is masked in every error.
   * @throws {ValidationError} before any request when the email address or password is empty.
   * @throws {LoginFailedError} when the server refuses the credentials (401).
   * @throws {ApiError} for a non-2xx answer.
   */
  login(emailAddress: string, password: string, cc?: CountryCode, options?: RequestOptions): Promise<string> {
    return auth.login(this.#ctx, emailAddress, password, cc, options);
  }

  /**
   * Expires this client's API key; later calls with it fail with AuthenticationError.
   * `POST /logout`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  logout(options?: RequestOptions): Promise<void> {
    return auth.logout(this.#ctx, options);
  }

  /**
   * Creates an Omlet account; no key is needed.
   * `POST /register`.
   * @throws {ApiError} for a non-2xx answer (`InvalidFieldsError` for rejected fields).
   */
  register(account: RegisterRequest, options?: RequestOptions): Promise<void> {
    return auth.register(this.#ctx, account, options);
  }

  /**
   * Emails a reset link; the server answers the same whether or not the address is known.
   * `POST /resetpassword`; no key is needed.
   * @throws {ValidationError} before any request when the email address is empty.
   * @throws {ApiError} for a non-2xx answer.
   */
  resetPassword(emailAddress: string, options?: RequestOptions): Promise<void> {
    return auth.resetPassword(this.#ctx, emailAddress, options);
  }

  // App, provisioning and history

  /**
   * Registers a phone's push-notification token (used by Omlet's own app).
   * `POST /token/{token}`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  registerPushToken(token: string, options?: RequestOptions): Promise<void> {
    return app.registerPushToken(this.#ctx, token, options);
  }

  /**
   * Removes a push-notification token.
   * `DELETE /token/{token}`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  unregisterPushToken(token: string, options?: RequestOptions): Promise<void> {
    return app.unregisterPushToken(this.#ctx, token, options);
  }

  /**
   * Chooses which notifications are sent and the daily window they may arrive in.
   * `PATCH /notifications`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  updateNotifications(update: NotificationsUpdate, options?: RequestOptions): Promise<void> {
    return app.updateNotifications(this.#ctx, update, options);
  }

  /**
   * Sends a bug report to Omlet.
   * `POST /bugreport`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  createBugReport(report: BugReport, options?: RequestOptions): Promise<void> {
    return app.createBugReport(this.#ctx, report, options);
  }

  /**
   * A key and device id to hand to a new device joining `groupId`.
   * `POST /provision`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  createProvisioningKey(groupId: string, options?: RequestOptions): Promise<ProvisioningKey> {
    return provisioning.createProvisioningKey(this.#ctx, groupId, options);
  }

  /**
   * Finishes provisioning the device with this serial.
   * `POST /provision/device`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  completeProvisioning(deviceSerial: string, options?: RequestOptions): Promise<void> {
    return provisioning.completeProvisioning(this.#ctx, deviceSerial, options);
  }

  /**
   * Recent state changes (about five weeks), one page at a time (`{ page: 2 }`). Experimental.
   * `GET /events`.
   * @throws {ValidationError} before any request when `query` has a name other than `page`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer.
   */
  getEvents(query?: EventQuery, options?: RequestOptions): Promise<OmletEvent[]> {
    return events.getEvents(this.#ctx, query, options);
  }

  /**
   * Read a webhook POST body (flat or under `payload`) into a typed event; no request is made.
   * @throws {ValidationError} when the body is not a valid event, or the token does not match `expectedToken`.
   * @throws {ConfigError} when `expectedToken` is empty.
   */
  parseWebhookEvent(body: unknown, options?: ParseWebhookOptions): OmletWebhookEvent {
    return parseWebhookEvent(body, options);
  }
}
