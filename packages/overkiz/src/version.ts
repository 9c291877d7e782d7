// Replaced at build time (tsup) and in tests (vitest) with the version in package.json.
declare const __OVERKIZ_VERSION__: string | undefined;

/** This package's version, from package.json. */
export const SDK_VERSION: string = typeof __OVERKIZ_VERSION__ === "string" ? __OVERKIZ_VERSION__ : "0.0.0-dev";

/** Sent as `User-Agent` where the runtime lets a script set it (not in browsers). */
export const USER_AGENT = `@openapp/overkiz/${SDK_VERSION}`;

/** Browsers (pages and workers) own the User-Agent header; elsewhere (Node, Bun, Deno, edge) we set it. */
function runtimeAllowsUserAgent(): boolean {
  const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return typeof scope.document === "undefined" && typeof scope.WorkerGlobalScope === "undefined";
}

/** The client's default headers: our User-Agent unless the caller set one, then the caller's. */
export function defaultHeaders(given: Record<string, string> | undefined): Record<string, string> | undefined {
  const callerSetsAgent = given !== undefined && Object.keys(given).some((name) => name.toLowerCase() === "user-agent");
  if (callerSetsAgent || !runtimeAllowsUserAgent()) return given;
  return { "User-Agent": USER_AGENT, ...given };
}
