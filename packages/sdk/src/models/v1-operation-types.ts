/**
 * Types of the OpenApp 1.0 operations, derived from `@openapp/openapp-v1-generated` the way
 * `operation-types.ts` derives the 0.1 ones, under the same names, so a spec change is a compile
 * error here.
 */
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from "@openapp/core";
import type { operationTable, operations } from "@openapp/openapp-v1-generated";
import type { FlatQuery } from "./operation-types.js";

/** The generated 1.0 operation table's type. */
type Table = typeof operationTable;

/** Every operationId of the OpenApp 1.0 spec. */
type OperationId = keyof Table & keyof operations;

/** The generated operation type for an id. */
type Operation<Id extends OperationId> = operations[Id];

/** Operations that page with `limit`/`offset`, as the generated table records them. */
type PaginatedOperationId = { [Id in OperationId]: Table[Id]["pagination"] extends "offset" ? Id : never }[OperationId];

/** The query parameters a façade method accepts, with `pagination` flattened (`{ limit, offset, kind }`). */
export type Query<Id extends OperationId> = [QueryParams<Operation<Id>>] extends [never] ? never : FlatQuery<QueryParams<Operation<Id>>>;

/** The path parameters of an operation. */
type Path<Id extends OperationId> = PathParams<Operation<Id>>;

/** The JSON request body. */
export type Body<Id extends OperationId> = RequestBody<Operation<Id>, NonNullable<Table[Id]["requestMediaType"]>>;

/** The 2xx body. */
export type Result<Id extends OperationId> = ResponseBody<Operation<Id>>;

/** One element of a list answer (`{ items }` or a bare array). */
export type Item<Id extends OperationId> = ListItem<Result<Id>>;

/** What a list method accepts: filters and the page window, all flat. */
export type ListParams<Id extends PaginatedOperationId> = Query<Id>;

export type { OpenAppRequestOptions } from "./operation-types.js";
