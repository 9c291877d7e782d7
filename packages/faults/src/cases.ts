import type { Responder, ScriptedServer } from "@openapp/testing";
import type { CallOptions, ErrorName, Op, Target } from "./targets.js";

/** The per-call timeout every case uses, so stalls end fast. */
export const CALL_TIMEOUT_MS = 1_000;
/** Attempts a read may make by default (2 retries). */
const READ_ATTEMPTS = 3;

export interface CaseEnv {
  target: Target;
  op: Op;
  server: ScriptedServer;
  /** The other origin of the cross-origin redirect case. */
  other: ScriptedServer | undefined;
  controller: AbortController;
  /** Resolves on the first logger line whose message matches. */
  logged(pattern: RegExp): Promise<void>;
}

interface Expectation {
  /** Undefined: the call must succeed (a same-origin GET redirect). */
  error?: ErrorName;
  status?: number;
  retryAfterMs?: number;
  /** The message must match (the redacted redirect target, the TLS reason). */
  message?: RegExp;
  /** An HTML page or a huge body gives a short snippet, not the page. */
  maxMessageLength?: number;
  /** JSON.stringify(error) stays small (no 1 MiB page kept in the error). */
  maxErrorJsonLength?: number;
  /** Requests the server saw for the call's route, [min, max]. */
  count: readonly [number, number];
  /** Whole call, from invoke to settle; a hang detector, not a performance assertion. */
  boundMs: number;
  /** From the caller's abort to the rejection. */
  abortBoundMs?: number;
}

export interface FaultCase {
  name: string;
  applies?(target: Target, op: Op): boolean;
  /** Runs on its own, not alongside other cases (it moves tens of MiB). */
  heavy?: boolean;
  /** Points the client at a port nobody listens on. */
  closedPort?: boolean;
  /** The server presents a certificate for another name (local gateway only). */
  impostorCertificate?: boolean;
  /** Starts a second server on another origin. */
  otherOrigin?: boolean;
  /** Also run with the vendor's *_LOG=debug console logger instead of the logger option. */
  consoleVariant?: boolean;
  options?: CallOptions;
  script(env: CaseEnv): void;
  /** Acts during the call (the caller's abort). */
  drive?(env: CaseEnv): Promise<number | undefined>;
  expect(op: Op, target: Target): Expectation;
}

const isAction = (op: Op) => op.kind === "action";
const ACTION_BOUND_MS = CALL_TIMEOUT_MS + 1_500;
const READ_BOUND_MS = READ_ATTEMPTS * CALL_TIMEOUT_MS + 3_000;
const bound = (op: Op) => (isAction(op) ? ACTION_BOUND_MS : READ_BOUND_MS);

/** Retryable for a read (3 attempts), never resent for an action. */
const transient = (op: Op): readonly [number, number] => (isAction(op) ? [1, 1] : [READ_ATTEMPTS, READ_ATTEMPTS]);
/** A 2xx body that fails: an action once; a read once, or retried within the budget. */
const badBody = (op: Op): readonly [number, number] => (isAction(op) ? [1, 1] : [1, READ_ATTEMPTS]);

const route = (env: CaseEnv, ...faults: Responder[]) => env.server.on(env.op.method, env.op.path, ...faults);

/** A plausible body of a few KiB, for the cut and stalled bodies. */
const bigJson = (op: Op) => {
  const success = "body" in op.success && op.success.body !== undefined ? op.success.body : { status: "queued" };
  return JSON.stringify({ ...(Array.isArray(success) ? { items: success } : (success as object)), padding: "x".repeat(4096) });
};

const HTML_500 =
  '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx/1.25.3</center></body></html>';
const HTML_200 = "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Captive portal: please sign in</h1></body></html>";


