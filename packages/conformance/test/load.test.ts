/**
 * Every façade the way a long-lived process uses it: tens of thousands of calls over real
 * loopback sockets, many in flight at once, first without a signal, then all sharing one caller
 * signal (an application's shutdown signal). It fails on any process warning, on a call answered
 * twice or not at all, on heap that grows after GC, on listeners left on the shared signal and on
 * anything still running once the client and the server are closed. The workers run with
 * `--expose-gc` (vitest.config.ts). `LOAD_CALLS` sets the calls of each half (default 10,000).
 */
import { getEventListeners } from "node:events";
import { ScriptedServer, settledHeap } from "@openapp/testing";
import { describe, expect, test } from "vitest";
import type { CallOptions, ConformanceAdapter } from "../src/adapter.js";
import { adapters } from "../src/adapters/index.js";

const CALLS = Number(process.env.LOAD_CALLS ?? 10_000);
const WARM_UP_CALLS = 2_000;
const IN_FLIGHT = 100;
/** Every tenth call is the state-changing action, the rest the main read. */
const ACTION_EVERY = 10;
/**
 * Heap growth allowed over both halves, after GC: ~100 bytes a call at the default count, far less
 * than a request, an answer or a listener kept per call. Plain fetch over the same sockets drifts by
 * up to ~40 bytes a call here (undici and JIT state); the bytes-per-call bound on the transport
 * alone, without sockets, is in core (signals.test.ts).
 */
const HEAP_BOUND_BYTES = 2 * 1024 * 1024;
const CALL_HEADER = "x-load-call";

function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** What is active now beyond `baseline`, e.g. `["TCPSocketWrap +2"]`. */
function leftOver(baseline: Map<string, number>): string[] {
  const extra: string[] = [];
  for (const [kind, count] of resourceCounts()) {
    const more = count - (baseline.get(kind) ?? 0);
    if (more > 0) extra.push(`${kind} +${more}`);
  }
  return extra;
}

/** Sockets close a few ticks after the server drops them; waits (bounded) until nothing is left. */
async function settledLeftOver(baseline: Map<string, number>): Promise<string[]> {
  for (let tries = 0; tries < 200 && leftOver(baseline).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  return leftOver(baseline);
}

/** A server whose read and action count every call by the id the call sends in a header. */
async function countingServer(adapter: ConformanceAdapter, total: number): Promise<{ server: ScriptedServer; answered: Uint8Array }> {
  const server = await ScriptedServer.start({ record: false });
  const answered = new Uint8Array(total);
  adapter.prepare?.(server);
  for (const operation of [adapter.networkRead ?? adapter.read, adapter.action]) {
    server.on(operation.method, operation.path, (request) => {
      const id = Number(request.headers[CALL_HEADER]);
      if (Number.isInteger(id) && id >= 0 && id < total) answered[id] = Math.min(255, (answered[id] as number) + 1);
      return operation.success;
    });
  }
  return { server, answered };
}

interface Run {
  from: number;
  to: number;
  signal?: AbortSignal;
  /** Called while calls are in flight, after each one starts. */
  probe?: () => void;
}

/** Calls `from`…`to - 1`, IN_FLIGHT at a time; each settles once with a verified result or the run fails. */
async function drive(adapter: ConformanceAdapter, client: object, { from, to, signal, probe }: Run): Promise<void> {
  let next = from;
  const lane = async () => {
    while (next < to) {
      const id = next++;
      const operation = id % ACTION_EVERY === 0 ? adapter.action : (adapter.networkRead ?? adapter.read);
      const options: CallOptions = { headers: { [CALL_HEADER]: String(id) }, ...(signal ? { signal } : {}) };
      const call = operation.invoke(client, options);
      probe?.();
      const result = await call;
      operation.verify?.(result);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))("%s under load", (_name, adapter) => {
  test(`${2 * CALLS} calls, ${IN_FLIGHT} in flight, then all sharing one signal: no warning, each answered once, flat heap, nothing left`, { timeout: 300_000 }, async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const baseline = resourceCounts();
    const total = WARM_UP_CALLS + 2 * CALLS;
    const { server, answered } = await countingServer(adapter, total);
    const shutdown = new AbortController();
    let listenersOnShared = 0;
    try {
      const client = adapter.createClient(server);
      await drive(adapter, client, { from: 0, to: WARM_UP_CALLS });
      const heapBefore = await settledHeap();

      await drive(adapter, client, { from: WARM_UP_CALLS, to: WARM_UP_CALLS + CALLS });
      await drive(adapter, client, {
        from: WARM_UP_CALLS + CALLS,
        to: total,
        signal: shutdown.signal,
        probe: () => {
          listenersOnShared = Math.max(listenersOnShared, getEventListeners(shutdown.signal, "abort").length);
        },
      });
      const growth = (await settledHeap()) - heapBefore;

      expect(listenersOnShared, "abort listeners on the shared signal while calls were in flight").toBeLessThanOrEqual(1);
      expect(getEventListeners(shutdown.signal, "abort"), "abort listeners left on the shared signal").toHaveLength(0);
      const notOnce = [...answered.keys()].filter((id) => answered[id] !== 1);
      expect(notOnce.slice(0, 10), `${notOnce.length} calls not answered exactly once`).toEqual([]);
      expect(growth, `heap grew ${growth} bytes over ${2 * CALLS} calls`).toBeLessThan(HEAP_BOUND_BYTES);
      await adapter.close?.(client);
    } finally {
      await server.close();
      process.off("warning", onWarning);
    }
    expect(await settledLeftOver(baseline), "resources left after close()").toEqual([]);
    expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  });
});
