import {
  type Auth,
  ClientKit,
  ConfigError,
  type FetchLike,
  type CommonClientOptions,
  type VendorDeclaration,
  assertKnownClientOptions,
  commonKitOptions,
  readingOptions,
  bearerAuth,
  headerAuth,
  isHeaderSafeToken,
  normalizeBaseUrl,
  readEnv,
  shown,
} from "@openapp/core";
import { type OpenAppRawClient, createOpenAppRawClient, operationTable } from "@openapp/openapp-generated";
import { type OpenAppV1RawClient, createOpenAppV1RawClient, operationTable as v1OperationTable } from "@openapp/openapp-v1-generated";
import { type ApiVersion, DEFAULT_PAGE_SIZE, type EntityShortcut, MAX_PAGE_SIZE, type OpenAppContext, type OpenAppKit, type OpenAppV1Kit } from "./context.js";
import { toWireQuery, toWireQueryV1 } from "./internal/query.js";
import { type ParsedApiKey, parseApiKey } from "./models/api-key.js";
import { ApartmentResidentsResource } from "./resources/apartment-residents.js";
import { ApiKeysResource } from "./resources/api-keys.js";
import { AuthResource } from "./resources/auth.js";
import { BillingResource } from "./resources/billing.js";
import { DevicesResource } from "./resources/devices.js";
import { EntitiesResource } from "./resources/entities.js";
import { EulaResource } from "./resources/eula.js";
import { IntegrationsResource } from "./resources/integrations.js";
import { LanAgentResource } from "./resources/lan-agent.js";
import { MeResource } from "./resources/me.js";
import { OrgsResource } from "./resources/orgs.js";
import { PublicAccessResource } from "./resources/public-access.js";
import { ScriptingResource } from "./resources/scripting.js";
import { StatusResource } from "./resources/status.js";
import { UsersResource } from "./resources/users.js";
import { ZonesResource } from "./resources/zones.js";
import { AgentsResource } from "./resources/agents.js";
import { AliasesResource, EntityActionsResource, McpResource } from "./resources/aliases.js";
import { AuditResource } from "./resources/audit.js";
import { InvitesResource, MyInvitesResource } from "./resources/invites.js";
import { ResolveResource } from "./resources/resolve.js";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./context.js";

/** The action ids behind the entity handle's `open`, `close`, `on` and `off`; override with `entityActions`. */
export const DEFAULT_ENTITY_ACTIONS: Readonly<Record<EntityShortcut, string>> = {
  open: "switchable.open",
  close: "switchable.close",
  on: "switchable.on",
  off: "switchable.off",
};

/** Options of {@link OpenAppClient}; every one is optional. */
export interface OpenAppClientOptions extends CommonClientOptions {
  /**
   * `{origin}_openapp_{secret}` (1.0) or `{base_url}_openapp_{secret}` with the API path (0.1);
   * defaults to `OPENAPP_API_KEY`. Public routes work without one.
   */
  apiKey?: string | undefined;
  /**
   * The API generation; defaults to `OPENAPP_API_VERSION`, then to what the key says: a key whose
   * prefix is a bare origin is a 1.0 key, one with a path (`…/api/v1`) a 0.1 key. 1.0 sends the key
   * as `X-API-Key` and reaches the 1.0 operations (audit, invites, agents, scripting jobs, …).
   */
  apiVersion?: ApiVersion | undefined;
  /** Organization for `X-Org`; defaults to `OPENAPP_ORG`. */
  org?: string | undefined;
  /** Overrides the URL inside the key; defaults to `OPENAPP_BASE_URL`, then the key's prefix. */
  baseUrl?: string | undefined;
  /**
   * 0.1 only: `authorization` (default) sends `Authorization: Bearer <key>`; `x-api-key` sends
   * `X-API-Key: <key>`. 1.0 always sends `X-API-Key` (its gateway answers 401 to a key as a Bearer token).
   */
  authHeader?: "authorization" | "x-api-key" | undefined;
  /** Also used, without credentials, to download images for `uploadImageFromUrl` unless `downloadFetch` is set. */
  fetch?: FetchLike | undefined;
  /**
   * The `fetch` for `uploadImageFromUrl` downloads. On a Node server that uploads user-supplied
   * URLs, pass `createPublicNetworkFetch()` from `@openapp/sdk/node`: names that resolve to
   * private addresses are then refused after DNS too.
   */
  downloadFetch?: FetchLike | undefined;
  /** Action ids behind `entities.byId(id).open()` and friends, e.g. `{ open: "door.unlock" }`. */
  entityActions?: Partial<Record<EntityShortcut, string>> | undefined;
}