export const faultCases: readonly FaultCase[] = [
  {
    name: "socket destroyed after the request body was received",
    consoleVariant: true,
    script: (env) => route(env, { destroy: "after-body" }),
    expect: (op) => ({ error: "ConnectionError", count: transient(op), boundMs: bound(op) }),
  },
  {
    name: "connection reset before the request body was read",
    script: (env) => route(env, { destroy: "before-body" }),
    expect: (op) => ({ error: "ConnectionError", count: transient(op), boundMs: bound(op) }),
  },
  {
    name: "503 with Retry-After: 1",
    script: (env) => route(env, { status: 503, headers: { "retry-after": "1" }, body: env.target.errorBody("Service temporarily unavailable") }),
    expect: (op) => ({ error: "InternalServerError", status: 503, count: transient(op), boundMs: bound(op) }),
  },
  {
    name: "429 with Retry-After: 3600 (beyond the cap: fail at once)",
    script: (env) => route(env, { status: 429, headers: { "retry-after": "3600" }, body: env.target.errorBody("Rate limit exceeded") }),
    expect: () => ({ error: "RateLimitError", status: 429, retryAfterMs: 3_600_000, count: [1, 1], boundMs: ACTION_BOUND_MS }),
  },
  {
    name: "500 HTML page",
    consoleVariant: true,
    script: (env) => route(env, { status: 500, headers: { "content-type": "text/html; charset=utf-8" }, body: HTML_500 }),
    expect: (op) => ({ error: "InternalServerError", status: 500, maxMessageLength: 1_000, count: transient(op), boundMs: bound(op) }),
  },
  {
    name: "502 with an empty body",
    script: (env) => route(env, { status: 502 }),
    expect: (op) => ({ error: "InternalServerError", status: 502, count: transient(op), boundMs: bound(op) }),
  },
  {
    name: "200 with truncated JSON",
    consoleVariant: true,
    script: (env) => route(env, { status: 200, headers: { "content-type": "application/json" }, body: bigJson(env.op).slice(0, 40) }),
    expect: (op) => ({ error: "ResponseParseError", maxMessageLength: 1_000, count: badBody(op), boundMs: bound(op) }),
  },
  {
    name: "200 text/html (a captive portal)",
    script: (env) => route(env, { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: HTML_200 }),
    expect: (op) => ({ error: "ResponseParseError", maxMessageLength: 1_000, count: badBody(op), boundMs: bound(op) }),
  },
  {
    name: "200 dropped mid-body",
    script: (env) => {
      const body = bigJson(env.op);
      route(env, { status: 200, body, sendBytes: Math.floor(body.length / 2), then: "drop" });
    },
    expect: (op) => ({ error: "ConnectionError", count: badBody(op), boundMs: bound(op) }),
  },
  {
    name: "no response headers ever",
    script: (env) => route(env, { hang: true }),
    expect: (op) => ({ error: "TimeoutError", count: transient(op), boundMs: bound(op) }),
  },
  {
    name: "200 body stalls after 100 bytes",
    script: (env) => route(env, { status: 200, body: bigJson(env.op), sendBytes: 100, then: "stall" }),
    expect: (op) => ({ error: "TimeoutError", count: badBody(op), boundMs: bound(op) }),
  },
  {
    name: "200 body at 1 byte/s",
    script: (env) => route(env, { status: 200, body: bigJson(env.op).slice(0, 64).padEnd(64), drip: { intervalMs: 1_000 } }),
    expect: (op) => ({ error: "TimeoutError", count: badBody(op), boundMs: bound(op) }),
  },
  {
    name: "200 with a 40 MiB JSON body",
    heavy: true,
    // About the cap, not about speed: the body must be refused at the cap, well inside this deadline.
    options: { timeout: 5_000 },
    script: (env) =>
      route(env, { status: 200, large: { bytes: 40 * 1024 * 1024, prefix: '{"id":"huge","padding":"', filler: "a", suffix: '"}' } }),
    expect: (op) => ({ error: "ResponseTooLargeError", maxErrorJsonLength: 64 * 1024, count: badBody(op), boundMs: 5_000 + bound(op) }),
  },
  {
    name: "500 with a 1 MiB HTML page",
    heavy: true,
    script: (env) =>
      route(env, {
        status: 500,
        headers: { "content-type": "text/html; charset=utf-8" },
        large: { bytes: 1024 * 1024, prefix: "<!DOCTYPE html><html><body><h1>Proxy error</h1><pre>", filler: "upstream trace line ", suffix: "</pre></body></html>" },
      }),
    expect: (op) => ({
      error: "InternalServerError",
      status: 500,
      maxMessageLength: 2_000,
      maxErrorJsonLength: 64 * 1024,
      count: transient(op),
      boundMs: bound(op),
    }),
  },
  {
    name: "307 to another origin",
    otherOrigin: true,
    consoleVariant: true,
    script: (env) => {
      const other = env.other as ScriptedServer;
      route(env, { status: 307, headers: { location: `${other.origin}${env.op.path}` } });
      other.on(env.op.method, env.op.path, env.op.success);
    },
    // Refused for every method (GET included): credentials never leave the configured origin.
    expect: () => ({ error: "ApiError", status: 307, message: /127\.0\.0\.1:\d+/, count: [1, 1], boundMs: ACTION_BOUND_MS }),
  },
  {
    name: "307 to the same origin",
    script: (env) => {
      route(env, { status: 307, headers: { location: `${env.server.origin}/moved${env.op.path}` } });
      env.server.on(env.op.method, `/moved${env.op.path}`, env.op.success);
    },
    // A GET may follow a same-origin redirect; a POST never (the action could run twice).
    expect: (op) => (isAction(op) ? { error: "ApiError", status: 307, count: [1, 1], boundMs: ACTION_BOUND_MS } : { count: [1, 1], boundMs: ACTION_BOUND_MS }),
  },
  {
    name: "401 echoing the credentials in body and headers",
    consoleVariant: true,
    script: (env) =>
      route(env, (request) => {
        const echoed = [request.headers.authorization, request.headers.cookie, request.headers["x-api-key"], ...env.target.secrets].filter(Boolean).join(" | ");
        return {
          status: 401,
          headers: {
            "www-authenticate": `Bearer realm="api", error="invalid_token", error_description="${echoed}"`,
            "x-upstream-echo": echoed,
            "set-cookie": `echo=${encodeURIComponent(echoed)}; Path=/`,
            "x-request-id": "req-faults-401",
          },
          body: {
            ...env.target.errorBody(`Credentials rejected: ${echoed}`),
            echo: { authorization: request.headers.authorization, cookie: request.headers.cookie, body: request.body },
          },
        };
      }),
    expect: () => ({ error: "ApiError", status: 401, count: [1, 1], boundMs: ACTION_BOUND_MS }),
  },
  {
    name: "caller aborts while the server holds the request",
    options: { timeout: 10_000 },
    script: (env) => route(env, { hang: true }),
    drive: async (env) => {
      await env.server.received(env.op.method, env.op.path);
      const at = performance.now();
      env.controller.abort();
      return at;
    },
    expect: () => ({ error: "AbortError", count: [1, 1], boundMs: ACTION_BOUND_MS, abortBoundMs: 300 }),
  },
  {
    name: "caller aborts during a backoff sleep",
    // A read sleeps on Retry-After: 30; an action only sleeps when the request provably never left (next case).
    script: (env) => route(env, { status: 503, headers: { "retry-after": "30" }, body: env.target.errorBody("Busy") }),
    applies: (_target, op) => !isAction(op),
    drive: async (env) => {
      await env.logged(/retry/i);
      const at = performance.now();
      env.controller.abort();
      return at;
    },
    expect: () => ({ error: "AbortError", count: [1, 1], boundMs: ACTION_BOUND_MS, abortBoundMs: 300 }),
  },
  {
    name: "caller aborts during the backoff after a refused connection",
    closedPort: true,
    script: () => undefined,
    drive: async (env) => {
      await env.logged(/retry/i);
      const at = performance.now();
      env.controller.abort();
      return at;
    },
    expect: () => ({ error: "AbortError", count: [0, 0], boundMs: ACTION_BOUND_MS, abortBoundMs: 300 }),
  },
  {
    name: "closed port",
    closedPort: true,
    script: () => undefined,
    // Refused means never sent: even an action may go again, so both get the read budget.
    expect: () => ({ error: "ConnectionError", count: [0, 0], boundMs: READ_BOUND_MS }),
  },
  {
    name: "TLS certificate for another host name (local gateway)",
    impostorCertificate: true,
    applies: (target) => target.tls,
    script: (env) => route(env, env.op.success),
    expect: () => ({
      error: "ConnectionError",
      message: /certificate|hostname|host name|TLS|altname|names none/i,
      count: [0, 0],
      boundMs: READ_BOUND_MS,
    }),
  },
];
