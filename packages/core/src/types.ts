/**
 * Type helpers that derive SDK parameter and response types from openapi-typescript's
 * `paths`/`operations`, so a spec change becomes a compile error in the façade.
 */

export type LowerHttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Flattens intersections in hover text without changing the type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `T` without `undefined`. */
type Defined<T> = Exclude<T, undefined>;

/** The operation object at `paths[path][method]`. */
export type OperationAt<Paths, P extends keyof Paths, M extends LowerHttpMethod> = M extends keyof Paths[P]
  ? Defined<Paths[P][M]>
  : never;

/** One parameter group (`path`, `query`, `header`, `cookie`) of an operation type; `never` when it has none. */
type ParameterGroup<Op, Group extends "path" | "query" | "header" | "cookie"> = Op extends {
  parameters: infer Parameters;
}
  ? Group extends keyof Parameters
    ? Defined<Parameters[Group]>
    : never
  : never;

/** The path parameters of an operation type. */
export type PathParams<Op> = ParameterGroup<Op, "path">;
/** The query parameters of an operation type. */
export type QueryParams<Op> = ParameterGroup<Op, "query">;
/** The header parameters of an operation type. */
export type HeaderParams<Op> = ParameterGroup<Op, "header">;

/** The request body for a media type; `never` when the operation takes none. */
export type RequestBody<Op, Media extends string = "application/json"> = Op extends { requestBody?: infer Body }
  ? Defined<Body> extends { content: infer Content }
    ? Media extends keyof Content
      ? Content[Media]
      : never
    : never
  : never;

/** Response status codes treated as success when deriving response types. */
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | "2XX";

/** The body of one response for a media type; `undefined` when it has no content. */
type ContentOf<Response, Media extends string> = Response extends { content: infer Content }
  ? Media extends keyof Content
    ? Content[Media]
    : never
  : undefined;

/** The `responses` map of an operation type. */
type ResponsesOf<Op> = Op extends { responses: infer Responses } ? Responses : never;

/** Union of the bodies of every 2xx response (`undefined` for bodiless ones such as 204). */
export type ResponseBody<Op, Media extends string = "application/json"> = {
  [Status in keyof ResponsesOf<Op>]: Status extends SuccessStatus ? ContentOf<ResponsesOf<Op>[Status], Media> : never;
}[keyof ResponsesOf<Op>];

/** Union of the bodies of every non-2xx response. */
export type ErrorBody<Op, Media extends string = "application/json"> = {
  [Status in keyof ResponsesOf<Op>]: Status extends SuccessStatus ? never : ContentOf<ResponsesOf<Op>[Status], Media>;
}[keyof ResponsesOf<Op>];

/** The element type of a list answer that is either a bare array or `{ items: T[] }`. */
export type ListItem<Body> = Body extends ReadonlyArray<infer Item>
  ? Item
  : Body extends { items: ReadonlyArray<infer Item> }
    ? Item
    : never;