// The options only this client reads; the mapped type makes a new option without an entry a compile error.
const OWN_OPTION_KEYS = Object.keys({
  apiKey: 1, apiVersion: 1, org: 1, baseUrl: 1, authHeader: 1, downloadFetch: 1, entityActions: 1,
} satisfies Record<Exclude<keyof OpenAppClientOptions, keyof CommonClientOptions>, 1>);

/** What makes OpenApp different from the other vendors; the kit builds the rest. */
const openAppVendor: VendorDeclaration<typeof operationTable, OpenAppRawClient> = {
  name: "OpenApp",
  logLevelEnv: "OPENAPP_LOG",
  logPrefix: "openapp",
  operations: operationTable,
  createRawClient: createOpenAppRawClient,
  // OpenApp documents no request deduplication in this API version.
  deduplicatesByIdempotencyKey: false,
  // Its public auth routes (whoami, session) read the caller's key when there is one.
  sendCredentialsToPublicOperations: true,
  missingCredentials: (id) => `${id} needs an API key: pass { apiKey } to OpenAppClient or set OPENAPP_API_KEY`,
  contextHeaders: [
    {
      option: "org",
      header: "X-Org",
      // Create bodies name their organization; with no org configured that one is used, else the configured one wins.
      fromBody: "org_id",
      missing: (id) =>
        `${id} acts in an organization: pass { org } to OpenAppClient or this call, use client.withOrg(orgId), or set OPENAPP_ORG`,
    },
  ],
  requestOptions: ["org"],
  aliases: { organization: "org", organisation: "org", orgId: "org" },
  pagination: { defaultLimit: DEFAULT_PAGE_SIZE, maxLimit: MAX_PAGE_SIZE },
  toWireQuery,
  loadSchemas: () => import("@openapp/openapp-generated/zod").then((zod) => zod.responseSchemas),
};

const V1_KEY_HINT = "use a 1.0 API key ({origin}_openapp_{secret}, a bare origin) or pass { apiVersion: \"1.0\" } to OpenAppClient";

/**
 * The 1.0 operations, declared like the 0.1 ones. A 0.1 client builds its 1.0 kit without
 * credentials, so each 1.0 call is a ConfigError naming the fix, before any request.
 */
function openAppV1Vendor(generation: ApiVersion): VendorDeclaration<typeof v1OperationTable, OpenAppV1RawClient> {
  return {
    ...(openAppVendor as unknown as VendorDeclaration<typeof v1OperationTable, OpenAppV1RawClient>),
    operations: v1OperationTable,
    createRawClient: createOpenAppV1RawClient,
    missingCredentials:
      generation === "1.0"
        ? openAppVendor.missingCredentials
        : (id) => `${id} is an OpenApp 1.0 operation and this client speaks the 0.1 API (its key carries the API path): ${V1_KEY_HINT}`,
    toWireQuery: toWireQueryV1,
    loadSchemas: () => import("@openapp/openapp-v1-generated/zod").then((zod) => zod.responseSchemas),
  };
}

/**
 * The trimmed organization id, or undefined when none is given.
 * @throws {ConfigError} when it is not a non-empty string, or contains whitespace or control characters.
 */
