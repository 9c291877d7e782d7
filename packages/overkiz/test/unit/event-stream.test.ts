import { AbortError, ConfigError, ValidationError } from "@openapp/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OverkizClient, type OverkizEvent, ServiceUnavailableError } from "../../src/index.js";
import { TEST_SERVER, json, loginOk, overkizError, scriptedFetch } from "../helpers.js";

const token = { token: "stream-token-0001" };
const gatewayEvent = (n: number) => ({ name: "GatewayAliveEvent", timestamp: 1_763_712_000_000 + n, gatewayId: `0815-4711-${String(2300 + n)}` });
const numberOf = (event: OverkizEvent) => Number((event.raw.timestamp as number) - 1_763_712_000_000);

/** Answers every fetch with the next event, recording when (fake time) each fetch arrived. */
function eventSource(extra: Record<string, Parameters<typeof scriptedFetch>[0][string]> = {}) {
  const fetchedAt: number[] = [];
  let n = 0;
  const script = scriptedFetch({
    "POST /events/register": [json(200, { id: "listener-1" })],
    "POST /events/listener-1/fetch": [
      () => {
        fetchedAt.push(Date.now());
        return json(200, [gatewayEvent(++n)]);
      },
    ],
    "POST /events/listener-1/unregister": [json(200, [])],
    ...extra,
  });
  return { script, fetchedAt };
}

/** Reads a loop while fake time advances, until `done` says so; returns the event numbers. */
async function collect(loop: AsyncIterable<OverkizEvent>, done: (seen: number[]) => boolean): Promise<number[]> {
  const seen: number[] = [];
  const reading = (async () => {
    for await (const event of loop) {
      seen.push(numberOf(event));
      if (done(seen)) break;
    }
  })();
  await vi.advanceTimersByTimeAsync(60_000);
  await reading;
  return seen;
}

describe("client.events()", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fetches at most once per second by default and yields events one by one", async () => {
    const { script, fetchedAt } = eventSource();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const seen = await collect(client.events(), (events) => events.length === 5);

    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const gaps = fetchedAt.slice(1).map((at, i) => at - (fetchedAt[i] as number));
    expect(gaps).toEqual([1000, 1000, 1000, 1000]);
    expect(script.requests.map((r) => r.path).at(-1)).toBe("/events/listener-1/unregister");
    expect(client.eventListenerId).toBeUndefined();
  });

  it("keeps the pace from the start of each fetch, whatever the consumer does", async () => {
    const { script, fetchedAt } = eventSource();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const slowConsumer = (async () => {
      for await (const event of client.events({ intervalMs: 2000 })) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (numberOf(event) === 3) break;
      }
    })();
    await vi.advanceTimersByTimeAsync(60_000);
    await slowConsumer;
    expect(fetchedAt.slice(1).map((at, i) => at - (fetchedAt[i] as number))).toEqual([2000, 2000]);
  });

  it("unregisters when aborted, and the loop throws AbortError", async () => {
    const { script } = eventSource();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const controller = new AbortController();
    const loop = (async () => {
      for await (const event of client.events({ signal: controller.signal })) {
        if (numberOf(event) === 2) controller.abort();
      }
    })().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await loop).toBeInstanceOf(AbortError);
    expect(script.count("POST", "/events/listener-1/unregister")).toBe(1);
    expect(script.count("POST", "/events/listener-1/fetch")).toBe(2);
  });

  it("unregisters when a fetch fails for good, and rethrows", async () => {
    const { script } = eventSource({ "POST /events/listener-1/fetch": [new Response("<html>Bad gateway</html>", { status: 502 })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, maxRetries: 0 });
    const loop = (async () => {
      for await (const _event of client.events()) {
        /* nothing arrives */
      }
    })().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await loop).toBeInstanceOf(ServiceUnavailableError);
    expect(script.count("POST", "/events/listener-1/unregister")).toBe(1);
  });

  it("registers a new listener when the old one expired", async () => {
    const gone = overkizError(400, "UNSPECIFIED_ERROR", "Invalid event listener id : listener-1");
    const script = scriptedFetch({
      "POST /events/register": [json(200, { id: "listener-1" }), json(200, { id: "listener-2" })],
      "POST /events/listener-1/fetch": [json(200, [gatewayEvent(1)]), gone],
      "POST /events/listener-2/fetch": [json(200, [gatewayEvent(2)])],
      "POST /events/listener-2/unregister": [json(200, [])],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const seen = await collect(client.events(), (events) => events.length === 2);
    expect(seen).toEqual([1, 2]);
    expect(script.count("POST", "/events/listener-2/unregister")).toBe(1);
  });

  it("backs off on 'too many concurrent requests' and logs in again once on 'Not authenticated'", async () => {
    const script = scriptedFetch({
      "POST /login": [loginOk("FIRST"), loginOk("SECOND")],
      "POST /events/register": [json(200, { id: "listener-1" })],
      "POST /events/listener-1/fetch": [
        overkizError(400, "RESOURCE_ACCESS_DENIED", "too many concurrent requests"),
        overkizError(401, "RESOURCE_ACCESS_DENIED", "Not authenticated"),
        json(200, [gatewayEvent(1)]),
      ],
      "POST /events/listener-1/unregister": [json(200, [])],
    });
    const client = new OverkizClient({
      server: TEST_SERVER,
      credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
      fetch: script.fetch,
      random: () => 1,
    });
    expect(await collect(client.events(), () => true)).toEqual([1]);
    expect(script.requests.map((r) => `${r.path} ${r.headers.get("cookie") ?? ""}`)).toEqual([
      "/login ",
      "/events/register JSESSIONID=FIRST",
      "/events/listener-1/fetch JSESSIONID=FIRST",
      "/events/listener-1/fetch JSESSIONID=FIRST",
      "/login ",
      "/events/listener-1/fetch JSESSIONID=SECOND",
      // New credentials: a fresh listener would be registered on the next poll; the loop ended first.
      "/events/listener-1/unregister JSESSIONID=SECOND",
    ]);
  });

  it("allows one loop per client and refuses a bad interval", async () => {
    const { script } = eventSource();
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const first = client.events();
    await first.next();
    await expect(client.events().next()).rejects.toThrow(ConfigError);
    await first.return(undefined);
    await expect(client.events({ intervalMs: 0 }).next()).rejects.toThrow(ValidationError);
    await expect(client.events({ intervalMs: Number.NaN }).next()).rejects.toThrow(ValidationError);
  });
});
