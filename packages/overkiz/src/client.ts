import {
  withFetchCredentials,
  ClientKit,
  ConfigError,
  type FetchCredentials,
  type FetchLike,
  type Logger,
  Resource,
  type VendorDeclaration,
  assertKnownClientOptions,
  commonKitOptions,
  type CommonClientOptions,
  composeResources,
  readingOptions,
} from "@openapp/core";
import { operationTable } from "@openapp/overkiz-generated";
import type { ClientCache, OverkizContext, OverkizKit } from "./context.js";
import { overkizErrorMapper } from "./errors.js";
import { type ActionQueueSettings, resolveActionQueueSettings } from "./internal/action-queue.js";
import { type Credentials, strategyFor } from "./internal/auth/credentials.js";
import { type IdentityEndpointOverrides, resolveIdentityEndpoints } from "./internal/auth/identity-endpoints.js";
import type { AuthStrategy } from "./internal/auth/strategy.js";
import { EventListener } from "./internal/event-listener.js";
import { type LoginBackoffSettings, LoginGuard } from "./internal/login-guard.js";
import { overkizRefusals } from "./internal/refusals.js";
import { OverkizSession } from "./internal/session.js";
import { type ServerConfig, type ServerKey, resolveServer } from "./models/servers.js";
import { defaultHeaders } from "./version.js";
import { ActionGroupsResource } from "./resources/action-groups.js";
import { DeviceHandleResource } from "./resources/device-handle.js";
import { DevicesResource } from "./resources/devices.js";
import { EventsResource } from "./resources/events.js";
import { ExecutionsResource, createActionQueue } from "./resources/executions.js";
import { FirmwareResource } from "./resources/firmware.js";
import { GatewaysResource } from "./resources/gateways.js";
import { LocalTokensResource } from "./resources/local-tokens.js";
import { ReferenceResource } from "./resources/reference.js";
import { SessionResource } from "./resources/session.js";
import { SetupResource } from "./resources/setup.js";

/** Options of {@link OverkizClient}: `server` and `credentials` are required. */
export interface OverkizClientOptions extends CommonClientOptions {
  /** A key of `SERVERS` (`"somfy_europe"`), or a config such as `localServer(host)`. */
  server: ServerKey | ServerConfig;
  /**
   * `{ username, password }` (the brand's sign-in), `{ token }` (bearer: local API, generic,
   * Rexel), `{ jwt }`, `{ userId, ssoToken }`, Rexel OAuth, or any AuthStrategy.
   */
  credentials: Credentials;
  /** Defaults to the global fetch. On Node, `createLocalGatewayFetch()` adds the gateway's CA. */
  fetch?: FetchLike | undefined;
  /**
   * In a browser, `"include"` sends and keeps the Overkiz session cookie across origins (the server
   * or your proxy must allow credentialed CORS). Applies to Overkiz requests only, never to identity
   * providers. See the README's browser section.
   */
  fetchCredentials?: FetchCredentials | undefined;
  /** Uniform random source for retry jitter; injectable for deterministic tests. */
  random?: (() => number) | undefined;
  /** Clock in epoch milliseconds (token expiry, login pauses); injectable for tests. */
  now?: (() => number) | undefined;
  /** Overrides for the partner identity providers (Somfy, Cozytouch, Nexity, Brandt, Rexel). */
  identityEndpoints?: IdentityEndpointOverrides | undefined;
  /**
   * Merge `executeActionGroup` calls made within `delayMs` into one execution of at most
   * `maxActions` devices (a single larger call goes alone). `true` uses `{ delayMs: 100, maxActions: 20 }`.
   */
  actionQueue?: boolean | ActionQueueSettings | undefined;
  /**
   * Seconds (the wire unit) appended to RTS commands that lack their last (duration) parameter;
   * needs the device list loaded (`getSetup()` or `getDevices()`). Off when undefined.
   */
  defaultRtsCommandDurationSeconds?: number | undefined;
  /** Pause after refused logins (defaults: 60 000 ms, ×4, at most 4 h); `false` turns it off. */
  loginBackoff?: false | LoginBackoffSettings | undefined;
  /**
   * Check commands for known devices (loaded by `getSetup()`/`getDevices()` or passed in) before
   * sending; only what the device proves wrong is a ValidationError: a command its definition
   * does not list, more parameters than it allows (optional ones counted), a value outside the
   * set or range the device declares; its UI profiles fill in types and ranges only where it
   * declares nothing (see the README). Default true.
   */
  validateCommands?: boolean | undefined;
}

// Every option the client reads; the mapped type makes a new option without an entry a compile error.
const OPTION_KEYS = Object.keys({
  server: 1, credentials: 1, fetchCredentials: 1, random: 1, now: 1,
  identityEndpoints: 1, actionQueue: 1, defaultRtsCommandDurationSeconds: 1, loginBackoff: 1, validateCommands: 1,
} satisfies Record<Exclude<keyof OverkizClientOptions, keyof CommonClientOptions>, 1>);

/** Options renamed when durations got their unit; the old name is refused with the new one. */

