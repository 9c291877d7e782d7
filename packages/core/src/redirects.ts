import { RedirectError } from "./errors.js";
import { redactUrl } from "./redact.js";

/** Same-origin GET/HEAD redirects the transport follows within one attempt. */
export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * What to send after `response` redirected `request` to `target` (undefined when its Location is
 * missing or unusable) on hop `hop` (0 for the first redirect); throws to refuse the redirect.
 */
export type NextHop = (response: Response, request: Request, target: URL | undefined, hop: number) => Request;

/**
 * The one redirect loop: sends `request`, and while the answer is a redirect, drops its body and
 * sends what `nextHop` makes of it. The runtime never follows a redirect itself (`send` must fetch
 * with `redirect: "manual"`), so each hop is checked before credentials or a download go there.
 */
export async function followRedirects(request: Request, send: (request: Request) => Promise<Response>, nextHop: NextHop): Promise<Response> {
  let current = request;
  for (let hop = 0; ; hop++) {
    const response = await send(current);
    if (!isRedirect(response)) return response;
    response.body?.cancel().catch(() => undefined);
    current = nextHop(response, current, redirectTarget(response, current), hop);
  }
}

/**
 * The transport's policy: a GET/HEAD follows a same-origin redirect up to {@link MAX_REDIRECTS}
 * hops with the same headers; anything else is a RedirectError, so credentials stay with the
 * configured origin. `url` is the request's redacted URL, for the error.
 */
export function sameOriginHop(method: string, url: string): NextHop {
  return (response, request, target, hop) => {
    const sameOrigin = target !== undefined && target.origin === new URL(request.url).origin;
    const tooMany = hop >= MAX_REDIRECTS;
    if (!sameOrigin || tooMany || (method !== "GET" && method !== "HEAD")) throw redirectRefusal(response, method, url, target, tooMany);
    return new Request(target, { method, headers: request.headers });
  };
}

function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect";
}

function redirectTarget(response: Response, request: Request): URL | undefined {
  const location = response.headers.get("location");
  if (!location) return undefined;
  try {
    return new URL(location, request.url);
  } catch {
    return undefined;
  }
}

function redirectRefusal(response: Response, method: string, url: string, target: URL | undefined, tooMany: boolean): RedirectError {
  const location = target ? redactUrl(target) : undefined;
  const why = tooMany ? `more than ${MAX_REDIRECTS} redirects` : target === undefined ? "a redirect without a usable Location" : "a redirect the SDK does not follow (another origin, or not a GET/HEAD)";
  return new RedirectError({
    status: response.status,
    message: `${method} ${url} → ${response.status}: ${why}${location ? ` to ${location}` : ""}; credentials stay with the configured origin`,
    method,
    url,
    location,
  });
}
