/**
 * Small helpers for the partner identity providers (OAuth servers, Cozytouch, Brandt, Rexel).
 * They send through the `fetch` an AuthContext lends, which throws a core ApiError for error
 * answers; the helpers turn those into the Overkiz taxonomy so callers can catch
 * `BadCredentialsError` whatever the brand.
 */
import { ApiError, redactUrl } from "@openapp/core";
import { type BaseOverkizError, type OverkizErrorClass, ServiceUnavailableError } from "../../errors.js";

/** Anything that can send a request and throws ApiError on error answers. */
export interface IdentityCaller {
  fetch: (input: Request) => Promise<Response>;
}

export function formRequest(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

export function jsonRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export function getRequest(url: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "GET", headers: { Accept: "application/json", ...headers } });
}

/** A successful answer's JSON; an unreadable body becomes `undefined` for the caller to judge. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export interface IdentityFailure {
  message: string;
  request: Request;
  status?: number | undefined;
  body?: unknown;
  headers?: Headers | undefined;
  code?: string | undefined;
}

/** An Overkiz-taxonomy error for something an identity provider answered (or failed to). */
export function identityError(ErrorClass: OverkizErrorClass, failure: IdentityFailure): BaseOverkizError {
  return new ErrorClass({
    status: failure.status ?? 200,
    message: failure.message,
    code: failure.code,
    body: failure.body,
    method: failure.request.method,
    url: redactUrl(failure.request.url),
    headers: failure.headers,
  });
}

/** A provider that failed to answer in time or at all: nothing was said about the credentials. */
const UNAVAILABLE_STATUS = (status: number) => status >= 500 || status === 408;

/**
 * Sends an identity request; an error answer becomes `refusedAs` (5xx, 408: ServiceUnavailableError),
 * with the provider's own message kept. Network errors, timeouts and aborts pass through.
 */
export async function sendIdentity(caller: IdentityCaller, request: Request, refusedAs: OverkizErrorClass, what: string): Promise<Response> {
  try {
    return await caller.fetch(request);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const ErrorClass = UNAVAILABLE_STATUS(error.status) ? ServiceUnavailableError : refusedAs;
    throw new ErrorClass({
      status: error.status,
      message: `${what} failed: ${error.message}`,
      code: error.code,
      body: error.body,
      method: error.method,
      url: error.url,
      headers: error.headers,
    });
  }
}
