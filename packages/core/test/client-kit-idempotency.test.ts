import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type ApiErrorInit,
  ClientKit,
  ConnectionError,
  IdempotencyConflictError,
  IdempotencyInFlightError,
  InternalServerError,
  type OperationTable,
  RateLimitError,
  type VendorDeclaration,
  bearerAuth,
} from "../src/index.js";
import { json, networkError, steppedFetch, track } from "./helpers.js";

const BASE = "https://api.example.test/v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// `open_door` is deduplicated by key (`x-idempotency: key` in a spec); `ring_bell` is not.
const table = {
  open_door: { method: "post", path: "/doors/{id}/open", auth: "required", headers: {}, query: [], pagination: null, requestMediaType: "application/json", idempotency: "key" },
  ring_bell: { method: "post", path: "/bells/{id}/ring", auth: "required", headers: {}, query: [], pagination: null, requestMediaType: "application/json" },
} as const satisfies OperationTable;

type Ops = Record<keyof typeof table, { parameters: { path: Record<string, string> } }>;

// The vendor names its idempotency refusals by code; its mapper turns them into core's classes.
const mapError = (init: ApiErrorInit) => {
  if (init.status !== 409) return undefined;
  if (init.code === "key_in_flight") return new IdempotencyInFlightError(init);
  if (init.code === "key_reused") return new IdempotencyConflictError(init);
  return undefined;
};

const vendor: VendorDeclaration<typeof table, unknown> = {
  name: "Acme",
  logLevelEnv: "ACME_LOG",
  logPrefix: "acme",
  operations: table,
  mapError,
  correlationHeader: "X-Correlation-Id",
  sendCredentialsToPublicOperations: false,
  missingCredentials: (id) => `${id} needs an Acme key`,
};

function kitWith(fetch: ReturnType<typeof steppedFetch>, extra: Partial<ConstructorParameters<typeof ClientKit>[1]> = {}) {
  return new ClientKit<Ops, typeof table, unknown>(vendor, { baseUrl: BASE, auth: bearerAuth("sk_live_abcdef123456"), fetch, random: () => 0, ...extra });
}

const keysOf = (fetch: ReturnType<typeof steppedFetch>) => fetch.requests.map((call) => call.headers.get("idempotency-key"));
const openDoor = (kit: ReturnType<typeof kitWith>, options?: object) =>
  track(kit.callWithResponse("open_door", { path: { id: "d1" }, body: { reason: "delivery" } }, options));

