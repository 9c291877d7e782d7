import createClient from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import {
  ClientKit,
  ConfigError,
  InternalServerError,
  type OperationTable,
  type RefusalPolicy,
  ValidationError,
  type VendorDeclaration,
  bearerAuth,
  rawClientDefaults,
} from "../src/index.js";
import { json, steppedFetch } from "./helpers.js";

const BASE = "https://api.example.test/v1";

const table = {
  list_things: { method: "get", path: "/things", auth: "required", headers: { "X-Org": true }, query: ["q", "limit", "offset"], pagination: "offset", requestMediaType: null },
  get_status: { method: "get", path: "/status", auth: "none", headers: {}, query: [], pagination: null, requestMediaType: null },
  search: { method: "get", path: "/search", auth: "required", headers: { "X-Org": false }, query: ["q"], pagination: null, requestMediaType: null },
  open_thing: { method: "post", path: "/things/{id}/open", auth: "required", headers: {}, query: [], pagination: null, requestMediaType: "application/json" },
} as const satisfies OperationTable;

type Ops = Record<keyof typeof table, { parameters: { path: Record<string, string> } }>;

const vendor: VendorDeclaration<typeof table, unknown> = {
  name: "Acme",
  logLevelEnv: "ACME_LOG",
  logPrefix: "acme",
  operations: table,
  createRawClient: ({ baseUrl, fetch }) => createClient({ ...rawClientDefaults, baseUrl, fetch }),
  sendCredentialsToPublicOperations: false,
  missingCredentials: (id) => `${id} needs an Acme key`,
  contextHeaders: [{ option: "org", header: "X-Org", missing: (id) => `${id} needs an org` }],
  requestOptions: ["org"],
  pagination: { defaultLimit: 2, maxLimit: 10 },
};

function kitWith(fetch: ReturnType<typeof steppedFetch>, extra: Partial<ConstructorParameters<typeof ClientKit>[1]> = {}) {
  return new ClientKit<Ops, typeof table, unknown>(vendor, { baseUrl: BASE, auth: bearerAuth("sk_live_abcdef123456"), fetch, random: () => 0, ...extra });
}