/** What makes Overkiz different from the other vendors; the kit builds the rest. */
const overkizVendor: VendorDeclaration<typeof operationTable, never> = {
  name: "Overkiz",
  aliases: { defaultRtsCommandDuration: "defaultRtsCommandDurationSeconds" },
  logLevelEnv: "OVERKIZ_LOG",
  logPrefix: "overkiz",
  operations: operationTable,
  mapError: overkizErrorMapper,
  // Overkiz documents no request deduplication: a caller's idempotencyKey is dropped by core.
  deduplicatesByIdempotencyKey: false,
  // `/login` and `/apiVersion` (security: []) never carry the session or the token.
  sendCredentialsToPublicOperations: false,
  missingCredentials: (id) => `${id} needs credentials: pass { credentials } to OverkizClient`,
  loadSchemas: () => import("@openapp/overkiz-generated/zod").then((zod) => zod.responseSchemas),
};

function checkedFlag(value: boolean | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function checkedRtsDuration(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`defaultRtsCommandDurationSeconds must be a number of seconds ≥ 0, got ${value}`);
  return value;
}

function createContext(options: OverkizClientOptions): OverkizContext {
  return readingOptions("OverkizClient", () => readOptions(options));
}

/**
 * Builds in one direction: the session and the event listener first (neither holds the kit: core
 * hands them its calls whenever it runs them), then the kit on top, then what sends through it.
 */
function readOptions(options: OverkizClientOptions): OverkizContext {
  assertKnownClientOptions(options, overkizVendor, OPTION_KEYS);
  const server = resolveServer(options.server);
  const strategy = strategyFor(server, options.credentials);
  const now = options.now ?? Date.now;
  const identity = resolveIdentityEndpoints(options.identityEndpoints);
  const defaultRtsCommandDurationSeconds = checkedRtsDuration(options.defaultRtsCommandDurationSeconds);
  const guard = options.loginBackoff === false ? undefined : new LoginGuard(now, options.loginBackoff);
  const queueSettings = resolveActionQueueSettings(options.actionQueue);
  const session = new OverkizSession(strategy, guard, { server, now, identity });
  const listener = new EventListener(session);
  const kit: OverkizKit = new ClientKit(overkizVendor, {
    ...commonKitOptions(options),
    baseUrl: server.endpoint,
    auth: session,
    fetch: withFetchCredentials(options.fetch, options.fetchCredentials),
    // Identity providers get neither the cookie mode nor anything else of the Overkiz session.
    foreignFetch: options.fetch,
    headers: defaultHeaders(options.headers),
    random: options.random,
    refusals: overkizRefusals(session, listener),
  });
  const cache: ClientCache = {};
  return {
    kit,
    server,
    logger: kit.logger,
    now,
    session,
    listener,
    actionQueue: createActionQueue(kit, queueSettings),
    defaultRtsCommandDurationSeconds,
    validateCommands: checkedFlag(options.validateCommands, "validateCommands", true),
    cache,
    resetCache() {
      cache.setup = undefined;
      cache.setupLoading = undefined;
      cache.devices = undefined;
      cache.gateways = undefined;
    },
  };
}

const RESOURCES = [
  SessionResource,
  SetupResource,
  DevicesResource,
  FirmwareResource,
  GatewaysResource,
  EventsResource,
  ExecutionsResource,
  ActionGroupsResource,
  ReferenceResource,
  LocalTokensResource,
  DeviceHandleResource,
];

// The methods come from the resources (signatures and docs written once, there).
export interface OverkizClient
  extends SessionResource,
    SetupResource,
    DevicesResource,
    FirmwareResource,
    GatewaysResource,
    EventsResource,
    ExecutionsResource,
    ActionGroupsResource,
    ReferenceResource,
    LocalTokensResource,
    DeviceHandleResource {}

/**
 * Client for the Overkiz end-user API (cloud servers and the local gateway API). Its method
 * names follow pyoverkiz, camelCased; every method returns a promise and never throws
 * synchronously.
 *
 * ```ts
 * const client = new OverkizClient({ server: "somfy_america", credentials: { username, password } });
 * await client.login();
 * const { devices } = await client.getSetup();
 * ```
 *
 * **Errors.** Every method keeps one contract; each generated method's doc links here. Every
 * failure is an {@link SdkError}, and a method that returns a promise rejects, never throws:
 * - {@link ValidationError} before any request when an input is not what the operation takes: a
 *   malformed device URL, an empty id, an unknown parameter name, a command a known device
 *   proves wrong;
 * - {@link BadCredentialsError} (or a brand's subclass) when the login made first (when not
 *   signed in) is refused, {@link LoginLockedError} without a request while the pause after
 *   refused logins runs;
 * - {@link BaseOverkizError} for an error answer, as its subclass ({@link NoSuchDeviceError},
 *   {@link TooManyExecutionsError} once its resends are spent, …);
 * - {@link ConnectionError}, {@link TimeoutError} or {@link AbortError} when the answer never
 *   comes. Reads are retried first; an execution that may have reached the server is never sent
 *   twice.
 */
export class OverkizClient extends Resource<OverkizContext> {
  /** Checks every option (unknown or renamed ones are a ConfigError) before any request. */
  constructor(options: OverkizClientOptions) {
    super(createContext(options));
  }

  /** The server this client talks to: endpoint, API type (cloud or local) and brand. */
  get server(): ServerConfig {
    return this.ctx.server;
  }

  /** The auth strategy in use, built from `credentials` (or the one passed in). */
  get auth(): AuthStrategy {
    return this.ctx.session.strategy;
  }

  /** The registered event listener, if any. */
  get eventListenerId(): string | undefined {
    return this.ctx.listener.id;
  }

  /** Devices waiting in the action queue's next execution. */
  get pendingActionsCount(): number {
    return this.ctx.actionQueue?.pendingCount ?? 0;
  }
}
composeResources(OverkizClient, RESOURCES);
