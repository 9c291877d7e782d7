import type { Auth, ClientCalls } from "./auth.js";
import type { ErrorMapper } from "./error-response.js";
import { ConfigError, ValidationError, readingInput } from "./errors.js";
import { assertKnownParameters } from "./known-keys.js";
import { type Logger, resolveLogger, silentLogger } from "./logger.js";
import type { Middleware } from "./middleware.js";
import type { OperationDescriptor, OperationTable } from "./operations.js";
import { type PagePromise, failedPages, offsetPages, toPageData } from "./pagination.js";
import { parseJsonBody } from "./read-body.js";
import { type HeaderValues, type OptionRules, type RequestOptions, checkOptionKinds, checkedRequestOptions } from "./request-options.js";
import type { RefusalPolicy } from "./retry.js";
import type { FetchBody } from "./fetch-types.js";
import { serializeBody } from "./serialize-body.js";
import { serializePath } from "./serialize-path.js";
import { serializeQuery } from "./serialize-query.js";
import { type FetchLike, Transport, type TransportFetch, ignoredIdempotencyKey } from "./transport.js";
import type { ListItem, PathParams, ResponseBody } from "./types.js";
import { type ResponseSchemas, checkResponseShape, lazySchemas, validateResponse } from "./response-check.js";
import { isHeaderSafeToken, isPlainObject } from "./guards.js";


/** The options every SDK's `RequestOptions` carries; anything else a vendor adds (`org`). */
export const REQUEST_OPTION_KEYS = ["signal", "timeout", "maxRetries", "headers", "idempotencyKey", "middleware", "maxResponseBytes"] as const;

/** A header whose value comes from a request option or the client's default for it (OpenApp's `org` → `X-Org`). */
export interface ContextHeader {
  /** The request option that holds the value (`org`). */
  option: string;
  /** The header it is sent as (`X-Org`). */
  header: string;
  /** How to supply a missing value, for an operation that requires the header. */
  missing(operationId: string): string;
  /**
   * A string member of a JSON request body to use when neither the call nor the client sets
   * the option (OpenApp's `org_id` on create bodies). A configured value always wins; the body
   * is sent as given either way.
   */
  fromBody?: string | undefined;
}

/** What makes one vendor's API different; the kit builds everything else from it. */
export interface VendorDeclaration<Table extends OperationTable, Raw> {
  /** Product name in messages, e.g. "OpenApp". */
  name: string;
  /** Environment variable that turns on console logging (`OPENAPP_LOG=debug`). */
  logLevelEnv: string;
  /** Prefix of every log line, e.g. `[openapp]`. */
  logPrefix: string;
  /** The generated operation table: operationId → method, path, parameters. */
  operations: Table;
  /**
   * Builds the typed openapi-fetch client on the given base URL and `fetch`, for a façade that
   * exposes one (`client.raw`); built on first use. The kit's own calls never go through it.
   */
  createRawClient?: ((options: { baseUrl: string; fetch: TransportFetch }) => Raw) | undefined;
  /** Vendor refinement of the status-based error classes. */
  mapError?: ErrorMapper | undefined;
  /** Whether the API deduplicates requests by idempotency key (none of ours does today). */
  deduplicatesByIdempotencyKey: boolean;
  /** Whether operations that need no credentials still get them when the client has some. */
  sendCredentialsToPublicOperations: boolean;
  /** Explains how to configure credentials, for an operation that requires them. */
  missingCredentials(operationId: string): string;
  /** Headers filled from request options (`org` → `X-Org`). */
  contextHeaders?: readonly ContextHeader[] | undefined;
  /**
   * Names users of this vendor reach for out of habit, mapped to the real one (`organization` →
   * `org`): suggested when a client option or a parameter is unknown.
   */
  aliases?: Readonly<Record<string, string>> | undefined;
  /** Request options of this vendor beyond core's (`org`): named in messages, never sent as parameters. */
  requestOptions?: readonly string[] | undefined;
  /** Page sizes of the API's offset-paginated lists. */
  pagination?:
    | {
        /** Page size when the caller sets no `limit`. */
        defaultLimit: number;
        /** Largest `limit` the API accepts; a larger one is a ValidationError. */
        maxLimit: number;
      }
    | undefined;
  /** Rewrites the flat query a caller writes into the wire shape (object parameters). */
  toWireQuery?(operationId: string, query: Record<string, unknown> | undefined): Record<string, unknown> | undefined;
  /**
   * The generated operationId → response schema map, loaded only when a client turns on
   * `validateResponses` (a dynamic import of the generated package's `./zod` entry).
   */
  loadSchemas?: (() => Promise<ResponseSchemas>) | undefined;
}

