/**
 * What a long-lived process sees of the transport's signals (whole façades under load:
 * packages/conformance/test/load.test.ts): a caller's
 * signal shared by every call carries one listener however many calls wait on it and none once
 * they settle, no network signal is shared by more than a handful of requests, nothing piles up
 * over many deadline windows, and nothing is retained per call. The workers run with
 * `--expose-gc` (vitest.config.ts).
 */
import { getEventListeners } from "node:events";
import { settledHeap } from "@openapp/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, type FetchLike, linkSignals, sleep, Transport, watchAbort } from "../src/index.js";

const URL_DEVICE = "https://api.example.test/v1/devices/d1";
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

/** Process warnings emitted while `run` runs (they are emitted on a later tick). */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on("warning", onWarning);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", onWarning);
  }
  return warnings;
}

/** A fetch that holds every request until `answerAll()`, and keeps the signal each was given. */
function heldFetch() {
  const held: { signal: AbortSignal; answer: () => void; fail: (reason: unknown) => void }[] = [];
  const fetch: FetchLike = (_request, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal as AbortSignal;
      held.push({ signal, answer: () => resolve(new Response('{"id":"d1"}', { headers: { "content-type": "application/json" } })), fail: reject });
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  return { fetch, held, answerAll: () => held.forEach((request) => request.answer()) };
}

describe("watchAbort", () => {
  it("puts one listener on a signal however many watch it, and none once they all stopped", () => {
    const controller = new AbortController();
    const unwatches = Array.from({ length: 1000 }, () => watchAbort(controller.signal, () => undefined));
    expect(listeners(controller.signal)).toBe(1);
    for (const unwatch of unwatches) unwatch();
    expect(listeners(controller.signal)).toBe(0);
  });

  it("calls every watcher once on abort, at once when the signal already aborted, and never after unwatching", () => {
    const controller = new AbortController();
    const calls: string[] = [];
    watchAbort(controller.signal, () => calls.push("a"));
    const stopB = watchAbort(controller.signal, () => calls.push("b"));
    const same = () => calls.push("twice");
    watchAbort(controller.signal, same);
    watchAbort(controller.signal, same);
    stopB();
    controller.abort();
    controller.abort();
    expect(calls).toEqual(["a", "twice", "twice"]);
    watchAbort(controller.signal, () => calls.push("late"));
    expect(calls.at(-1)).toBe("late");
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe("linkSignals", () => {
  it("aborts with the reason of the input that aborted, and leaves nothing on the inputs once released", () => {
    const app = new AbortController();
    const call = new AbortController();
    const first = linkSignals([app.signal, call.signal]);
    first.release();
    expect([listeners(app.signal), listeners(call.signal)]).toEqual([0, 0]);
    const second = linkSignals([app.signal, call.signal]);
    call.abort("stop");
    expect(second.signal.reason).toBe("stop");
    expect(listeners(app.signal)).toBe(0);
  });
});

describe("sleep", () => {
  it("leaves no listener on the signal once it slept, and rejects with AbortError when the signal aborts", async () => {
    const controller = new AbortController();
    await sleep(1, controller.signal);
    expect(listeners(controller.signal)).toBe(0);
    const sleeping = sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(AbortError);
  });
});

/** The kit's requests (the signal only in the options) and a caller's own (openapi-fetch: the request may carry one too). */
const ways = [
  ["kit-built requests", (transport: Transport, signal?: AbortSignal) => transport.sendBuilt(new Request(URL_DEVICE), { signal })],
  ["requests of their own", (transport: Transport, signal?: AbortSignal) => transport.send(new Request(URL_DEVICE), { signal })],
] as const;

describe.each(ways)("Transport with a caller signal shared by every call, %s", (_way, send) => {
  it("1,000 concurrent calls: one listener on it while in flight, none after, no warning", async () => {
    const { fetch, held, answerAll } = heldFetch();
    const transport = new Transport({ fetch });
    const shutdown = new AbortController();
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: 1000 }, () => send(transport, shutdown.signal));
      await vi.waitFor(() => expect(held).toHaveLength(1000));
      expect(listeners(shutdown.signal)).toBe(1);
      // Each request has a network signal of its own: whatever fetch hangs on it goes with the request.
      expect(new Set(held.map((request) => request.signal)).size).toBe(1000);
      answerAll();
      await Promise.all(calls);
    });
    expect(listeners(shutdown.signal)).toBe(0);
    expect(warnings).toEqual([]);
  });

  it("aborting it cancels the network side of every call in flight at once", async () => {
    const { fetch, held } = heldFetch();
    const transport = new Transport({ fetch, maxRetries: 0 });
    const shutdown = new AbortController();
    const calls = Array.from({ length: 20 }, () => send(transport, shutdown.signal).catch((error: unknown) => error));
    await vi.waitFor(() => expect(held).toHaveLength(20));
    shutdown.abort();
    expect(held.every((request) => request.signal.aborted)).toBe(true);
    for (const outcome of await Promise.all(calls)) expect(outcome).toBeInstanceOf(AbortError);
    expect(listeners(shutdown.signal)).toBe(0);
  });
});

describe.each(ways)("Transport without a caller signal, %s", (_way, send) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shares no network signal among more than 8 requests, so fetch's listeners never pile up", async () => {
    const { fetch, held, answerAll } = heldFetch();
    const transport = new Transport({ fetch });
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: 1000 }, () => send(transport));
      await vi.waitFor(() => expect(held).toHaveLength(1000));
      const uses = new Map<AbortSignal, number>();
      for (const { signal } of held) uses.set(signal, (uses.get(signal) ?? 0) + 1);
      expect(Math.max(...uses.values())).toBeLessThanOrEqual(8);
      answerAll();
      await Promise.all(calls);
    });
    expect(warnings).toEqual([]);
  });

  it("keeps at most one deadline timer pending over many windows of sequential calls", async () => {
    vi.useFakeTimers();
    const transport = new Transport({ fetch: async () => new Response("{}") });
    const pending: number[] = [];
    for (let call = 0; call < 50; call++) {
      await send(transport);
      pending.push(vi.getTimerCount());
      // Past the 300 ms window of the 30 s default timeout: the next call opens a new window.
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(Math.max(...pending)).toBeLessThanOrEqual(1);
  });
});

describe.each(ways)("Transport memory with a long-lived caller signal, %s", (_way, send) => {
  it("retains nothing per call (AbortSignal.any kept 40-320 bytes a call, by Node version)", async () => {
    const transport = new Transport({ fetch: async () => new Response('{"id":"d1"}') });
    const app = new AbortController();
    const run = async (calls: number) => {
      for (let call = 0; call < calls; call++) await (await send(transport, app.signal)).text();
    };
    await run(2_000);
    const before = await settledHeap();
    const CALLS = 20_000;
    await run(CALLS);
    const growth = (await settledHeap()) - before;
    // 25 bytes a call; combining signals per call on Node 20 grew by ~60.
    expect(growth, `heap grew ${growth} bytes over ${CALLS} calls`).toBeLessThan(CALLS * 25);
  }, 180_000);
});
