/**
 * Overkiz runtime pacing against an instant in-memory upstream: the event stream must poll at
 * its configured rate however fast the server answers, and the action queue must send
 * ⌈N / maxActions⌉ executions for N concurrent calls. Observed numbers are printed.
 */
import { OverkizClient, type ServerConfig } from "@openapp/overkiz";
import { bench, describe } from "vitest";

const server: ServerConfig = { name: "In-memory", endpoint: "https://overkiz.bench/enduser-mobile-web/enduserAPI/", manufacturer: "Bench", apiType: "cloud" };
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
const alive = { name: "GatewayAliveEvent", timestamp: 1_763_712_000_000, gatewayId: "0815-4711-2301" };

/** Answers at once and remembers when each event fetch and each execution arrived. */
function instantUpstream() {
  const fetchTimes: number[] = [];
  let executions = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path.endsWith("/events/register")) return json({ id: "bench-listener" });
    if (path.endsWith("/fetch")) {
      fetchTimes.push(performance.now());
      return json([alive]);
    }
    if (path.endsWith("/exec/apply")) return json({ execId: `exec-${++executions}` });
    return json([]);
  };
  return { fetch, fetchTimes, executions: () => executions };
}

async function observedEventRate(intervalMs: number | undefined, windowMs: number): Promise<number> {
  const upstream = instantUpstream();
  const client = new OverkizClient({ server, credentials: { token: "bench-token" }, fetch: upstream.fetch });
  const stop = AbortSignal.timeout(windowMs);
  try {
    for await (const _event of client.events({ signal: stop, intervalMs })) {
      // Consume as fast as possible: the pace must come from the stream, not from the consumer.
    }
  } catch (error) {
    if (!stop.aborted) throw error;
  }
  const times = upstream.fetchTimes;
  const spanSeconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
  return spanSeconds > 0 ? (times.length - 1) / spanSeconds : 0;
}

async function executionsFor(calls: number, maxActions: number): Promise<number> {
  const upstream = instantUpstream();
  const client = new OverkizClient({ server, credentials: { token: "bench-token" }, fetch: upstream.fetch, actionQueue: { delayMs: 10, maxActions } });
  await Promise.all(
    Array.from({ length: calls }, (_, i) => client.executeActionGroup([{ deviceURL: `io://0815-4711-2301/${6_112_000 + i}`, commands: ["close"] }])),
  );
  return upstream.executions();
}

describe("overkiz event stream pacing", () => {
  bench(
    "events() at interval 0.05 s for 1 s",
    async () => {
      const rate = await observedEventRate(50, 1_000);
      console.log(`events(): observed ${rate.toFixed(2)} fetch/s, configured ${(1 / 0.05).toFixed(2)} fetch/s`);
    },
    once,
  );

  bench(
    "events() at the default interval for 3 s",
    async () => {
      const rate = await observedEventRate(undefined, 3_050);
      console.log(`events(): observed ${rate.toFixed(2)} fetch/s, configured 1.00 fetch/s (default)`);
    },
    once,
  );
});

describe("overkiz action queue", () => {
  bench(
    "N concurrent executeActionGroup calls",
    async () => {
      const maxActions = 20;
      for (const calls of [1, 5, 20, 21, 45, 100, 250]) {
        const sent = await executionsFor(calls, maxActions);
        console.log(`action queue: ${calls} calls → ${sent} exec/apply (target ⌈${calls}/${maxActions}⌉ = ${Math.ceil(calls / maxActions)})`);
      }
    },
    once,
  );
});