/** The client options shared by every SDK, resolved by the vendor (base URL, credentials). */
export interface KitOptions {
  /** Normalized base URL of the API. */
  baseUrl: string;
  /** Undefined when the client has no credentials. */
  auth: Auth | undefined;
  /** The `fetch` for the API's origin; the global one by default. */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in milliseconds (default 30 s). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined;
  /** Client-wide middleware, run once per attempt. */
  middleware?: readonly Middleware[] | undefined;
  /** Where logs go; otherwise the vendor's log-level environment variable decides. */
  logger?: Logger | undefined;
  /** Sent on every same-origin request. */
  headers?: HeaderValues | undefined;
  /** Injected in tests to make backoff jitter deterministic. */
  random?: (() => number) | undefined;
  /** The vendor's refusals that prove nothing ran (needs the client's session, so it comes with the options). */
  refusals?: RefusalPolicy | undefined;
  /** Defaults for request options, e.g. `{ org }`. */
  defaults?: Readonly<Record<string, unknown>> | undefined;
  /** Largest 2xx body accepted, in bytes (default 32 MiB). */
  maxResponseBytes?: number | undefined;
  /** The `fetch` for other origins (image downloads); defaults to `fetch`. */
  foreignFetch?: FetchLike | undefined;
  /** Check every 2xx body against the operation's generated schema (default false). */
  validateResponses?: boolean | undefined;
}

/**
 * One operation's inputs. Path parameters are typed from the spec here; query and body are typed
 * by the façade method's own signature (flat queries, several media types), checked at run time.
 */
export interface CallInput<Op = unknown> {
  /** Path parameters, typed from the spec. */
  path?: ([PathParams<Op>] extends [never] ? undefined : PathParams<Op>) | undefined;
  /** Query parameters; unknown names are a ValidationError. */
  query?: object | undefined;
  /** Request body, serialized for the operation's media type. */
  body?: unknown;
  /** A non-JSON answer to ask for; the body is then returned as text. */
  accept?: string | undefined;
  /** Secrets this call sends besides the client's own (a password in a login body): masked in its errors. */
  secrets?: readonly string[] | undefined;
}

/** What {@link ClientKit.callWithResponse} resolves with. */
export interface CallResult<Body> {
  /** The parsed body, as `call` returns it. */
  body: Body;
  /** The answer's status and headers; its body is already read. */
  response: Response;
}

/** Every transport a client needs, built once from the declaration and shared by `withDefaults` copies. */
export interface Transports {
  /** Credentials, client headers and middleware. */
  authenticated: Transport;
  /** Same origin without credentials (login, public routes). */
  anonymous: Transport;
  /** Other origins (identity providers, image hosts): no credentials, no client headers or middleware. */
  foreign: Transport;
  /** The response schemas, loaded on first use when the client validates responses. */
  schemas: () => Promise<ResponseSchemas>;
  /** The typed raw client, built on first use of `raw`. */
  raw?: unknown;
}

