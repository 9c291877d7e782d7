import {
  ClientKit,
  ConfigError,
  type FetchLike,
  type Logger,
  type Middleware,
  type RequestOptions,
  type VendorDeclaration,
  assertKnownOptions,
  bearerAuth,
  isHeaderSafeToken,
  normalizeBaseUrl,
  readEnv,
} from "@openapp/core";
import { type OmletRawClient, createOmletRawClient, omletDefaultBaseUrl, operationTable, type operations } from "@openapp/omlet-generated";
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

export const DEFAULT_BASE_URL = omletDefaultBaseUrl ?? "https://x107.omlet.co.uk/api/v1";
const API_KEY_ENV = "OMLET_API_KEY";

export interface OmletClientOptions {
  /** Bearer API key; defaults to the `OMLET_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `https://x107.omlet.co.uk/api/v1`. */
  baseUrl?: string | undefined;
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeout?: number | undefined;
  /** Retries of idempotent requests (default 2). Actions are never retried once sent. */
  maxRetries?: number | undefined;
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
export const omletVendor: VendorDeclaration<typeof operationTable, OmletRawClient> = {
  name: "Omlet",
  logLevelEnv: "OMLET_LOG",
  logPrefix: "omlet",
  operations: operationTable,
  createRawClient: createOmletRawClient,
  mapError: omletErrorMapper,
  // Omlet queues every command it receives; it documents no deduplication.
  deduplicatesByIdempotencyKey: false,
  // Login, register and password reset must not carry someone's key.
  sendCredentialsToPublicOperations: false,
  missingCredentials: () =>
    `No Omlet API key: pass { apiKey } to OmletClient or set ${API_KEY_ENV} (generate one at smart.omlet.com/developers, or call login()).`,
  loadSchemas: () => import("@openapp/omlet-generated/zod").then((zod) => zod.responseSchemas),
};

export type OmletKit = ClientKit<operations, typeof operationTable, OmletRawClient>;

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