describe("ClientKit: an operation the API deduplicates by key", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["a 503", json(503, { message: "upstream busy" })],
    ["a reset connection", networkError("ECONNRESET")],
  ])("resends after %s with one generated key and the same body, and returns the one result", async (_, fault) => {
    const fetch = steppedFetch(fault, json(200, { opened: true, idempotent_replay: true }, { "x-request-id": "req_9" }));
    const call = openDoor(kitWith(fetch));
    await vi.advanceTimersByTimeAsync(500);
    const result = await call.result();
    const [first, second] = keysOf(fetch);
    expect(first).toMatch(UUID);
    expect(second).toBe(first);
    expect(fetch.requests.map((seen) => seen.body)).toEqual(['{"reason":"delivery"}', '{"reason":"delivery"}']);
    expect(result).toMatchObject({ body: { opened: true }, idempotencyKey: first, replayed: true, correlationId: "req_9" });
  });

  it("resends after a timeout with the caller's key", async () => {
    const fetch = steppedFetch((request) => new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))), json(200, { opened: true }));
    const call = openDoor(kitWith(fetch, { timeout: 1_000 }), { idempotencyKey: "open-d1-0001" });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(await call.result()).toMatchObject({ body: { opened: true }, idempotencyKey: "open-d1-0001", replayed: false });
    expect(keysOf(fetch)).toEqual(["open-d1-0001", "open-d1-0001"]);
  });

  it("waits while the first request is still in flight, then resends the same key", async () => {
    const fetch = steppedFetch(json(409, { error_code: "key_in_flight", message: "in flight" }, { "retry-after": "1" }), json(200, { opened: true }));
    const call = openDoor(kitWith(fetch));
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.result()).body).toEqual({ opened: true });
    expect(new Set(keysOf(fetch)).size).toBe(1);
  });

  it("gives each logical call its own key", async () => {
    const fetch = steppedFetch(json(200, {}), json(200, {}));
    const kit = kitWith(fetch);
    await openDoor(kit).result();
    await openDoor(kit).result();
    expect(new Set(keysOf(fetch)).size).toBe(2);
  });

  it("ends with IdempotencyConflictError when the key was used for another body: not resent", async () => {
    const fetch = steppedFetch(json(409, { error_code: "key_reused", message: "key reused", correlation_id: "corr_3" }));
    const error = await openDoor(kitWith(fetch), { idempotencyKey: "k1" }).result().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ status: 409, code: "key_reused", correlationId: "corr_3" });
    expect(fetch.requests).toHaveLength(1);
  });

  it("waits out a 429 and resends once, never twice", async () => {
    const limited = () => json(429, { message: "too soon" }, { "retry-after": "2" });
    const fetch = steppedFetch(limited(), limited());
    const call = openDoor(kitWith(fetch, { maxRetries: 5 }));
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(call.result()).rejects.toBeInstanceOf(RateLimitError);
    expect(fetch.requests).toHaveLength(2);
  });

  it("stays within maxRetries", async () => {
    const fetch = steppedFetch(json(503, {}), json(503, {}));
    const call = openDoor(kitWith(fetch, { maxRetries: 1 }));
    await vi.advanceTimersByTimeAsync(500);
    await expect(call.result()).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(2);
  });
});

describe("ClientKit: an operation the API does not deduplicate", () => {
  it.each([
    ["a 503", json(503, {})],
    ["a 429", json(429, {}, { "retry-after": "0" })],
    ["an in-flight 409", json(409, { error_code: "key_in_flight" })],
    ["a reset connection", networkError("ECONNRESET")],
  ])("sends once after %s, without the caller's key", async (_, fault) => {
    const warn = vi.fn();
    const fetch = steppedFetch(fault);
    const kit = kitWith(fetch, { logger: { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() } });
    const error = await kit.call("ring_bell", { path: { id: "b1" }, body: {} }, { idempotencyKey: "k1" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(fault instanceof Response ? (fault.status === 409 ? IdempotencyInFlightError : Error) : ConnectionError);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]!.headers.has("idempotency-key")).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("idempotencyKey ignored: Acme does not deduplicate this request"));
  });
});

describe("ClientKit: correlation ids", () => {
  it("sends a call's correlationId as the vendor's header, and reads the answer's", async () => {
    const fetch = steppedFetch(json(200, { ok: true, correlation_id: "job-7" }), json(500, { message: "boom" }, { "x-request-id": "job-8" }));
    const kit = kitWith(fetch);
    const result = await kit.callWithResponse("ring_bell", { path: { id: "b1" }, body: {} }, { correlationId: "job-7" });
    expect(fetch.requests[0]!.headers.get("x-correlation-id")).toBe("job-7");
    expect(result.correlationId).toBe("job-7");
    const error = await kit.call("ring_bell", { path: { id: "b1" }, body: {} }, { correlationId: "job-8" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ correlationId: "job-8", requestId: "job-8" });
  });

  it("refuses a correlationId that cannot be a header value, before the network", async () => {
    const fetch = steppedFetch();
    await expect(kitWith(fetch).call("ring_bell", { path: { id: "b1" }, body: {} }, { correlationId: "a\r\nb" })).rejects.toThrow(
      /option correlationId must be a non-empty string without whitespace or control characters/,
    );
    expect(fetch.requests).toHaveLength(0);
  });
});