function buildTransports(declaration: VendorDeclaration<OperationTable, unknown>, options: KitOptions, logger: Logger, calls: ClientCalls): Transports {
  let warned = false;
  const shared = {
    fetch: options.fetch,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    random: options.random,
    maxResponseBytes: options.maxResponseBytes,
    // A silent logger would still cost a timestamp and a log record per attempt.
    logger: logger === silentLogger ? undefined : logger,
    deduplicatesByIdempotencyKey: declaration.deduplicatesByIdempotencyKey,
    onIgnoredIdempotencyKey: () => {
      if (warned) return;
      warned = true;
      logger.warn(ignoredIdempotencyKey(declaration.name));
    },
  };
  const vendor = { ...shared, headers: options.headers, middleware: options.middleware, mapError: declaration.mapError, refusals: options.refusals };
  const secrets = options.auth ? { secrets: () => options.auth?.secrets() ?? [] } : undefined;
  return {
    authenticated: new Transport({ ...vendor, auth: options.auth, calls }),
    anonymous: new Transport({ ...vendor, extraSecrets: secrets?.secrets, calls }),
    // Downloads check every redirect hop themselves (scheme, private addresses), so they see 3xx answers.
    foreign: new Transport({ ...shared, fetch: options.foreignFetch ?? options.fetch, extraSecrets: secrets?.secrets, redirects: "return" }),
    schemas: lazySchemas(declaration.name, declaration.loadSchemas),
  };
}

/**
 * The one skeleton every façade stands on: the vendor declares what differs, the kit checks the
 * inputs, builds the request from the operation table, picks the transport, sends it and parses
 * the answer. Nothing that returns a promise throws synchronously.
 */
export class ClientKit<Ops, Table extends OperationTable, Raw> {
  /** What the vendor declared. */
  readonly declaration: VendorDeclaration<Table, Raw>;
  /** The resolved logger (silent unless configured). */
  readonly logger: Logger;
  /** The normalized base URL. */
  readonly baseUrl: string;
  /**
   * What the transport hands `Auth.refresh` and refusal profiles when it calls them (this kit's
   * `callWithResponse`, `foreignFetch` and logger); a vendor's own auth steps (an explicit login)
   * use the same. Copies made by `withDefaults` share the original's.
   */
  readonly calls: ClientCalls;
  readonly #transports: Transports;
  /** The base URL without a trailing slash, where operation paths are appended. */
  readonly #pathPrefix: string;
  readonly #hasCredentials: boolean;
  readonly #defaults: Readonly<Record<string, unknown>>;
  readonly #requestOptions: readonly string[];

  constructor(declaration: VendorDeclaration<Table, Raw>, options: KitOptions, shared?: { transports: Transports; logger: Logger; calls: ClientCalls }) {
    this.declaration = declaration;
    this.baseUrl = options.baseUrl;
    this.logger = shared?.logger ?? resolveLogger({ logger: options.logger, envVar: declaration.logLevelEnv, prefix: declaration.logPrefix });
    this.calls = shared?.calls ?? {
      call: (id, input, requestOptions) => this.callWithResponse(id as never, input as never, requestOptions),
      foreignFetch: (requestOptions) => this.foreignFetch(requestOptions),
      logger: this.logger,
    };
    this.#transports = shared?.transports ?? buildTransports(declaration as VendorDeclaration<OperationTable, unknown>, options, this.logger, this.calls);
    this.#pathPrefix = options.baseUrl.endsWith("/") ? options.baseUrl.slice(0, -1) : options.baseUrl;
    this.#hasCredentials = options.auth !== undefined;
    this.#defaults = options.defaults ?? {};
    this.#requestOptions = [...REQUEST_OPTION_KEYS, ...(declaration.requestOptions ?? [])];
    this.#options = options;
    if (!shared) checkKitOptions(`${declaration.name} client`, options);
    if (options.validateResponses === true && !declaration.loadSchemas) {
      throw new ConfigError(`validateResponses: ${declaration.name} ships no response schemas`);
    }
  }

  readonly #options: KitOptions;