  /** A client with the same settings and another key, e.g. the one `login()` returned. */
  withApiKey(apiKey: string): OmletClient {
    return new OmletClient({ ...this.#options, apiKey });
  }

  // Devices

  getDevices(options?: RequestOptions): Promise<DeviceList> {
    return devices.getDevices(this.#ctx, options);
  }

  getDeviceById(deviceId: string, options?: RequestOptions): Promise<Device> {
    return devices.getDeviceById(this.#ctx, deviceId, options);
  }

  /** Rename a device or move it to another group. */
  updateDevice(deviceId: string, update: DeviceUpdate, options?: RequestOptions): Promise<Device> {
    return devices.updateDevice(this.#ctx, deviceId, update, options);
  }

  /** Queue an action: an entry of `device.actions`, or `{ deviceId, actionName }`. Never retried once sent. */
  performAction(action: devices.ActionInput, options?: RequestOptions): Promise<devices.ActionResult> {
    return devices.performAction(this.#ctx, action, options);
  }

  getConfiguration(deviceId: string, options?: RequestOptions): Promise<Configuration> {
    return devices.getConfiguration(this.#ctx, deviceId, options);
  }

  /** Send only the fields that change, e.g. `{ door: { openTime: "06:45" } }`. */
  updateConfiguration(deviceId: string, patch: ConfigurationPatch, options?: RequestOptions): Promise<void> {
    return devices.updateConfiguration(this.#ctx, deviceId, patch, options);
  }

  keepAlive(durationSeconds: number, options?: RequestOptions): Promise<void> {
    return devices.keepAlive(this.#ctx, durationSeconds, options);
  }

  getLatestFirmware(options?: RequestOptions): Promise<FirmwareVersions> {
    return devices.getLatestFirmware(this.#ctx, options);
  }

  /** Poll until `predicate` holds on a settled reading (pending states never count). */
  waitForState(deviceId: string, predicate: (device: Device) => boolean, options?: WaitForStateOptions): Promise<Device> {
    return waitForState(this.#ctx, deviceId, predicate, options);
  }

  /**
   * Polls `getDevices` (every 5 min by default, 1.5 s and 5 s after each action sent through
   * this client, at once on `notify(webhookEvent)`) and yields what changed. Never sends an action.
   *
   * ```ts
   * for await (const { changes } of omlet.watchDevices({ signal })) console.log(changes);
   * ```
   */
  watchDevices(options?: WatchDevicesOptions): DeviceWatcher {
    return watchDevices(this.#ctx, options);
  }

  /** The callback form of `watchDevices`: `stop()` it, or pass a `signal`. */
  onDeviceChanges(listener: (changes: DeviceChanges) => void | Promise<void>, options?: WatchDevicesOptions): DeviceSubscription {
    return onDeviceChanges(this.#ctx, listener, options);
  }

  // Hardware-shaped helpers

  door(device: Device): controls.DoorControl {
    return controls.doorControl(this.#ctx, device);
  }

  light(device: Device): controls.LightControl {
    return controls.lightControl(this.#ctx, device);
  }

  fan(device: Device): controls.FanControl {
    return controls.fanControl(this.#ctx, device);
  }

  feeder(device: Device): controls.FeederControl {
    return controls.feederControl(this.#ctx, device);
  }

  // Groups and invites

  getGroups(options?: RequestOptions): Promise<GroupList> {
    return groups.getGroups(this.#ctx, options);
  }

  getGroupById(groupId: string, options?: RequestOptions): Promise<Group> {
    return groups.getGroupById(this.#ctx, groupId, options);
  }

  createGroup(name: string | GroupNameRequest, options?: RequestOptions): Promise<Group> {
    return groups.createGroup(this.#ctx, name, options);
  }

  updateGroup(groupId: string, name: string | GroupNameRequest, options?: RequestOptions): Promise<void> {
    return groups.updateGroup(this.#ctx, groupId, name, options);
  }

  /** Same as `updateGroup`, under the official SDKs' name. */
  updateGroupName(groupId: string, name: string | GroupNameRequest, options?: RequestOptions): Promise<void> {
    return groups.updateGroup(this.#ctx, groupId, name, options);
  }

  deleteGroup(groupId: string, options?: RequestOptions): Promise<void> {
    return groups.deleteGroup(this.#ctx, groupId, options);
  }

  inviteUser(groupId: string, invite: GroupUserRequest, options?: RequestOptions): Promise<void> {
    return groups.inviteUser(this.#ctx, groupId, invite, options);
  }

  updateUserAccess(groupId: string, member: GroupUserRequest, options?: RequestOptions): Promise<void> {
    return groups.updateUserAccess(this.#ctx, groupId, member, options);
  }

  removeUser(groupId: string, emailAddress: string, options?: RequestOptions): Promise<void> {
    return groups.removeUser(this.#ctx, groupId, emailAddress, options);
  }

  acceptInvite(invite: invites.InviteRef, options?: RequestOptions): Promise<void> {
    return invites.acceptInvite(this.#ctx, invite, options);
  }

  rejectInvite(invite: invites.InviteRef, options?: RequestOptions): Promise<void> {
    return invites.rejectInvite(this.#ctx, invite, options);
  }

  // Account and authentication

  getUser(options?: RequestOptions): Promise<User> {
    return account.getUser(this.#ctx, options);
  }

  updateAccount(update: AccountUpdate, options?: RequestOptions): Promise<void> {
    return account.updateAccount(this.#ctx, update, options);
  }

  /** Returns an API key for these app credentials; no key is needed to call it. */
  login(emailAddress: string, password: string, cc?: CountryCode, options?: RequestOptions): Promise<string> {
    return auth.login(this.#ctx, emailAddress, password, cc, options);
  }

  /** Expires this client's API key. */
  logout(options?: RequestOptions): Promise<void> {
    return auth.logout(this.#ctx, options);
  }

  register(account: RegisterRequest, options?: RequestOptions): Promise<void> {
    return auth.register(this.#ctx, account, options);
  }

  resetPassword(emailAddress: string, options?: RequestOptions): Promise<void> {
    return auth.resetPassword(this.#ctx, emailAddress, options);
  }

  // App, provisioning and history

  registerPushToken(token: string, options?: RequestOptions): Promise<void> {
    return app.registerPushToken(this.#ctx, token, options);
  }

  unregisterPushToken(token: string, options?: RequestOptions): Promise<void> {
    return app.unregisterPushToken(this.#ctx, token, options);
  }

  updateNotifications(update: NotificationsUpdate, options?: RequestOptions): Promise<void> {
    return app.updateNotifications(this.#ctx, update, options);
  }

  createBugReport(report: BugReport, options?: RequestOptions): Promise<void> {
    return app.createBugReport(this.#ctx, report, options);
  }

  createProvisioningKey(groupId: string, options?: RequestOptions): Promise<ProvisioningKey> {
    return provisioning.createProvisioningKey(this.#ctx, groupId, options);
  }

  completeProvisioning(deviceSerial: string, options?: RequestOptions): Promise<void> {
    return provisioning.completeProvisioning(this.#ctx, deviceSerial, options);
  }

  getEvents(query?: EventQuery, options?: RequestOptions): Promise<OmletEvent[]> {
    return events.getEvents(this.#ctx, query, options);
  }

  /** Read a webhook POST body (flat or under `payload`) into a typed event. */
  parseWebhookEvent(body: unknown, options?: ParseWebhookOptions): OmletWebhookEvent {
    return parseWebhookEvent(body, options);
  }
}
