/**
 * Types derived from the generated `operations` and `operationTable`, named like OpenApp's. Every
 * parameter and result type of the façade goes through these, so a spec change is a compile
 * error here instead of silent drift.
 */
import type { PathParams, QueryParams, RequestBody, ResponseBody } from "@openapp/core";
import type { operationTable, operations } from "@openapp/overkiz-generated";

type Table = typeof operationTable;

type OperationId = keyof Table & keyof operations;

type Operation<Id extends OperationId> = operations[Id];

/** The query parameters of an operation (`never` when it has none). */
type Query<Id extends OperationId> = QueryParams<Operation<Id>>;

type Path<Id extends OperationId> = PathParams<Operation<Id>>;

/** The request body in the operation's own media type (JSON or the login form). */
export type Body<Id extends OperationId> = RequestBody<Operation<Id>, NonNullable<Table[Id]["requestMediaType"]>>;

/** The parsed JSON of the operation's 2xx answers (`undefined` for bodiless ones). */
export type Result<Id extends OperationId> = ResponseBody<Operation<Id>>;