  /** A kit sharing transports and raw client, with other request-option defaults (`withOrg`). */
  withDefaults(defaults: Readonly<Record<string, unknown>>): ClientKit<Ops, Table, Raw> {
    return new ClientKit(this.declaration, { ...this.#options, defaults: { ...this.#defaults, ...defaults } }, {
      transports: this.#transports,
      logger: this.logger,
      calls: this.calls,
    });
  }

  /**
   * The typed raw client on the authenticated transport, built on first use.
   * @throws {ConfigError} when the vendor declares no raw client.
   */
  get raw(): Raw {
    const transports = this.#transports;
    if (transports.raw === undefined) {
      if (!this.declaration.createRawClient) throw new ConfigError(`${this.declaration.name} has no raw client`);
      transports.raw = this.declaration.createRawClient({ baseUrl: this.baseUrl, fetch: transports.authenticated.fetch });
    }
    return transports.raw as Raw;
  }

  /** The request-option default the client was configured with (`org`). */
  defaultOption(name: string): unknown {
    return this.#defaults[name];
  }

  /** Whether the client was configured with credentials. */
  get hasCredentials(): boolean {
    return this.#hasCredentials;
  }

  /**
   * Performs one operation and returns its parsed body; every refusal is a rejection. A list
   * operation's answer must be a JSON array; with `validateResponses` every body is checked
   * against the operation's schema.
   */
  async call<Id extends keyof Ops & keyof Table & string>(
    id: Id,
    input: CallInput<Ops[Id]> = {},
    options?: RequestOptions,
  ): Promise<ResponseBody<Ops[Id]>> {
    return (await this.callWithResponse(id, input, options)).body;
  }

