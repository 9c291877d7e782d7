import {
  ClientKit,
  ConfigError,
  type CommonClientOptions,
  Resource,
  type VendorDeclaration,
  assertKnownClientOptions,
  commonKitOptions,
  composeResources,
  readingOptions,
  bearerAuth,
  isHeaderSafeToken,
  normalizeBaseUrl,
  readEnv,
} from "@openapp/core";
import { omletDefaultBaseUrl, operationTable } from "@openapp/omlet-generated";
import type { OmletContext, OmletKit } from "./context.js";
import { omletErrorMapper } from "./errors.js";
import { AppOperations } from "./generated/resources.js";
import { AccountResource } from "./resources/account.js";
import { ActionsResource } from "./resources/actions.js";
import { AuthResource } from "./resources/auth.js";
import { DevicesResource } from "./resources/devices.js";
import { EventsResource } from "./resources/events.js";
import { GroupsResource } from "./resources/groups.js";
import { InvitesResource } from "./resources/invites.js";
import { ProvisioningResource } from "./resources/provisioning.js";

/** The Omlet API base when `baseUrl` is not given. */
export const DEFAULT_BASE_URL = omletDefaultBaseUrl ?? "https://x107.omlet.co.uk/api/v1";
const API_KEY_ENV = "OMLET_API_KEY";

/** Options of {@link OmletClient}; every one is optional. */
export interface OmletClientOptions extends CommonClientOptions {
  /** Bearer API key; defaults to the `OMLET_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `https://x107.omlet.co.uk/api/v1`. */
  baseUrl?: string | undefined;
}

// Every option the client reads; the mapped type makes a new option without an entry a compile error.
const OPTION_KEYS = Object.keys({
  apiKey: 1, baseUrl: 1,
} satisfies Record<Exclude<keyof OmletClientOptions, keyof CommonClientOptions>, 1>);

/** What makes Omlet different from the other vendors; the kit builds the rest. */
const omletVendor: VendorDeclaration<typeof operationTable, never> = {
  name: "Omlet",
  logLevelEnv: "OMLET_LOG",
  logPrefix: "omlet",
  operations: operationTable,
  mapError: omletErrorMapper,
  // Omlet queues every command it receives; it documents no deduplication.
  deduplicatesByIdempotencyKey: false,
  // Login, register and password reset must not carry someone's key.
  sendCredentialsToPublicOperations: false,
  missingCredentials: () =>
    `No Omlet API key: pass { apiKey } to OmletClient or set ${API_KEY_ENV} (generate one at smart.omlet.com/developers, or call login()).`,
  loadSchemas: () => import("@openapp/omlet-generated/zod").then((zod) => zod.responseSchemas),
};

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
  assertKnownClientOptions(options, omletVendor, OPTION_KEYS);
  const apiKey = validApiKey(options.apiKey ?? readEnv(API_KEY_ENV));
  const kit: OmletKit = new ClientKit(omletVendor, {
    ...commonKitOptions(options),
    baseUrl: normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    auth: apiKey === undefined ? undefined : bearerAuth(apiKey),
  });
  return { kit, activity: new Set() };
}

const RESOURCES = [
  DevicesResource,
  ActionsResource,
  GroupsResource,
  InvitesResource,
  AccountResource,
  AuthResource,
  AppOperations,
  ProvisioningResource,
  EventsResource,
] as const;

// The resources' methods, put on the prototype by composeResources below; signatures and docs live on the resources.
export interface OmletClient
  extends DevicesResource,
    ActionsResource,
    GroupsResource,
    InvitesResource,
    AccountResource,
    AuthResource,
    AppOperations,
    ProvisioningResource,
    EventsResource {}

/**
 * Client for the Omlet Smart Coop cloud API. Its methods come from one resource class each
 * (devices, actions, groups, invites, account, auth, app, provisioning, events), composed flat;
 * the methods that only pass their inputs to an operation are generated from the spec.
 *
 * ```ts
 * const omlet = new OmletClient(); // reads OMLET_API_KEY
 * const [door] = await omlet.getDevices();
 * await omlet.door(door).open({ skipIfAlready: true });
 * ```
 *
 * ## Errors
 *
 * Every method that sends a request returns a promise and never throws synchronously; it rejects
 * with an `SdkError`:
 * - `ConfigError` before any request when the client has no API key (`login`, `register` and
 *   `resetPassword` need none);
 * - `ValidationError` before any request for input the method names as refused;
 * - an `ApiError` subclass for a non-2xx answer: `AuthenticationError` (401), `NotFoundError`
 *   (404), `RateLimitError` (429), `InternalServerError` (5xx) and the others in the README;
 *   `InvalidFieldsError` (a `BadRequestError`) when a 400 names the rejected fields;
 * - `ConnectionError`, `TimeoutError` or `AbortError` when no answer arrives.
 *
 * Reads are retried (`maxRetries`); an action or other POST is never resent once it may have
 * reached the server.
 */
export class OmletClient extends Resource<OmletContext> {
  readonly #options: OmletClientOptions;

  constructor(options: OmletClientOptions = {}) {
    const copy = { ...options };
    super(createContext(copy));
    this.#options = copy;
  }

  /** The API base every request and action url is resolved against. */
  get baseUrl(): string {
    return this.ctx.kit.baseUrl;
  }

  /**
   * A client with the same settings and another key, e.g. the one `login()` returned. No request is made.
   * @throws {ConfigError} when the key is empty or contains whitespace or control characters.
   */
  withApiKey(apiKey: string): OmletClient {
    return new OmletClient({ ...this.#options, apiKey });
  }
}

composeResources(OmletClient, RESOURCES);
