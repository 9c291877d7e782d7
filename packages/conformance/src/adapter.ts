import type { Reply, ScriptedServer } from "@openapp/testing";
import type { DedupDialect } from "./deduplicating.js";

// biome-ignore lint/suspicious/noExplicitAny: error classes of different façades share no constructor type.
type ErrorClass = abstract new (...args: any[]) => Error;

/** The error classes a façade exports; the suite checks `instanceof` against these, not core's. */
export interface VendorErrors {
  SdkError: ErrorClass;
  ConfigError: ErrorClass;
  ValidationError: ErrorClass;
  InternalServerError: ErrorClass;
  RateLimitError: ErrorClass;
  ConnectionError: ErrorClass;
  TimeoutError: ErrorClass;
  AbortError: ErrorClass;
}

/** Per-call options the suite passes (the façades' `RequestOptions`). */
export interface CallOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
  idempotencyKey?: string;
  correlationId?: string;
  headers?: Record<string, string>;
}

/**
 * Operations the vendor's API deduplicates by idempotency key (OpenApp 1.0 entity actions and
 * invite writes): each must run once whatever the network does, resent only with its one key.
 */
interface Deduplicated<C> {
  /** A client of the API generation that deduplicates. */
  createClient(server: ScriptedServer, extra?: Record<string, unknown>): C;
  /** How its server words keys, in-flight and conflict answers and replays. */
  dialect: DedupDialect;
  operations: readonly Operation<C>[];
}

/** One call of the façade and the route it must reach. */
export interface Operation<C> {
  /** How a user writes it, e.g. `client.entities.byId(id).open()`. */
  label: string;
  method: string;
  /** The server path, base path included (`/api/v1/devices/d1`). */
  path: string;
  invoke(client: C, options?: CallOptions): PromiseLike<unknown>;
  /** The server's answer on success: a plausible body of the real API. */
  success: Reply;
  /** Checks the parsed result of a successful call. */
  verify?(result: unknown): void;
}

/** A method call with a parameter key the API does not have: refused before the network. */
interface UnknownParamCase<C> {
  label: string;
  invoke(client: C): unknown;
  /** The key the ValidationError must name. */
  key: string;
  /** More the message must say (e.g. where the key belongs instead). */
  messageMatches?: RegExp;
}

export interface ConformanceAdapter<C extends object = object> {
  /** Summary key: one line per vendor (`openapp`, `omlet`, `overkiz`). */
  vendor: string;
  /** Test title; several adapters may share a vendor (Overkiz bearer and session). */
  name: string;
  /** The workspace package this adapter covers (discovery checks every façade has one). */
  packageName: string;
  errors: VendorErrors;
  /**
   * Every secret the client holds or the server hands out: API key, token, password, session
   * cookie. None may appear anywhere (an API key may show its last 4 characters).
   */
  secrets: readonly string[];
  /** Every constructor option the client reads (its options type), for the hostile-input properties. */
  optionNames: readonly string[];
  /**
   * Builds a client whose header credential (API key, token) carries `secret` as the caller wrote
   * it; a secret not safe in a header must be a ConfigError before any request.
   */
  withCredential(server: ScriptedServer, secret: string): C;
  /**
   * Builds a client with no credentials at all (none passed, none in the environment); a call
   * that needs them must be a ConfigError before any request, or the constructor refuses.
   */
  withoutCredentials(server: ScriptedServer): C;
  /** Builds a client against the server, with extra constructor options merged in. */
  createClient(server: ScriptedServer, extra?: Record<string, unknown>): C;
  /** Ends what the client holds (a session), where the façade has such a call; nothing may run after it. */
  close?(client: C): Promise<void>;
  /** Routes every client of this adapter needs besides the one under test (a session login). */
  prepare?(server: ScriptedServer): void;
  /** The vendor's error body shape around a message. */
  errorBody(message: string): Record<string, unknown>;
  /** A state-changing action (moves hardware), of an API generation that does not deduplicate: sent once. */
  action: Operation<C>;
  /** Operations the API deduplicates by key, where it has any. */
  deduplicated?: Deduplicated<C>;
  /** A second state-changing call that is not an action. */
  write: Operation<C>;
  /** The main read. */
  read: Operation<C>;
  /** The main read made so that every call reaches the network, where `read` may be answered from a cache. */
  networkRead?: Operation<C>;
  unknownParams: readonly UnknownParamCase<C>[];
  /**
   * A state-changing call whose JSON request body carries `value` as the caller gave it (a member
   * of the body): a value JSON cannot carry must be refused before the network.
   */
  bodyCarrying: { label: string; invoke(client: C, value: unknown): PromiseLike<unknown> };
  /**
   * Methods that are synchronous by design and may throw synchronously, as `surface.method`
   * (`client.withOrg`, `entities.byId`), each with the reason.
   */
  syncHelpers: Readonly<Record<string, string>>;
  /** Objects besides the client and its resource properties whose methods must not throw synchronously. */
  extraSurfaces?(client: C): Record<string, object>;
  /**
   * A paged list that needs context the client lacks (OpenApp without an org): it must return
   * a PagePromise that rejects with ConfigError, never throw.
   */
  listWithoutContext?: {
    label: string;
    invoke(server: ScriptedServer): PromiseLike<unknown> & {
      catch(onRejected: (reason: unknown) => unknown): Promise<unknown>;
      toArray(options?: { max?: number }): Promise<unknown[]>;
    };
  };
}

/** Helps an adapter keep its client type while living in a list of adapters. */
export function defineAdapter<C extends object>(adapter: ConformanceAdapter<C>): ConformanceAdapter<C> {
  return adapter;
}
