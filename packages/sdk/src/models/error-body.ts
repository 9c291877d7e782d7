import { ApiError } from "@openapp/core";
import type { SchemaApiErrorResponse } from "@openapp/openapp-generated";

/** The API's error body: `{ message, error_code? }`. */
export type OpenAppErrorBody = SchemaApiErrorResponse;

/**
 * The typed body of an ApiError, when the server answered with the documented error shape
 * (proxies and gateways sometimes answer with HTML or plain text instead).
 */
export function errorBody(error: unknown): OpenAppErrorBody | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const body = error.body as { message?: unknown; error_code?: unknown } | null | undefined;
  if (typeof body !== "object" || body === null || typeof body.message !== "string") return undefined;
  const code = body.error_code;
  if (code !== undefined && code !== null && typeof code !== "string") return undefined;
  return body as OpenAppErrorBody;
}
