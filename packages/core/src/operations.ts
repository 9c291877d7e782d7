import type { LowerHttpMethod } from "./types.js";

/** How a list operation pages, as recorded in each vendor's generated operation table. */
export type PaginationKind = "offset";

/** One row of a generated operation table (operationId → how to call it). */
export interface OperationDescriptor {
  /** HTTP method, lower case. */
  method: LowerHttpMethod;
  /** Path template from the spec (`/devices/{id}`). */
  path: string;
  /** The operation's first tag in the spec. */
  tag: string | null;
  /** The operation takes a required organisation header (OpenApp's `X-Org`). */
  requiresOrg: boolean;
  /** The operation declares a non-empty security requirement. */
  requiresAuth: boolean;
  /** Safe to retry automatically (GET, HEAD, PUT, DELETE, OPTIONS). */
  idempotent: boolean;
  /** How the list operation pages, or null when it does not. */
  pagination: PaginationKind | null;
  /** The first request body media type, when the operation takes a body. */
  requestMediaType: string | null;
}

/** operationId → descriptor, as generated for each vendor. */
export type OperationTable<Id extends string = string> = Readonly<Record<Id, OperationDescriptor>>;
