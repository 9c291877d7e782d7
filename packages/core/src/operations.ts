import type { LowerHttpMethod } from "./types.js";

/** How a list operation pages, as recorded in each vendor's generated operation table. */
export type PaginationKind = "offset";

/** One row of a generated operation table (operationId → how to call it). */
export interface OperationDescriptor {
  method: LowerHttpMethod;
  path: string;
  tag: string | null;
  /** The operation takes a required organisation header (OpenApp's `X-Org`). */
  requiresOrg: boolean;
  /** The operation declares a non-empty security requirement. */
  requiresAuth: boolean;
  /** Safe to retry automatically (GET, HEAD, PUT, DELETE, OPTIONS). */
  idempotent: boolean;
  pagination: PaginationKind | null;
  /** The first request body media type, when the operation takes a body. */
  requestMediaType: string | null;
}

export type OperationTable<Id extends string = string> = Readonly<Record<Id, OperationDescriptor>>;
