export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** How a list operation pages, as recorded in each vendor's generated operation table. */
export type PaginationKind = "none" | "offset" | "cursor" | "page";

/** One row of a generated operation table (operationId → how to call it). */
export interface OperationDescriptor {
  method: HttpMethod;
  path: string;
  tag: string | undefined;
  /** The operation needs the organisation header (OpenApp's `X-Org`). */
  requiresOrg: boolean;
  requiresAuth: boolean;
  pagination: PaginationKind;
}

export type OperationTable<Id extends string = string> = Readonly<Record<Id, OperationDescriptor>>;
