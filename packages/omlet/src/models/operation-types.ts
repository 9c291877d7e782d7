/**
 * Types derived from the generated `operations` and `operationTable`, under the same names in
 * every façade, so a spec change is a compile error where the façade uses it.
 */
import type { PathParams, QueryParams, RequestBody, ResponseBody } from "@openapp/core";
import type { operationTable, operations } from "@openapp/omlet-generated";

export type OperationId = keyof typeof operationTable & keyof operations;
export type Path<Id extends OperationId> = PathParams<operations[Id]>;
export type Query<Id extends OperationId> = QueryParams<operations[Id]>;
export type Body<Id extends OperationId> = RequestBody<operations[Id]>;
export type Result<Id extends OperationId> = ResponseBody<operations[Id]>;
