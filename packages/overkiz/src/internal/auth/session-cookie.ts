/** Node's fetch has no cookie jar, so the session cookie is read from the login answer by hand. */

export const SESSION_COOKIE = "JSESSIONID";

function setCookieLines(headers: Headers): string[] {
  const withGetSetCookie = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof withGetSetCookie.getSetCookie === "function") return withGetSetCookie.getSetCookie();
  const joined = headers.get("set-cookie");
  return joined ? [joined] : [];
}

/** The JSESSIONID value set by a response, if any. */
export function readSessionCookie(headers: Headers): string | undefined {
  for (const line of setCookieLines(headers)) {
    const match = /(?:^|[;,]\s*)JSESSIONID=([^;,\s]+)/i.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Every cookie a response sets, as the value of a `Cookie` request header. */
export function cookieHeader(headers: Headers): string | undefined {
  const pairs = setCookieLines(headers)
    .map((line) => line.split(";")[0]?.trim() ?? "")
    .filter((pair) => pair.includes("="));
  return pairs.length > 0 ? pairs.join("; ") : undefined;
}
