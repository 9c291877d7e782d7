import { ConfigError, TimeoutError, ValidationError } from "@openapp/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_ACTIONS_PER_EXECUTION, OverkizClient, ServiceUnavailableError } from "../../src/index.js";
import { SHUTTER_URL, TEST_SERVER, json, overkizError, scriptedFetch } from "../helpers.js";

const token = { token: "kit-token-0001" };
const busy = () => overkizError(400, "RESOURCE_ACCESS_DENIED", "Server busy, please try again later. (Too many executions)");
const close = [{ deviceURL: SHUTTER_URL, commands: ["close"] }];
const device = (n: number) => `io://0815-4711-2301/61127${String(n).padStart(2, "0")}`;

describe("exec/apply through core's one retry loop", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["/exec/apply", {}],
    ["/exec/apply/highPriority", { mode: "highPriority" as const }],
  ])("%s refused with 'Too many executions' then accepted is two requests", async (path, params) => {
    const script = scriptedFetch({ [`POST ${path}`]: [busy(), json(200, { execId: "after-busy" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, random: () => 0 });
    const pending = client.executeActionGroup(close, params);
    await vi.advanceTimersByTimeAsync(10);
    await expect(pending).resolves.toBe("after-busy");
    expect(script.count("POST", path)).toBe(2);
  });

  it.each([{}, { idempotencyKey: "f7b5c0de-0000-4000-8000-000000000001" }])("a 503 is exactly one request (%o)", async (options) => {
    const script = scriptedFetch({ "POST /exec/apply": [new Response("busy", { status: 503 }), json(200, { execId: "twice" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, maxRetries: 5 });
    await expect(client.executeActionGroup(close, {}, options)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(script.count("POST", "/exec/apply")).toBe(1);
    expect(script.requests[0]?.headers.get("idempotency-key")).toBeNull();
  });

  it.each([{}, { idempotencyKey: "f7b5c0de-0000-4000-8000-000000000002" }])("a timeout is exactly one request (%o)", async (options) => {
    const script = scriptedFetch({
      "POST /exec/apply": [(request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)))],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, timeout: 1_000, maxRetries: 5 });
    const pending = client.executeActionGroup(close, {}, options).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(script.count("POST", "/exec/apply")).toBe(1);
  });
});

describe("inputs checked before the network", () => {
  const offline = () => scriptedFetch({});

  it("refuses unknown and renamed client options, naming the real one", () => {
    const make = (extra: object) => () => new OverkizClient({ server: TEST_SERVER, credentials: token, ...extra } as never);
    expect(make({ timout: 1000 })).toThrow(/Unknown option `timout`.*`timeout`/);
    expect(make({ defaultRtsCommandDuration: 30 })).toThrow(/defaultRtsCommandDurationSeconds/);
    expect(make({ actionQueue: { delay: 0.1 } })).toThrow(ConfigError);
    expect(make({ actionQueue: { delay: 0.1 } })).toThrow(/`delayMs`/);
    expect(make({ loginBackoff: { initialDelay: 60 } })).toThrow(/`initialDelayMs`/);
    expect(make({ loginBackoff: { maxDelay: 60 } })).toThrow(/`maxDelayMs`/);
  });

  it("refuses a strategy written against the old authorize(request)", () => {
    const old = { name: "old", isAuthenticated: () => true, login: async () => undefined, authorize: () => undefined, onUnauthorized: () => false, secrets: () => [] };
    expect(() => new OverkizClient({ server: TEST_SERVER, credentials: old as never })).toThrow(/apply\(headers\)/);
  });

  it("refuses unknown parameter keys, naming the real one", async () => {
    const script = offline();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await expect(client.getSetup({ refesh: true } as never)).rejects.toThrow(ValidationError);
    await expect(client.getSetup({ refesh: true } as never)).rejects.toThrow(/`refresh`/);
    await expect(client.executeActionGroup(close, { lable: "x" } as never)).rejects.toThrow(/`label`/);
    await expect(client.events({ interval: 1 } as never).next()).rejects.toThrow(ValidationError);
    await expect(client.events({ interval: 1 } as never).next()).rejects.toThrow(/`intervalMs`/);
    await expect(client.getLocalTokens("0815-4711-2301", { scopes: "devmode" } as never)).rejects.toThrow(/`scope`/);
    expect(script.requests).toHaveLength(0);
  });

  it.each(["not-a-device-url", "io://1234-5678-9012/../../x#y", "io://1234-5678-9012/../x", "io://1234-5678-9012/123\n", "io://1234-5678-9012/1 2", ""])("refuses the device URL %j everywhere before the network", async (url) => {
    const script = offline();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const queued = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, actionQueue: true });
    await expect(client.executeActionGroup([{ deviceURL: url, commands: ["close"] }])).rejects.toThrow(ValidationError);
    await expect(client.executeActionGroup([...close, { deviceURL: url, commands: ["close"] }])).rejects.toThrow(ValidationError);
    await expect(queued.executeActionGroup([{ deviceURL: url, commands: ["close"] }])).rejects.toThrow(ValidationError);
    await expect(client.getDevice(url)).rejects.toThrow(ValidationError);
    await expect(client.refreshStates({ deviceURLs: [url] })).rejects.toThrow(ValidationError);
    await expect(client.updateAllDeviceFirmwares({ deviceURLs: [url] })).rejects.toThrow(ValidationError);
    expect(queued.pendingActionsCount).toBe(0);
    expect(script.requests).toHaveLength(0);
  });
});

describe("executions are checked before the network", () => {
  const offline = () => scriptedFetch({});

  it("refuses an unknown mode, naming the known ones", async () => {
    const script = offline();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await expect(client.executeActionGroup(close, { mode: "turbo" as never })).rejects.toThrow(/Unknown execution mode "turbo": expected one of highPriority, geolocated, internal/);
    expect(script.requests).toHaveLength(0);
  });

  it("refuses more devices than one execution may carry, and takes exactly that many", async () => {
    const script = offline();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const devices = (count: number) => Array.from({ length: count }, (_, i) => ({ deviceURL: `io://1234-5678-9012/${10_000_000 + i}`, commands: ["close"] }));
    await expect(client.executeActionGroup(devices(MAX_ACTIONS_PER_EXECUTION + 1))).rejects.toThrow(/at most 500 devices, got 501/);
    expect(script.requests).toHaveLength(0);
    await client.executeActionGroup(devices(MAX_ACTIONS_PER_EXECUTION)).catch(() => undefined);
    expect(script.requests).toHaveLength(1);
  });
});

describe("nothing that returns a promise throws synchronously", () => {
  it("every public method returns a rejected promise for bad arguments", async () => {
    const script = scriptedFetch({});
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, maxRetries: 0 });
    // The resources' methods sit on the client's prototype (getters such as `server` are not methods).
    const prototype = OverkizClient.prototype as unknown as Record<string, unknown>;
    const methods = Object.getOwnPropertyNames(prototype).filter(
      (name) => name !== "constructor" && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === "function",
    );
    expect(methods.length).toBeGreaterThan(55);
    // selectGateway returns nothing; events() returns a generator that fails on first use; device()
    // and createStateMirror() return a handle and a mirror that report bad input when used.
    const notPromises = ["selectGateway", "events", "device", "createStateMirror"];
    for (const name of methods.filter((m) => !notPromises.includes(m))) {
      const method = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[name] as (...args: unknown[]) => unknown;
      let result: unknown;
      expect(() => {
        result = method.call(client, 42 as never, { bogus: true }, { bogus: true });
      }, name).not.toThrow();
      expect(result, name).toBeInstanceOf(Promise);
      await (result as Promise<unknown>).catch(() => undefined);
    }
    expect(() => client.events({ bogus: true } as never)).not.toThrow();
  });
});

