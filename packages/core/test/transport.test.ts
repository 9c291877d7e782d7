import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  bearerAuth,
  headerAuth,
  ConfigError,
  ConnectionError,
  InternalServerError,
  type Logger,
  type Middleware,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  Transport,
} from "../src/index.js";
import { hangingFetch, json, networkError, steppedFetch, track } from "./helpers.js";

const API_KEY = "https://api.example.test/api/v1_openapp_s3cr3tKeyValue9876";
const URL_DEVICES = "https://api.example.test/api/v1/devices";

function post(url: string, body: unknown): Request {
  return new Request(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
}

describe("Transport request shaping", () => {
  it("sends auth, default headers and per-call headers, with per-call values winning", async () => {
    const fetch = steppedFetch(json(200, []));
    const transport = new Transport({
      fetch,
      auth: bearerAuth(API_KEY),
      headers: { "user-agent": "openapp-sdk-test/1.0", "x-org": "org_default" },
    });
    await transport.fetchWith({ headers: { "x-org": "org_override", "x-trace": "abc" } })(URL_DEVICES);
    const sent = fetch.requests[0]!.headers;
    expect(sent.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(sent.get("user-agent")).toBe("openapp-sdk-test/1.0");
    expect(sent.get("x-org")).toBe("org_override");
    expect(sent.get("x-trace")).toBe("abc");
  });

  it("does not let client defaults override a header the request already carries", async () => {
    const fetch = steppedFetch(json(200, {}));
    const transport = new Transport({ fetch, headers: { "x-org": "org_default" } });
    await transport.fetch(URL_DEVICES, { headers: { "x-org": "org_from_request" } });
    expect(fetch.requests[0]!.headers.get("x-org")).toBe("org_from_request");
  });

  it("removes a header when a call sets it to null", async () => {
    const fetch = steppedFetch(json(200, {}));
    const transport = new Transport({ fetch, headers: { "x-org": "org_default" } });
    await transport.fetchWith({ headers: { "x-org": null } })(URL_DEVICES);
    expect(fetch.requests[0]!.headers.has("x-org")).toBe(false);
  });

  it("runs middleware as an onion that sees auth, and sends the headers middleware adds", async () => {
    const order: string[] = [];
    const outer: Middleware = async (request, next) => {
      order.push(`outer saw ${request.headers.get("authorization")?.slice(0, 6)}`);
      request.headers.set("x-outer", "1");
      const response = await next(request);
      order.push("outer after");
      return response;
    };
    const inner: Middleware = async (request, next) => {
      order.push("inner");
      return next(new Request(request, { headers: { ...Object.fromEntries(request.headers), "x-inner": "2" } }));
    };
    const fetch = steppedFetch(json(200, {}));
    const transport = new Transport({ fetch, auth: bearerAuth(API_KEY), middleware: [outer] });
    await transport.fetchWith({ middleware: [inner] })(URL_DEVICES);
    expect(order).toEqual(["outer saw Bearer", "inner", "outer after"]);
    expect(fetch.requests[0]!.headers.get("x-outer")).toBe("1");
    expect(fetch.requests[0]!.headers.get("x-inner")).toBe("2");
  });

  it("rejects invalid timeout and retry settings before any request", async () => {
    expect(() => new Transport({ timeout: 0 })).toThrow(ConfigError);
    expect(() => new Transport({ maxRetries: -1 })).toThrow(/Transport: option maxRetries must be a whole number ≥ 0, got -1/);
    expect(() => new Transport({ headers: { "x-a": "1\r\nx-b: 2" } })).toThrow(/Transport: option headers must be/);
    const fetch = steppedFetch();
    await expect(new Transport({ fetch }).fetchWith({ maxRetries: 1.5 })(URL_DEVICES)).rejects.toThrow(ConfigError);
    await expect(new Transport({ fetch }).send(new Request(URL_DEVICES), { timeout: -5 })).rejects.toThrow(/request: option timeout must be a positive number of milliseconds, got -5/);
    await expect(new Transport({ fetch }).fetchWith({ maxResponseBytes: 0 })(URL_DEVICES)).rejects.toThrow(/option maxResponseBytes must be a positive whole number of bytes/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("reports an empty credential as a ConfigError without calling the network", async () => {
    const fetch = steppedFetch();
    const transport = new Transport({ fetch, auth: bearerAuth(() => " ") });
    await expect(transport.fetch(URL_DEVICES)).rejects.toThrow(ConfigError);
    expect(fetch.requests).toHaveLength(0);
  });

  it("refuses a credential that is not safe in a header as a ConfigError, fixed at once and from a callback before sending", async () => {
    for (const make of [() => bearerAuth("tok_abc\nX-Injected: 1"), () => headerAuth("X-API-Key", "key with space"), () => bearerAuth(42 as never)]) {
      expect(make).toThrow(ConfigError);
    }
    expect(() => bearerAuth("tok_abc\ntok_def")).toThrow(/^The credential for Authorization must be a non-empty string without whitespace or control characters, got a string$/);
    const fetch = steppedFetch();
    const transport = new Transport({ fetch, auth: bearerAuth(() => "tok_abc\r\nX-Injected: 1") });
    await expect(transport.fetch(URL_DEVICES)).rejects.toThrow(/The credential for Authorization callback's answer must be a non-empty string without whitespace or control characters/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("sends a fixed credential trimmed, as Headers would", async () => {
    const fetch = steppedFetch(json(200, {}));
    await new Transport({ fetch, auth: bearerAuth("  tok_abc \n") }).fetch(URL_DEVICES);
    expect(fetch.requests[0]!.headers.get("authorization")).toBe("Bearer tok_abc");
  });
});

describe("Transport errors", () => {
  it("turns a JSON error body into a typed error with code, message and request id", async () => {
    const fetch = steppedFetch(json(404, { message: "Device not found", error_code: "not_found" }, { "x-request-id": "req_81f2" }));
    const error = await new Transport({ fetch }).fetch(`${URL_DEVICES}/dev_1`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: "not_found",
      requestId: "req_81f2",
      method: "GET",
      url: `${URL_DEVICES}/dev_1`,
      body: { message: "Device not found", error_code: "not_found" },
    });
    expect((error as Error).message).toContain("Device not found");
  });

  it("reads Overkiz-style {errorCode, error} bodies", async () => {
    const fetch = steppedFetch(json(400, { errorCode: "EXEC_QUEUE_FULL", error: "Execution queue is full on gateway" }));
    const error = (await new Transport({ fetch }).fetch("https://ha101-1.example.test/exec").catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBe("EXEC_QUEUE_FULL");
    expect(error.message).toContain("Execution queue is full on gateway");
  });

  it("gives a short, tag-free snippet for an HTML proxy page", async () => {
    const html = `<html><head><style>body{}</style></head><body><h1>502 Bad Gateway</h1>${"<p>filler</p>".repeat(100)}</body></html>`;
    const fetch = steppedFetch(new Response(html, { status: 502, headers: { "content-type": "text/html" } }));
    const error = (await new Transport({ fetch, maxRetries: 0 }).fetch(URL_DEVICES).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toContain("502 Bad Gateway");
    expect(error.message).not.toContain("<");
    expect(String(error.body).length).toBeLessThanOrEqual(200);
  });

  it("never leaks the API key, even when the server echoes it or it sits in the URL", async () => {
    const fetch = steppedFetch(json(401, { message: `Invalid key ${API_KEY}` }, { "set-cookie": "JSESSIONID=abc123" }));
    const transport = new Transport({ fetch, auth: bearerAuth(API_KEY) });
    const error = (await transport.fetch(`${URL_DEVICES}?access_token=tok_live_123`).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(AuthenticationError);
    const everything = `${error.message} ${JSON.stringify(error.body)} ${error.url} ${[...error.headers].join()}`;
    expect(everything).not.toContain("s3cr3tKeyValue");
    expect(everything).not.toContain("tok_live_123");
    expect(everything).not.toContain("abc123");
    // bearerAuth registers a plain secret: masked whole (only `{ value, showSuffix: true }` keeps 4 characters).
    expect(error.message).toContain("Invalid key ***");
    expect(everything).not.toContain("9876");
    expect(error.url).toBe(`${URL_DEVICES}?access_token=***`);
  });

  it("gives vendor mappers the whole body text, beyond the short message snippet", async () => {
    const page = `<html><body>${"<p>filler</p>".repeat(40)}<h1>Server is down for maintenance</h1></body></html>`;
    const fetch = steppedFetch(new Response(page, { status: 503, headers: { "content-type": "text/html" } }));
    let seen = "";
    const transport = new Transport({ fetch, maxRetries: 0, mapError: (init) => ((seen = init.text ?? ""), undefined) });
    await expect(transport.fetch(URL_DEVICES)).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toContain("down for maintenance");
  });

  it("lets a vendor mapper choose the error class", async () => {
    class QueueFullError extends ApiError {}
    const fetch = steppedFetch(json(400, { errorCode: "EXEC_QUEUE_FULL", error: "queue full" }));
    const transport = new Transport({
      fetch,
      mapError: (init) => (init.code === "EXEC_QUEUE_FULL" ? new QueueFullError(init) : undefined),
    });
    await expect(transport.fetch(URL_DEVICES)).rejects.toBeInstanceOf(QueueFullError);
  });

  it("wraps refused connections in a ConnectionError that knows nothing was sent", async () => {
    const fetch = steppedFetch(networkError("ECONNREFUSED"));
    const error = (await new Transport({ fetch, maxRetries: 0 }).fetch(URL_DEVICES).catch((caught: unknown) => caught)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.neverSent).toBe(true);
  });

  it("does not swallow bugs in middleware as connection errors", async () => {
    const broken: Middleware = () => Promise.reject(new RangeError("middleware bug"));
    const fetch = steppedFetch();
    await expect(new Transport({ fetch, middleware: [broken] }).fetch(URL_DEVICES)).rejects.toThrow(RangeError);
  });
});

describe("Transport retries", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("retries a GET on 503 with exponential backoff and returns the success", async () => {
    const fetch = steppedFetch(json(503, { message: "busy" }), json(503, { message: "busy" }), json(200, { ok: true }));
    const call = track(new Transport({ fetch, random: () => 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    const response = await call.result();
    expect(response.status).toBe(200);
    expect(fetch.requests).toHaveLength(3);
  });

  it("applies jitter that only ever shortens the backoff", async () => {
    const fetch = steppedFetch(json(500, {}), json(200, {}));
    const call = track(new Transport({ fetch, random: () => 1 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(374);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.result()).status).toBe(200);
  });

  it("honours Retry-After in seconds on 429", async () => {
    const fetch = steppedFetch(json(429, { message: "slow down" }, { "retry-after": "3" }), json(200, {}));
    const call = track(new Transport({ fetch, random: () => 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.result()).status).toBe(200);
  });

  it("retries a GET answered 503 with Retry-After: 1 exactly once, after one second", async () => {
    const fetch = steppedFetch(json(503, { message: "maintenance" }, { "retry-after": "1" }), json(200, { ok: true }));
    const call = track(new Transport({ fetch, random: () => 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.result()).status).toBe(200);
    expect(fetch.requests).toHaveLength(2);
  });

  it("honours Retry-After as an HTTP date", async () => {
    vi.setSystemTime(new Date("2025-06-01T10:00:00Z"));
    const fetch = steppedFetch(json(503, {}, { "retry-after": "Sun, 01 Jun 2025 10:00:05 GMT" }), json(200, {}));
    const call = track(new Transport({ fetch }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(4999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.result()).status).toBe(200);
  });

  it("fails at once when Retry-After exceeds 60 s: neither sleeps through it nor ignores it", async () => {
    const fetch = steppedFetch(json(429, {}, { "retry-after": "3600" }), json(200, {}));
    const call = track(new Transport({ fetch, random: () => 0, maxRetries: 2 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch.requests).toHaveLength(1);
    const error = (await call.result().catch((caught: unknown) => caught)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const fetch = steppedFetch(json(502, {}), json(502, {}), json(502, { message: "still down" }));
    const call = track(new Transport({ fetch, random: () => 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(call.result()).rejects.toThrow("still down");
    expect(fetch.requests).toHaveLength(3);
  });

  it("does not retry statuses that will not change, such as 400 and 404", async () => {
    const fetch = steppedFetch(json(400, { message: "bad" }));
    await expect(new Transport({ fetch }).fetch(URL_DEVICES)).rejects.toThrow("bad");
    expect(fetch.requests).toHaveLength(1);
  });

  it("never repeats a POST that may have reached the server", async () => {
    const fetch = steppedFetch(json(503, { message: "gateway busy" }));
    const request = post("https://api.example.test/api/v1/entities/ent_1/actions/switchable.open", {});
    await expect(new Transport({ fetch }).send(request)).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("never repeats a POST after a connection reset", async () => {
    const fetch = steppedFetch(networkError("ECONNRESET"));
    await expect(new Transport({ fetch }).send(post(URL_DEVICES, {}))).rejects.toBeInstanceOf(ConnectionError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("repeats a POST whose connection was refused, since it never left the machine", async () => {
    const fetch = steppedFetch(networkError("ECONNREFUSED"), json(201, { id: "dev_9" }));
    const call = track(new Transport({ fetch, random: () => 0 }).send(post(URL_DEVICES, { name: "Lobby" })));
    await vi.advanceTimersByTimeAsync(500);
    expect((await call.result()).status).toBe(201);
    expect(fetch.requests.map((seen) => seen.body)).toEqual(['{"name":"Lobby"}', '{"name":"Lobby"}']);
  });

  it("sends a POST with an idempotency key once, without the key, when the API does not deduplicate", async () => {
    const fetch = steppedFetch(json(500, {}), json(200, { ok: true }));
    const warnings: string[] = [];
    const transport = new Transport({ fetch, random: () => 0, onIgnoredIdempotencyKey: () => warnings.push("ignored") });
    const call = track(transport.send(post(URL_DEVICES, { name: "Gate" }), { idempotencyKey: "idem_42" }));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(call.result()).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]!.headers.has("idempotency-key")).toBe(false);
    expect(warnings).toEqual(["ignored"]);
  });

  it("repeats a POST of a deduplicated operation, with the same key and body", async () => {
    const fetch = steppedFetch(json(500, {}), json(200, { ok: true }));
    const transport = new Transport({ fetch, random: () => 0 });
    const body = '{"name":"Gate"}';
    const request = new Request(URL_DEVICES, { method: "POST", body, headers: { "content-type": "application/json" } });
    const call = track(transport.sendBuilt(request, {}, undefined, body, "idem_42"));
    await vi.advanceTimersByTimeAsync(500);
    expect((await call.result()).status).toBe(200);
    expect(fetch.requests.map((seen) => seen.headers.get("idempotency-key"))).toEqual(["idem_42", "idem_42"]);
    expect(fetch.requests[1]!.body).toBe('{"name":"Gate"}');
  });

  it("replays a streamed body on retry", async () => {
    const fetch = steppedFetch(json(503, {}), json(200, {}));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("chunk-1|"));
        controller.enqueue(new TextEncoder().encode("chunk-2"));
        controller.close();
      },
    });
    const request = new Request(URL_DEVICES, { method: "PUT", body: stream, duplex: "half" } as RequestInit);
    const call = track(new Transport({ fetch, random: () => 0 }).send(request));
    await vi.advanceTimersByTimeAsync(500);
    await call.result();
    expect(fetch.requests.map((seen) => seen.body)).toEqual(["chunk-1|chunk-2", "chunk-1|chunk-2"]);
  });

  it("runs middleware once per attempt and tells it which attempt it is", async () => {
    const attempts: number[] = [];
    const counting: Middleware = (request, next, context) => {
      attempts.push(context.attempt);
      return next(request);
    };
    const fetch = steppedFetch(json(503, {}), json(200, {}));
    const call = track(new Transport({ fetch, middleware: [counting], random: () => 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(500);
    await call.result();
    expect(attempts).toEqual([1, 2]);
  });

  it("does not retry when maxRetries is 0", async () => {
    const fetch = steppedFetch(json(503, {}));
    await expect(new Transport({ fetch }).fetchWith({ maxRetries: 0 })(URL_DEVICES)).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("does not retry TLS verification failures", async () => {
    const fetch = steppedFetch(networkError("UNABLE_TO_VERIFY_LEAF_SIGNATURE"));
    const error = (await new Transport({ fetch }).fetch(URL_DEVICES).catch((caught: unknown) => caught)) as ConnectionError;
    expect(error.message).toContain("CA certificate");
    expect(fetch.requests).toHaveLength(1);
  });
});

describe("Transport timeouts and cancellation", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("times out each attempt and retries an idempotent request", async () => {
    const fetch = hangingFetch();
    const call = track(new Transport({ fetch, timeout: 1_000, maxRetries: 1, random: () => 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(999);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(fetch.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = (await call.result().catch((caught: unknown) => caught)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(1_000);
  });

  it("uses the default 30 s timeout", async () => {
    const call = track(new Transport({ fetch: hangingFetch(), maxRetries: 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call.result()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("does not retry a POST that timed out", async () => {
    const fetch = hangingFetch();
    const call = track(new Transport({ fetch, timeout: 100 }).send(post(URL_DEVICES, {})));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(call.result()).rejects.toBeInstanceOf(TimeoutError);
    expect(fetch.calls).toBe(1);
  });

  it("lets a per-call timeout override the client default", async () => {
    const call = track(new Transport({ fetch: hangingFetch(), timeout: 60_000 }).fetchWith({ timeout: 50, maxRetries: 0 })(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(50);
    await expect(call.result()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("times out even when the fetch implementation ignores its signal", async () => {
    const deaf = (): Promise<Response> => new Promise(() => undefined);
    const call = track(new Transport({ fetch: deaf, timeout: 200, maxRetries: 0 }).fetch(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(200);
    await expect(call.result()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("aborts an in-flight attempt with AbortError when the caller cancels", async () => {
    const controller = new AbortController();
    const fetch = hangingFetch();
    const call = track(new Transport({ fetch }).fetchWith({ signal: controller.signal })(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(call.result()).rejects.toBeInstanceOf(AbortError);
    expect(fetch.calls).toBe(1);
  });

  it("cancels the backoff sleep and sends nothing more", async () => {
    const controller = new AbortController();
    const fetch = steppedFetch(json(503, {}));
    const call = track(new Transport({ fetch, random: () => 0 }).fetchWith({ signal: controller.signal })(URL_DEVICES));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(call.result()).rejects.toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch.requests).toHaveLength(1);
  });

  it("honours a signal carried by the request itself (openapi-fetch puts it there)", async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = steppedFetch();
    await expect(new Transport({ fetch }).fetch(URL_DEVICES, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("Transport logging", () => {
  it("logs method, redacted URL, status, attempt and duration", async () => {
    const entries: Array<[string, Record<string, unknown> | undefined]> = [];
    const logger: Logger = {
      debug: (message, fields) => entries.push([message, fields]),
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    };
    const fetch = steppedFetch(json(200, {}));
    await new Transport({ fetch, logger }).fetch(`${URL_DEVICES}?token=tok_abcdef&limit=5`);
    expect(entries).toHaveLength(1);
    expect(entries[0]![1]).toMatchObject({
      method: "GET",
      url: `${URL_DEVICES}?token=***&limit=5`,
      status: 200,
      attempt: 1,
      durationMs: expect.any(Number),
    });
  });
});

describe("Transport answers read inside the deadline", () => {
  const answer = () => new Response('{"id":"d1","name":"Front door"}', { status: 201, statusText: "Created", headers: { "content-type": "application/json", "x-request-id": "r1" } });

  it("hands on a real Response whose body reads once, in every form, from memory", async () => {
    const transport = new Transport({ fetch: steppedFetch(answer(), answer(), answer(), answer()) });
    const first = await transport.fetch(URL_DEVICES);
    expect(first).toBeInstanceOf(Response);
    expect([first.status, first.statusText, first.ok, first.headers.get("x-request-id"), first.bodyUsed]).toEqual([201, "Created", true, "r1", false]);
    expect(await first.json()).toEqual({ id: "d1", name: "Front door" });
    expect(first.bodyUsed).toBe(true);
    await expect(first.text()).rejects.toBeInstanceOf(TypeError);
    expect(() => first.clone()).toThrow(TypeError);

    const second = await transport.fetch(URL_DEVICES);
    const copy = second.clone();
    expect(new TextDecoder().decode(await second.arrayBuffer())).toBe('{"id":"d1","name":"Front door"}');
    expect((await copy.blob()).type).toBe("application/json");

    const streamed = await transport.fetch(URL_DEVICES);
    expect(await new Response(streamed.body).text()).toBe('{"id":"d1","name":"Front door"}');
    expect(streamed.bodyUsed).toBe(true);

    const bytes = await (await transport.fetch(URL_DEVICES)).bytes();
    expect(new TextDecoder().decode(bytes)).toBe('{"id":"d1","name":"Front door"}');
  });
});
