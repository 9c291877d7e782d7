import type { LowerHttpMethod } from "./types.js";

/** How a list operation pages, as recorded in each vendor's generated operation table. */
export type PaginationKind = "offset";

/**
 * How the API deduplicates an operation: `"key"` when the server runs a request once per
 * `Idempotency-Key` and answers a repeat with the first result (the spec's `x-idempotency: key`).
 */
export type IdempotencyKind = "key";

/** Whether an operation needs credentials: required, accepted but optional (`{}` in its security), or none. */
export type AuthRequirement = "required" | "optional" | "none";

/** One row of a generated operation table (operationId → how to call it). Written from the spec only. */
export interface OperationDescriptor {
  /** HTTP method, lower case. */
  method: LowerHttpMethod;
  /** Path template from the spec (`/devices/{id}`). */
  path: string;
  /** Whether the operation needs credentials. */
  auth: AuthRequirement;
  /** Declared header parameters, name → required. */
  headers: Readonly<Record<string, boolean>>;
  /** Names of the declared query parameters; anything else a caller passes is refused. */
  query: readonly string[];
  /** How the list operation pages, or null when it does not. */
  pagination: PaginationKind | null;
  /** The first request body media type, when the operation takes a body. */
  requestMediaType: string | null;
  /** Every success answer is a JSON array (a list): any other body is a broken answer. */
  responseArray?: boolean | undefined;
  /**
   * The API deduplicates this operation by idempotency key: every call carries one key, sent on
   * every attempt, so it may be resent after it may have arrived. Absent: never deduplicated.
   */
  idempotency?: IdempotencyKind | undefined;
}

/** operationId → descriptor, as generated for each vendor. */
export type OperationTable<Id extends string = string> = Readonly<Record<Id, OperationDescriptor>>;