function validOrg(org: unknown): string | undefined {
  if (org === undefined) return undefined;
  if (typeof org !== "string" || org.trim() === "") throw new ConfigError("The organization id must be a non-empty string");
  const trimmed = org.trim();
  // It travels as the X-Org header: a line break or control character would split or break it.
  if (!isHeaderSafeToken(trimmed)) throw new ConfigError(`The organization id ${JSON.stringify(trimmed)} contains whitespace or control characters`);
  return trimmed;
}

/** The key and its secret part are both masked wherever a server echoes them. */
function authFor(
  parsed: ParsedApiKey | undefined,
  header: OpenAppClientOptions["authHeader"],
  generation: ApiVersion,
  oneTimeSecrets: ReadonlySet<string>,
): Auth | undefined {
  if (!parsed) return undefined;
  if (header !== undefined && header !== "authorization" && header !== "x-api-key") {
    throw new ConfigError(`authHeader must be "authorization" or "x-api-key", got ${shown(header)}`);
  }
  if (generation === "1.0" && header === "authorization") {
    throw new ConfigError(
      'The OpenApp 1.0 API takes keys in X-API-Key and answers 401 to one sent as Authorization: Bearer: remove authHeader: "authorization", or pass { apiVersion: "0.1" } for a 0.1 server',
    );
  }
  const inner = generation === "1.0" || header === "x-api-key" ? headerAuth("X-API-Key", parsed.key) : bearerAuth(parsed.key);
  // The key may show its last 4 characters (to tell keys apart); the secret part never does.
  const secrets = [{ value: parsed.key, showSuffix: true }, parsed.secret];
  return { apply: (headers) => inner.apply(headers), secrets: () => (oneTimeSecrets.size === 0 ? secrets : [...secrets, ...oneTimeSecrets]) };
}

/** The explicit generation, else the key's: a bare-origin prefix is a 1.0 key. A 1.0 client needs a 1.0 key. */
function resolveGeneration(parsed: ParsedApiKey | undefined, explicit: unknown): ApiVersion {
  if (explicit !== undefined && explicit !== "0.1" && explicit !== "1.0") {
    throw new ConfigError(`apiVersion must be "0.1" or "1.0", got ${shown(explicit)}`);
  }
  if (explicit === "1.0" && parsed && !parsed.bareOrigin) {
    throw new ConfigError(
      "apiVersion is 1.0 but the API key is a 0.1 key (its prefix carries the API path, like https://api.openapp.house/api/v1): use a 1.0 key ({origin}_openapp_{secret}, a bare origin), or remove apiVersion to use the 0.1 API",
    );
  }
  return explicit ?? (parsed?.bareOrigin ? "1.0" : "0.1");
}

function resolveBaseUrl(parsed: ParsedApiKey | undefined, explicit: string | undefined): string {
  if (explicit !== undefined) return normalizeBaseUrl(explicit);
  if (parsed) return parsed.baseUrl;
  throw new ConfigError("No OpenApp API key and no base URL: pass { apiKey } (or set OPENAPP_API_KEY), or { baseUrl } for public routes");
}

function definedEntries<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function createContext(options: OpenAppClientOptions): OpenAppContext {
  return readingOptions("OpenAppClient", () => readOptions(options));
}

