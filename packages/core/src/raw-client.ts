import { createApiError } from "./errors.js";
import { serializeBody } from "./serialize-body.js";
import { serializePath } from "./serialize-path.js";
import { serializeQuery } from "./serialize-query.js";
import { redactUrl } from "./redact.js";

/** Serializer options for openapi-fetch's createClient: form/explode queries, checked paths, JSON/form/multipart bodies. */
export const rawClientDefaults = {
  /** Form-style, exploded query strings. */
  querySerializer: serializeQuery,
  /** Path templates with checked, encoded parameters. */
  pathSerializer: serializePath,
  /** JSON, form-urlencoded or multipart, by the request's Content-Type. */
  bodySerializer: serializeBody,
} as const;

/** An openapi-fetch result: `data` on success, `error` otherwise, and the response. */
export interface RawResult<T> {
  /** The parsed 2xx body. */
  data?: T;
  /** The parsed non-2xx body. */
  error?: unknown;
  /** The raw response. */
  response: Response;
}

/**
 * The body of an openapi-fetch result. Behind the SDK transport non-2xx answers already throw;
 * a raw client used without it still gets a typed error here instead of `undefined` data.
 */
export async function unwrap<T>(result: Promise<RawResult<T>>): Promise<T> {
  const { data, error, response } = await result;
  if (error === undefined) return data as T;
  throw createApiError({
    status: response.status,
    message: typeof (error as { message?: unknown })?.message === "string" ? (error as { message: string }).message : response.statusText,
    body: error,
    method: "",
    url: redactUrl(response.url),
    headers: response.headers,
  });
}
