/**
 * Types derived from the generated `operations` and `operationTable`. Every parameter and
 * result type of the façade goes through these, so a spec change is a compile error here.
 */
import type {
  HeaderParams,
  ListItem,
  PathParams,
  QueryParams,
  RequestBody,
  RequestOptions,
  ResponseBody,
  Simplify,
} from "@openapp/core";
import type { operationTable, operations } from "@openapp/openapp-generated";

/** The generated operation table's type. */
export type Table = typeof operationTable;

/** Every operationId of the OpenApp API. */
export type OperationId = keyof Table & keyof operations;

/** The generated operation type for an id. */
export type Operation<Id extends OperationId> = operations[Id];

/** Operations that page with `limit`/`offset`, as the generated table records them. */
export type PaginatedOperationId = { [Id in OperationId]: Table[Id]["pagination"] extends "offset" ? Id : never }[OperationId];

/** The five `POST /{resource}/{id}/image` operations. */
export type ImageUploadOperationId = {
  [Id in OperationId]: Table[Id]["requestMediaType"] extends "multipart/form-data" ? Id : never;
}[OperationId];

/** Operations that declare `X-Org` without requiring it. */
export type OptionalOrgOperationId = {
  [Id in OperationId]: Table[Id]["headers"] extends { readonly "X-Org": false } ? Id : never;
}[OperationId];

/** Object-valued query parameters; on the wire their members are top-level keys (form, explode). */
export type ObjectQueryName = "output_options" | "pagination";

/** The members of object query parameter `K` of `Q`, all optional; `unknown` when `Q` has none. */
export type Members<Q, K extends ObjectQueryName> = K extends keyof Q ? Partial<NonNullable<Q[K]>> : unknown;

/** A query with its object parameters flattened, the way callers write it: `{ include_deleted, limit, integration_id }`. */
export type FlatQuery<Q> = Simplify<Omit<Q, ObjectQueryName> & Members<Q, "output_options"> & Members<Q, "pagination">>;

/** The query parameters as the spec declares them (object parameters unflattened). */
export type RawQuery<Id extends OperationId> = QueryParams<Operation<Id>>;

/** The query parameters a façade method accepts for an operation. */
export type Query<Id extends OperationId> = [RawQuery<Id>] extends [never] ? never : FlatQuery<RawQuery<Id>>;

/** The path parameters of an operation. */
export type Path<Id extends OperationId> = PathParams<Operation<Id>>;

/** The request body in the operation's own media type (JSON, multipart or octet-stream). */
export type Body<Id extends OperationId> = RequestBody<Operation<Id>, NonNullable<Table[Id]["requestMediaType"]>>;

/** The 2xx body: JSON for every operation except the bootstrap script, which is text. */
export type Result<Id extends OperationId> = ResponseBody<Operation<Id>> | ResponseBody<Operation<Id>, "text/x-shellscript">;

/** One element of a list answer (`{ items }` or a bare array). */
export type Item<Id extends OperationId> = ListItem<Result<Id>>;

/** What a list method accepts: filters, output flags and the page window, all flat. */
export type ListParams<Id extends PaginatedOperationId> = Query<Id>;

/** Core's per-call options plus the organization to act in (`X-Org`). */
export interface OpenAppRequestOptions extends RequestOptions {
  /** Overrides the client's organization for this call. */
  org?: string | undefined;
}

/** Operations with object-valued query parameters. */
export type ObjectQueryOperationId = {
  [Id in OperationId]: [RawQuery<Id>] extends [never] ? never : Extract<keyof RawQuery<Id>, ObjectQueryName> extends never ? never : Id;
}[OperationId];

/** For one operation: each object query parameter and the flat names of its members. */
export type QueryLayout<Id extends OperationId> = {
  [K in Extract<keyof RawQuery<Id>, ObjectQueryName>]: ReadonlyArray<keyof NonNullable<RawQuery<Id>[K]>>;
};