function readOptions(options: OpenAppClientOptions): OpenAppContext {
  assertKnownClientOptions(options, openAppVendor, OWN_OPTION_KEYS);
  const apiKey = options.apiKey ?? readEnv("OPENAPP_API_KEY");
  const parsed = apiKey === undefined ? undefined : parseApiKey(apiKey);
  const generation = resolveGeneration(parsed, options.apiVersion ?? readEnv("OPENAPP_API_VERSION"));
  const oneTimeSecrets = new Set<string>();
  const kitOptions = {
    ...commonKitOptions(options),
    baseUrl: resolveBaseUrl(parsed, options.baseUrl ?? readEnv("OPENAPP_BASE_URL")),
    auth: authFor(parsed, options.authHeader, generation, oneTimeSecrets),
    foreignFetch: options.downloadFetch,
    defaults: { org: validOrg(options.org ?? readEnv("OPENAPP_ORG")) },
  };
  const kit: OpenAppKit = new ClientKit(openAppVendor, kitOptions);
  const v1Options = generation === "1.0" ? kitOptions : { ...kitOptions, auth: undefined };
  const v1: OpenAppV1Kit = new ClientKit(openAppV1Vendor(generation), v1Options);
  return { kit, generation, v1: { kit: v1, oneTimeSecrets }, entityActions: { ...DEFAULT_ENTITY_ACTIONS, ...definedEntries(options.entityActions) } };
}

// Lets withOrg hand a finished context to the constructor without a public parameter for it.
const inheritedContexts = new WeakMap<object, OpenAppContext>();

/**
 * Client for the OpenApp API.
 *
 * ```ts
 * const client = new OpenAppClient({ org: "01HZX3K8Q2V7N4M6P9R5T1W0YB" }); // key from OPENAPP_API_KEY
 * for await (const device of client.devices.list()) console.log(device.name);
 * await client.entities.byId("01HZX7A1D5G9K3P7S1W5Z9C3F7").open();
 * ```
 *
 * **Errors.** Every method of every resource keeps one contract; each method's doc links here.
 * Every failure is an {@link SdkError}, and a method that returns a promise rejects, never throws:
 * - {@link ConfigError} before any request when the call needs an API key and the client has
 *   none, or acts in an organization (`X-Org`) and neither the call, the client nor
 *   `OPENAPP_ORG` names one;
 * - {@link ValidationError} before any request when an input is not what the operation takes:
 *   an empty or `.`/`..` path parameter, a query name the operation does not declare, a `limit`
 *   outside 1–200 or a negative `offset` on list methods ({@link SerializationError} for a body
 *   JSON or a form cannot carry);
 * - {@link ApiError} for a non-2xx answer, as its status subclass: {@link NotFoundError} for an
 *   unknown id, {@link AuthenticationError}, {@link PermissionDeniedError},
 *   {@link RateLimitError} and the others;
 * - {@link ConnectionError}, {@link TimeoutError} or {@link AbortError} when the answer never
 *   comes, and a `Response*Error` when it cannot be read. Requests that are safe to repeat are
 *   retried first; an action that may have reached the server is never sent twice.
 */
export class OpenAppClient {
  readonly #ctx: OpenAppContext;
  /** API keys of the calling user. */
  readonly apiKeys: ApiKeysResource;
  /** Users, their roles and search. */
  readonly users: UsersResource;
  /** Organizations and their members. */
  readonly orgs: OrgsResource;
  /** Controllers, relays and cameras. */
  readonly devices: DevicesResource;
  /** Doors, lights, switches, sensors and apartments, and their actions. */
  readonly entities: EntitiesResource;
  /** Provider integrations, their access portals and invites. */
  readonly integrations: IntegrationsResource;
  /** Zones of an integration. */
  readonly zones: ZonesResource;
  /** The LAN agent: bootstrap, tokens and tasks. */
  readonly lanAgent: LanAgentResource;
  /** Runs OpenApp Scripting on the server. */
  readonly scripting: ScriptingResource;
  /** Residents of a building. */
  readonly apartmentResidents: ApartmentResidentsResource;
  /** The guest side: invites, public portals and intercom calls (no key needed). */
  readonly publicAccess: PublicAccessResource;
  /** Who the credentials belong to, and session housekeeping. */
  readonly auth: AuthResource;
  /** The calling user's apartments, invites and push subscriptions. */
  readonly me: MeResource;
  /** The end-user licence agreement. */
  readonly eula: EulaResource;
  /** Backend environment and version. */
  readonly status: StatusResource;
  /** Plans, usage, checkout and quotas. */
  readonly billing: BillingResource;
  /** 1.0: audit events of the last 30 days and exports of any range. */
  readonly audit: AuditResource;
  /** 1.0: guest access invites of an integration, for external systems (`external_ref`, `reconcile`). */
  readonly invites: InvitesResource;
  /** 1.0: invites addressed to the calling user. */
  readonly myInvites: MyInvitesResource;
  /** 1.0: automation principals and their credentials. */
  readonly agents: AgentsResource;
  /** 1.0: other names of an organization's resources. */
  readonly aliases: AliasesResource;
  /** 1.0: natural-language references to resources, ranked; `resolve.one` refuses to pick when ambiguous. */
  readonly resolve: ResolveResource;
  /** 1.0: the Model Context Protocol (JSON-RPC) endpoint. */
  readonly mcp: McpResource;
  /** 1.0: entity actions with preview, step-up confirmation and idempotency keys. */
  readonly entityActions: EntityActionsResource;