describe("ClientKit inputs", () => {
  it("refuses an undeclared query key before the network, and says where a request option belongs", async () => {
    const fetch = steppedFetch();
    const kit = kitWith(fetch, { defaults: { org: "o1" } });
    await expect(kit.call("search", { query: { org: "o2" } })).rejects.toThrow(/Unknown parameter `org` for search: `org` is a request option, pass it in the options argument/);
    await expect(kit.call("search", { query: { qq: "x" } })).rejects.toThrow(/Unknown parameter `qq`.*did you mean `q`/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("sends context headers where declared, refuses a missing required one, never sends the option as a parameter", async () => {
    const fetch = steppedFetch(json(200, { ok: 1 }), json(200, []), json(200, {}));
    const kit = kitWith(fetch);
    await expect(kit.call("list_things")).rejects.toThrow("list_things needs an org");
    await kit.call("search", { query: { q: "a" } });
    expect(fetch.requests[0]!.headers.has("x-org")).toBe(false);
    await kit.call("list_things", {}, { org: "o9" } as never);
    expect(fetch.requests[1]!.headers.get("x-org")).toBe("o9");
    expect(fetch.requests[1]!.url.href).toBe(`${BASE}/things`);
    await kit.withDefaults({ org: "o1" }).call("search", {});
    expect(fetch.requests[2]!.headers.get("x-org")).toBe("o1");
  });

  it("refuses an operation that needs credentials when the client has none; public ones go without them", async () => {
    const fetch = steppedFetch(json(200, {}), json(200, {}));
    await expect(kitWith(fetch, { auth: undefined }).call("search")).rejects.toThrow("search needs an Acme key");
    await kitWith(fetch).call("get_status");
    expect(fetch.requests[0]!.headers.has("authorization")).toBe(false);
    await kitWith(fetch).call("search");
    expect(fetch.requests[1]!.headers.get("authorization")).toBe("Bearer sk_live_abcdef123456");
  });

  it("lists reject bad windows on first use instead of throwing, and page with the declared default size", async () => {
    const fetch = steppedFetch(json(200, [1, 2]), json(200, [3]));
    const kit = kitWith(fetch, { defaults: { org: "o1" } });
    const bad = kit.list("list_things", { query: { limit: 11 } });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(kit.list("list_things", { query: { offset: -1 } }).toArray()).rejects.toThrow(/offset/);
    expect(await kit.list("list_things", { query: { q: "x" } }).toArray()).toEqual([1, 2, 3]);
    expect(fetch.requests.map((call) => new URL(call.url).search)).toEqual(["?q=x&limit=2&offset=0", "?q=x&limit=2&offset=2"]);
  });

  it("builds the request itself: encoded path on a trailing-slash base URL, form query, JSON body with its Content-Type", async () => {
    const fetch = steppedFetch(json(200, { ok: 1 }), json(200, [1]));
    const kit = kitWith(fetch, { baseUrl: `${BASE}/`, defaults: { org: "o1" } });
    await kit.call("open_thing", { path: { id: "a b/c" }, body: { speed: 2 } });
    const sent = fetch.requests[0]!;
    expect([sent.method, sent.url.href]).toEqual(["POST", `${BASE}/things/a%20b%2Fc/open`]);
    expect(sent.headers.get("content-type")).toBe("application/json");
    expect(sent.body).toBe(JSON.stringify({ speed: 2 }));
    await kit.call("list_things", { query: { q: ["x", "y"] } });
    expect(fetch.requests[1]!.url.href).toBe(`${BASE}/things?q=x&q=y`);
    expect(fetch.requests[1]!.headers.has("content-type")).toBe(false);
  });

  it("sends a stream body as it is read", async () => {
    const fetch = steppedFetch(json(200, { ok: 1 }));
    const stream = new Blob(['{"speed":3}']).stream();
    await kitWith(fetch).call("open_thing", { path: { id: "t1" }, body: stream });
    expect(fetch.requests[0]!.body).toBe('{"speed":3}');
  });

  it("refuses a missing path parameter before the network instead of sending the template", async () => {
    const fetch = steppedFetch();
    await expect(kitWith(fetch).call("open_thing", {} as never)).rejects.toThrow(/Path parameter "id" is required/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("a body JSON cannot carry, or inputs whose getters throw, reject with a ValidationError naming the operation; nothing is sent", async () => {
    const fetch = steppedFetch();
    const kit = kitWith(fetch, { defaults: { org: "o1" } });
    await expect(kit.call("open_thing", { path: { id: "t1" }, body: { speed: 2n } })).rejects.toThrow(
      /^Acme open_thing: request body at \$\.speed: a bigint has no JSON form/,
    );
    await expect(kit.call("open_thing", { path: { id: "t1" }, body: Symbol("x") })).rejects.toBeInstanceOf(ValidationError);
    const hostile = new Proxy({}, { ownKeys: () => { throw new TypeError("trap"); } });
    await expect(kit.call("list_things", { query: hostile })).rejects.toThrow(/^Acme list_things: the input could not be read \(TypeError: trap\)/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("per-call options of the wrong kind are a ConfigError naming the option, before any request", async () => {
    const fetch = steppedFetch();
    const kit = kitWith(fetch);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ timeout: Symbol("t") }, /option timeout must be a positive number of milliseconds, got a symbol/],
      [{ maxRetries: 1.5 }, /option maxRetries must be a whole number ≥ 0, got 1.5/],
      [{ signal: "stop" }, /option signal must be an AbortSignal, got "stop"/],
      [{ headers: { "X-Trace": "a\r\nX-Injected: 1" } }, /option headers must be an object of header names to strings/],
      [{ headers: { "bad name": "x" } }, /option headers/],
      [{ middleware: () => undefined }, /option middleware must be a list of functions/],
      [{ idempotencyKey: 10n }, /option idempotencyKey must be a non-empty string without whitespace or control characters, got 10/],
    ];
    for (const [options, message] of cases) {
      await expect(kit.call("open_thing", { path: { id: "t1" } }, options as never)).rejects.toThrow(message);
    }
    const unreadable = new Proxy({}, { ownKeys: () => { throw new TypeError("trap"); } });
    await expect(kit.call("open_thing", { path: { id: "t1" } }, unreadable as never)).rejects.toThrow(/options could not be read \(TypeError: trap\)/);
    await expect(kit.call("open_thing", { path: { id: "t1" } }, unreadable as never)).rejects.toBeInstanceOf(ConfigError);
    expect(fetch.requests).toHaveLength(0);
  });

  it("client options the kit reads are checked by kind at construction", () => {
    const fetch = steppedFetch();
    expect(() => kitWith(fetch, { fetch: "https://proxy.test" as never })).toThrow(/Acme client: option fetch must be a function, got "https:\/\/proxy.test"/);
    expect(() => kitWith(fetch, { logger: { debug: () => undefined } as never })).toThrow(/option logger must be an object with debug, info, warn and error functions/);
    expect(() => kitWith(fetch, { validateResponses: "yes" as never })).toThrow(ConfigError);
    expect(() => kitWith(fetch, { timeout: Number.NaN })).toThrow(/timeout must be a positive number/);
  });

  it("foreign fetches carry neither credentials nor client headers", async () => {
    const fetch = steppedFetch(json(200, {}));
    const kit = kitWith(fetch, { headers: { "X-Client": "1" } });
    await kit.foreignFetch()("https://images.example.net/a.png");
    expect(fetch.requests[0]!.headers.has("authorization")).toBe(false);
    expect(fetch.requests[0]!.headers.has("x-client")).toBe(false);
  });
});

describe("ClientKit safe resend", () => {
  it("drops an idempotency key for a vendor that does not deduplicate: sent once, warned once", async () => {
    const warn = vi.fn();
    const logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
    const fetch = steppedFetch(json(503, {}), json(503, {}));
    const kit = kitWith(fetch, { logger });
    await expect(kit.call("open_thing", { path: { id: "t1" }, body: {} }, { idempotencyKey: "k1" })).rejects.toBeInstanceOf(InternalServerError);
    await expect(kit.call("open_thing", { path: { id: "t2" }, body: {} }, { idempotencyKey: "k2" })).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(2);
    expect(fetch.requests.some((call) => call.headers.has("idempotency-key"))).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("resends a POST the vendor proves was refused, on the reason's own profile, with a replacement request", async () => {
    const fetch = steppedFetch(json(409, { code: "busy" }), json(409, { code: "busy" }), json(200, { ok: true }));
    const prepare = vi.fn(async (_error: unknown, request: Request) => new Request(request.url.replace("/t1/", "/t2/"), request));
    const refusals: RefusalPolicy = {
      classify: (error) => ((error as { code?: string }).code === "busy" ? "busy" : undefined),
      profiles: { busy: { maxRetries: 2, backoff: { initialMs: 0, maxMs: 0, jitter: 0 }, prepare } },
    };
    const kit = kitWith(fetch, { refusals, maxRetries: 0 });
    expect(await kit.call("open_thing", { path: { id: "t1" }, body: {} })).toEqual({ ok: true });
    expect(fetch.requests.map((call) => new URL(call.url).pathname)).toEqual(["/v1/things/t1/open", "/v1/things/t2/open", "/v1/things/t2/open"]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it("stops a refusal profile at its budget and its count", async () => {
    const fetch = steppedFetch(json(409, { code: "busy" }), json(409, { code: "busy" }));
    const refusals: RefusalPolicy = {
      classify: () => "busy",
      profiles: { busy: { maxRetries: 1, backoff: { initialMs: 0, maxMs: 0, jitter: 0 } } },
    };
    await expect(kitWith(fetch, { refusals }).call("open_thing", { path: { id: "t1" }, body: {} })).rejects.toMatchObject({ status: 409 });
    expect(fetch.requests).toHaveLength(2);
  });
});
