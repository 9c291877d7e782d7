import { describe, expect, it, vi } from "vitest";
import {
  ApiError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  errorBody,
} from "../../src/index.js";
import { SECRET, TEST_KEY, json, scriptedFetch, testClient } from "../helpers.js";

const ENTITY = "01HZX7A1D5G9K3P7S1W5Z9C3F7";
const actionPath = (action: string) => `/api/v1/entities/${ENTITY}/actions/${action}`;

describe("entity handles", () => {
  it("maps open, close, on and off to switchable.* and posts {} by default", async () => {
    const { fetch, requests } = scriptedFetch(json(200, { correlation_id: "c-1" }));
    const door = testClient(fetch).entities.byId(ENTITY);
    expect(door.id).toBe(ENTITY);
    expect(await door.open()).toEqual({ correlation_id: "c-1" });
    await door.close();
    await door.on();
    await door.off({ reason: "night mode" });
    expect(requests.map((r) => r.url.pathname)).toEqual(["open", "close", "on", "off"].map((a) => actionPath(`switchable.${a}`)));
    expect(requests.map((r) => r.body)).toEqual(["{}", "{}", "{}", '{"reason":"night mode"}']);
    expect(requests.every((r) => r.method === "POST" && !r.headers.has("x-org"))).toBe(true);
  });

  it("lets the client options remap a shortcut and keeps the others", async () => {
    const { fetch, requests } = scriptedFetch(json(200, {}));
    const door = testClient(fetch, { entityActions: { open: "door.unlock" } }).entities.byId(ENTITY);
    await door.open();
    await door.close();
    await door.action("relay.pulse", { duration_ms: 800 });
    expect(requests.map((r) => r.url.pathname)).toEqual([actionPath("door.unlock"), actionPath("switchable.close"), actionPath("relay.pulse")]);
  });

  it("percent-encodes ids and refuses dot segments", async () => {
    const { fetch, requests } = scriptedFetch(json(200, {}));
    const client = testClient(fetch);
    await client.entities.action("a/b", "x y");
    expect(requests[0]?.url.pathname).toBe("/api/v1/entities/a%2Fb/actions/x%20y");
    await expect(client.entities.action("..", "switchable.open")).rejects.toThrow(/must not be empty/);
  });
});

describe("retries", () => {
  const busy = json(503, { message: "Door controller offline", error_code: "door_unreachable" }, { "retry-after": "0" });

  it("never repeats a door open, even with an idempotency key", async () => {
    const warn = vi.fn();
    const logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
    const { fetch, requests } = scriptedFetch(busy);
    const door = testClient(fetch, { logger }).entities.byId(ENTITY);
    await expect(door.open(undefined, { idempotencyKey: "open-once" })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.has("idempotency-key")).toBe(false);
    await expect(door.close(undefined, { idempotencyKey: "close-once" })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(2);
    // One warning per client, whatever the method.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("idempotencyKey ignored: OpenApp does not deduplicate this request"));
  });

  it("does not repeat scripts, invite executions or public opens", async () => {
    const { fetch, requests } = scriptedFetch(busy);
    const client = testClient(fetch);
    await expect(client.scripting.execute("1 + 1")).rejects.toBeInstanceOf(InternalServerError);
    await expect(client.publicAccess.executeInvite("inv_1", { grant_id: "g1" })).rejects.toBeInstanceOf(InternalServerError);
    await expect(client.publicAccess.openPortal("01HZX9G3K7P1S5W9B3F7J1M5Q9")).rejects.toBeInstanceOf(InternalServerError);
    await expect(client.devices.create({ org_id: "o", integration_id: "i", name: { en: "x" } })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests.map((r) => r.method)).toEqual(["POST", "POST", "POST", "POST"]);
  });

  it("repeats a read that hit a 503 and gives up after maxRetries", async () => {
    const { fetch, requests } = scriptedFetch(busy);
    await expect(testClient(fetch, { maxRetries: 3 }).devices.get("d1")).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(4);
  });
});

describe("errors", () => {
  it("carries status, code, message, request id and the typed body", async () => {
    const { fetch } = scriptedFetch(
      json(404, { message: "Device 01HZX6 not found", error_code: "device_not_found" }, { "x-request-id": "req_8Kq2Lw5Tn1" }),
    );
    const error = await testClient(fetch).devices.get("01HZX6").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "device_not_found", requestId: "req_8Kq2Lw5Tn1", method: "GET" });
    expect((error as Error).message).toContain("Device 01HZX6 not found");
    expect(errorBody(error)).toEqual({ message: "Device 01HZX6 not found", error_code: "device_not_found" });
  });

  it("gives no typed body for a proxy's HTML page, and never echoes the key", async () => {
    const { fetch } = scriptedFetch(() => new Response(`<html><body>Bad gateway for ${TEST_KEY}</body></html>`, { status: 502 }));
    const error = await testClient(fetch, { maxRetries: 0 }).status.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(errorBody(error)).toBeUndefined();
    expect(`${(error as Error).message} ${JSON.stringify((error as ApiError).body)}`).not.toContain(SECRET);
  });

  it("reports Retry-After on a 429 that outlasts the retries", async () => {
    const { fetch } = scriptedFetch(json(429, { message: "Slow down" }, { "retry-after": "0" }));
    const error = await testClient(fetch, { maxRetries: 1 }).zones.get("z1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(0);
  });
});

describe("other wire details", () => {
  it("reads the bootstrap script as text", async () => {
    const { fetch, requests } = scriptedFetch(() => new Response("#!/bin/sh\necho hi\n", { headers: { "content-type": "text/x-shellscript" } }));
    expect(await testClient(fetch).lanAgent.bootstrapScript("01HZXBOOTKEY")).toBe("#!/bin/sh\necho hi\n");
    expect(requests[0]?.headers.get("accept")).toBe("text/x-shellscript");
    expect(requests[0]?.url.search).toBe("?key=01HZXBOOTKEY");
  });

  it("gives the empty string, as its type says, for an empty bootstrap script", async () => {
    for (const answer of [() => new Response(null, { status: 200 }), () => new Response("", { status: 200, headers: { "content-length": "0" } })]) {
      const { fetch } = scriptedFetch(answer);
      await expect(testClient(fetch).lanAgent.bootstrapScript("01HZXBOOTKEY")).resolves.toBe("");
    }
  });

  it("posts a billing webhook as octet-stream", async () => {
    const { fetch, requests } = scriptedFetch(json(200, { provider: "stripe", events: [] }));
    await testClient(fetch).billing.webhook("stripe", new Blob(['{"id":"evt_1"}']));
    expect(requests[0]?.headers.get("content-type")).toBe("application/octet-stream");
    expect(requests[0]?.body).toBe('{"id":"evt_1"}');
  });

  it("sends the roles map as the body of a DELETE", async () => {
    const { fetch, requests } = scriptedFetch(json(200, {}));
    await testClient(fetch).users.removeRoles("u1", { "01HZX3K8Q2V7N4M6P9R5T1W0YB": ["devices:read"] });
    expect(requests[0]).toMatchObject({ method: "DELETE", body: '{"01HZX3K8Q2V7N4M6P9R5T1W0YB":["devices:read"]}' });
  });

  it("refuses an empty script before any request", async () => {
    const { fetch, requests } = scriptedFetch(json(200, { result: null }));
    await expect(testClient(fetch).scripting.execute("  ")).rejects.toThrow(/empty/);
    expect(requests).toHaveLength(0);
  });
});