  /** Reads the key, org and base URL from the options or `OPENAPP_*`; bad ones are a ConfigError here, before any request. */
  constructor(options: OpenAppClientOptions = {}) {
    const ctx = inheritedContexts.get(options) ?? createContext(options);
    this.#ctx = ctx;
    this.apiKeys = new ApiKeysResource(ctx);
    this.users = new UsersResource(ctx);
    this.orgs = new OrgsResource(ctx);
    this.devices = new DevicesResource(ctx);
    this.entities = new EntitiesResource(ctx);
    this.integrations = new IntegrationsResource(ctx);
    this.zones = new ZonesResource(ctx);
    this.lanAgent = new LanAgentResource(ctx);
    this.scripting = new ScriptingResource(ctx);
    this.apartmentResidents = new ApartmentResidentsResource(ctx);
    this.publicAccess = new PublicAccessResource(ctx);
    this.auth = new AuthResource(ctx);
    this.me = new MeResource(ctx);
    this.eula = new EulaResource(ctx);
    this.status = new StatusResource(ctx);
    this.billing = new BillingResource(ctx);
    this.audit = new AuditResource(ctx.v1);
    this.invites = new InvitesResource(ctx.v1);
    this.myInvites = new MyInvitesResource(ctx.v1);
    this.agents = new AgentsResource(ctx.v1);
    this.aliases = new AliasesResource(ctx.v1);
    this.resolve = new ResolveResource(ctx.v1);
    this.mcp = new McpResource(ctx.v1);
    this.entityActions = new EntityActionsResource(ctx.v1);
  }

  /** The API root every path is appended to, e.g. `https://api.openapp.house/api/v1`. */
  get baseUrl(): string {
    return this.#ctx.kit.baseUrl;
  }

  /** The API generation the client speaks: from `apiVersion`, else from the key. */
  get apiVersion(): ApiVersion {
    return this.#ctx.generation;
  }

  /** The organization sent as `X-Org`, if any. */
  get org(): string | undefined {
    return this.#ctx.kit.defaultOption("org") as string | undefined;
  }

  /**
   * The typed openapi-fetch client on the same transport (key, retries, timeouts, middleware,
   * typed errors) for anything the façade does not cover. Pass `X-Org` in `params.header`.
   */
  get raw(): OpenAppRawClient {
    return this.#ctx.kit.raw;
  }

  /** A client that shares everything with this one except the organization. */
  withOrg(org: string): OpenAppClient {
    const resolved = validOrg(org);
    if (!resolved) throw new ConfigError("withOrg needs an organization id");
    const token = {};
    const ctx = this.#ctx;
    inheritedContexts.set(token, { ...ctx, kit: ctx.kit.withDefaults({ org: resolved }), v1: { ...ctx.v1, kit: ctx.v1.kit.withDefaults({ org: resolved }) } });
    return new OpenAppClient(token);
  }
}