  /**
   * Like {@link ClientKit.call}, and also hands back the answer's status and headers (a login
   * whose session arrives as a cookie). The response body is already read: use `body`.
   */
  async callWithResponse<Id extends keyof Ops & keyof Table & string>(
    id: Id,
    input: CallInput<Ops[Id]> = {},
    options?: RequestOptions,
  ): Promise<CallResult<ResponseBody<Ops[Id]>>> {
    const operation = this.declaration.operations[id] as OperationDescriptor;
    const { transport, request, body: sentBody, options: checked } = this.#prepare(id, operation, input, options);
    // Start loading the schemas alongside the request, not after it.
    const schemas = this.#options.validateResponses ? this.#transports.schemas() : undefined;
    schemas?.catch(() => undefined);
    const response = await transport.sendBuilt(request, this.#transportOptions(checked), input.secrets, sentBody);
    const body = checkResponseShape(this.declaration.name, id, operation, this.#parseBody(response.status === 204 ? "" : await response.text(), response, operation, input));
    if (schemas) validateResponse(this.declaration.name, id, (await schemas)[id], body);
    return { body: body as ResponseBody<Ops[Id]>, response };
  }

  /**
   * Everything before the network: checked inputs, transport and request. Whatever the caller's
   * values make the runtime throw (a getter that throws, a revoked proxy) is a ValidationError
   * naming the operation, so every failure stays an SdkError and nothing is sent.
   */
  #prepare(
    id: string,
    operation: OperationDescriptor,
    input: CallInput<unknown>,
    options: RequestOptions | undefined,
  ): { transport: Transport; request: Request; body: FetchBody | undefined; options: RequestOptions } {
    const what = `${this.declaration.name} ${id}`;
    return readingInput(`${what}: the input`, () => {
      const checked = checkedRequestOptions(options, what);
      const query = this.#wireQuery(id, operation, input.query);
      const headers = new Headers(this.#contextHeaders(id, operation, checked, input.body));
      const transport = this.#transportFor(id, operation);
      return { transport, options: checked, ...this.#request(what, operation, input, query, headers) };
    });
  }

  /** The operation's request on the checked query and context headers: encoded path, content headers, the serialized body. */
  #request(
    what: string,
    operation: OperationDescriptor,
    input: CallInput<unknown>,
    query: Record<string, unknown> | undefined,
    headers: Headers,
  ): { request: Request; body: FetchBody | undefined } {
    const path = serializePath(operation.path, input.path as Record<string, unknown> | undefined);
    const media = operation.requestMediaType;
    // JSON is the default below and multipart must carry the runtime's boundary.
    if (media !== null && media !== "application/json" && media !== "multipart/form-data") headers.set("Content-Type", media);
    if (input.accept !== undefined) headers.set("Accept", input.accept);
    const body = serializeBody(input.body, headers, `${what}: request body`);
    if (body !== undefined && !(body instanceof FormData) && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    const search = serializeQuery(query);
    const url = `${this.#pathPrefix}${path}${search === "" ? "" : `?${search}`}`;
    const init: RequestInit & { duplex?: "half" } = { method: operation.method.toUpperCase(), headers, body: body as BodyInit | undefined };
    // A stream body is sent as it is read, which fetch only allows when asked for.
    if (typeof ReadableStream !== "undefined" && body instanceof ReadableStream) init.duplex = "half";
    return { request: new Request(url, init), body };
  }

  #parseBody(text: string, response: Response, operation: OperationDescriptor, input: CallInput<unknown>): unknown {
    if (input.accept !== undefined) return text;
    if (text === "") return undefined;
    // JSON.parse first: the common case costs no trimmed copy of the body and no secrets list.
    try {
      return JSON.parse(text) as unknown;
    } catch {
      if (text.trim() === "") return undefined;
    }
    return parseJsonBody(text, {
      status: response.status,
      method: operation.method.toUpperCase(),
      // The template path: the response built by the transport carries no URL, and ids need no showing.
      url: `${this.baseUrl}${operation.path}`,
      secrets: [...(this.#options.auth?.secrets() ?? []), ...(input.secrets ?? [])],
    });
  }

  /**
   * An offset-paginated list as a PagePromise (`{ items, total }` or bare-array answers), the
   * window taken from `limit`/`offset` in the query. Bad arguments reject on first use, like
   * every other failure.
   */
  list<Id extends keyof Ops & keyof Table & string>(
    id: Id,
    input: CallInput<Ops[Id]> = {},
    options?: RequestOptions,
  ): PagePromise<ListItem<ResponseBody<Ops[Id]>>> {
    type Item = ListItem<ResponseBody<Ops[Id]>>;
    try {
      const { limit, offset, ...filters } = readingInput(`${this.declaration.name} ${id}: the query`, () => ({ ...(input.query ?? {}) })) as {
        limit?: unknown;
        offset?: unknown;
      };
      return offsetPages<Item>({
        ...pageWindow(limit, offset, this.declaration.pagination),
        load: async (window) => {
          const body = await this.call(id, { ...input, query: { ...filters, limit: window.limit, offset: window.offset } }, options);
          return toPageData(body as unknown as Item[]);
        },
      });
    } catch (error) {
      return failedPages<Item>(error);
    }
  }

  /** A `fetch` for another origin (identity provider, image host): never the client's credentials. */
  foreignFetch(options?: RequestOptions): TransportFetch {
    return this.#transports.foreign.fetchWith(this.#transportOptions(checkedRequestOptions(options, `${this.declaration.name} download`)));
  }

  #transportFor(id: string, operation: OperationDescriptor): Transport {
    if (operation.auth === "required") {
      if (!this.#hasCredentials) throw new ConfigError(this.declaration.missingCredentials(id));
      return this.#transports.authenticated;
    }
    const withCredentials = this.#hasCredentials && this.declaration.sendCredentialsToPublicOperations;
    return withCredentials ? this.#transports.authenticated : this.#transports.anonymous;
  }

  #wireQuery(id: string, operation: OperationDescriptor, query: object | undefined): Record<string, unknown> | undefined {
    const wire = this.declaration.toWireQuery ? this.declaration.toWireQuery(id, query as Record<string, unknown>) : (query as Record<string, unknown>);
    assertKnownParameters(wire, { what: id, known: operation.query, requestOptions: this.#requestOptions, aliases: this.declaration.aliases });
    return wire;
  }

  /** Context headers (`X-Org`) where the operation declares them; a missing required one is a ConfigError. */
  #contextHeaders(
    id: string,
    operation: OperationDescriptor,
    options: RequestOptions | undefined,
    body: unknown,
  ): Record<string, string> | undefined {
    let headers: Record<string, string> | undefined;
    for (const context of this.declaration.contextHeaders ?? []) {
      const required = operation.headers[context.header];
      if (required === undefined) continue;
      const configured = (options as Record<string, unknown> | undefined)?.[context.option] ?? this.#defaults[context.option];
      const value = nonEmpty(configured) ?? (context.fromBody && isPlainObject(body) ? nonEmpty(body[context.fromBody]) : undefined);
      if (typeof value === "string" && !isHeaderSafeToken(value)) {
        throw new ConfigError(`${context.option} ${JSON.stringify(value)} cannot be sent as ${context.header}: it contains whitespace or control characters`);
      }
      if (typeof value === "string" && value !== "") (headers ??= {})[context.header] = value;
      else if (required) throw new ConfigError(context.missing(id));
    }
    return headers;
  }

  /** Core's options only: vendor options (`org`) are consumed here and never reach the transport. */
  #transportOptions(options: RequestOptions): RequestOptions {
    if (!this.declaration.requestOptions?.length) return options;
    const copy: Record<string, unknown> = { ...options };
    for (const name of this.declaration.requestOptions) delete copy[name];
    return copy as RequestOptions;
  }
}

const LOG_METHODS = ["debug", "info", "warn", "error"] as const;
const isFunction = (value: unknown) => typeof value === "function";

/** The client-wide options the kit reads beyond the per-call ones, as their messages name them. */
const KIT_OPTION_RULES: OptionRules = {
  fetch: [isFunction, "a function"],
  "download fetch": [isFunction, "a function"],
  logger: [
    (value) => typeof value === "object" && value !== null && LOG_METHODS.every((level) => isFunction((value as Logger)[level])),
    "an object with debug, info, warn and error functions",
  ],
  validateResponses: [(value) => typeof value === "boolean", "true or false"],
};

/** The client-wide options the kit reads, each of the right kind (the per-call ones by the same rules). */
function checkKitOptions(what: string, options: KitOptions): void {
  const { timeout, maxRetries, headers, middleware, maxResponseBytes, fetch, foreignFetch, logger, validateResponses } = options;
  checkedRequestOptions({ timeout, maxRetries, headers, middleware, maxResponseBytes }, what);
  checkOptionKinds({ fetch, "download fetch": foreignFetch, logger, validateResponses }, KIT_OPTION_RULES, what);
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

const DEFAULT_PAGINATION = { defaultLimit: 100, maxLimit: 1000 };

/** The first page's window, checked: a whole `limit` within the API's maximum, a whole `offset` ≥ 0. */
function pageWindow(limit: unknown, offset: unknown, bounds = DEFAULT_PAGINATION): { limit: number; offset: number } {
  const size = limit ?? bounds.defaultLimit;
  if (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > bounds.maxLimit) {
    throw new ValidationError(`limit must be a whole number from 1 to ${bounds.maxLimit}, got ${String(limit)}`, {
      issues: [{ path: ["limit"], message: `must be 1…${bounds.maxLimit}` }],
    });
  }
  const start = offset ?? 0;
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) {
    throw new ValidationError(`offset must be a non-negative whole number, got ${String(offset)}`, {
      issues: [{ path: ["offset"], message: "must be ≥ 0" }],
    });
  }
  return { limit: size, offset: start };
}