describe("actionQueue.maxActions bounds merging", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function queued(maxActions: number) {
    let n = 0;
    const script = scriptedFetch({ "POST /exec/apply": [() => json(200, { execId: `exec-${++n}` })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, actionQueue: { delayMs: 100, maxActions } });
    const sent = () => script.requests.map((r) => (JSON.parse(r.body) as { actions: { deviceURL: string }[] }).actions.map((a) => a.deviceURL));
    return { client, sent };
  }

  it("sends a single call larger than maxActions alone and at once, keeping its actions together", async () => {
    const { client, sent } = queued(2);
    const small = client.executeActionGroup([{ deviceURL: device(1), commands: ["close"] }]);
    const large = client.executeActionGroup([1, 2, 3].map((n) => ({ deviceURL: device(10 + n), commands: ["close"] })));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent()).toEqual([[device(11), device(12), device(13)]]);
    expect(client.pendingActionsCount).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await Promise.all([large, small])).toEqual(["exec-1", "exec-2"]);
    expect(sent()).toEqual([[device(11), device(12), device(13)], [device(1)]]);
  });

  it("never merges past maxActions: a call that does not fit starts the next execution", async () => {
    const { client, sent } = queued(2);
    const calls = [
      client.executeActionGroup([{ deviceURL: device(1), commands: ["close"] }]),
      client.executeActionGroup([device(2), device(3)].map((deviceURL) => ({ deviceURL, commands: ["close"] }))),
      client.executeActionGroup([{ deviceURL: device(1), commands: ["open"] }]),
    ];
    await vi.advanceTimersByTimeAsync(100);
    expect(await Promise.all(calls)).toEqual(["exec-1", "exec-2", "exec-3"]);
    expect(sent()).toEqual([[device(1)], [device(2), device(3)], [device(1)]]);
  });
});
