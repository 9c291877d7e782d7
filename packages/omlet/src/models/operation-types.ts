/**
 * Types derived from the generated `operations` and `operationTable`, under the same names in
 * every façade, so a spec change is a compile error where the façade uses it.
 */
import type { PathParams, QueryParams, RequestBody, ResponseBody } from "@openapp/core";
import type { components, operationTable, operations } from "@openapp/omlet-generated";

/** Every operationId of the Omlet API. */
export type OperationId = keyof typeof operationTable & keyof operations;
/** The path parameters of an operation. */
export type Path<Id extends OperationId> = PathParams<operations[Id]>;
/** The query parameters of an operation. */
export type Query<Id extends OperationId> = QueryParams<operations[Id]>;
/** The JSON request body of an operation. */
export type Body<Id extends OperationId> = RequestBody<operations[Id]>;
/** The 2xx body of an operation. */
export type Result<Id extends OperationId> = ResponseBody<operations[Id]>;

/** The generated spec's schemas, by name. */
export type Schemas = components["schemas"];
