/**
 * The state mirror as it lives: seeded chaos against a simulated Overkiz cloud (see
 * `simulated-cloud.ts`). CI runs a few seeds; `OVERKIZ_CHAOS_SEED=<n>` reproduces one and
 * `OVERKIZ_CHAOS_SEEDS=<count>` runs many. Every run prints its seed and report.
 */
import { describe, expect, it } from "vitest";
import { OverkizClient } from "../../src/index.js";
import { type ChaosClient, chaosSeeds, runMirrorChaos } from "./mirror-chaos.js";

const seeds = chaosSeeds([11, 23, 42]);

/** Active handles (sockets, timers, servers) by kind. */
function handles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

describe("state mirror under chaos", () => {
  it.each(seeds)("seed %i: converges, resyncs after every loss, never resends, never sticks, stops cleanly", async (seed) => {
    const before = handles();
    const report = await runMirrorChaos(seed, (options) => new OverkizClient(options as never) as unknown as ChaosClient);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const left = [...handles()].filter(([kind, count]) => count > (before.get(kind) ?? 0));
    console.info(`overkiz chaos seed=${seed} (reproduce: OVERKIZ_CHAOS_SEED=${seed})`, JSON.stringify(report));
    // The run exercised what it is about.
    expect(report.losses).toBeGreaterThan(0);
    expect(report.counts.reboots + report.counts.sessionExpiries + report.counts.listenerExpiries).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({
      lossesWithoutResync: 0,
      wrongStates: 0,
      stuckExecutions: 0,
      wrongOutcomes: 0,
      resentActions: 0,
      untypedErrors: 0,
      listenerUnregistered: true,
      requestsAfterStop: 0,
    });
    expect(report.resyncs).toBeGreaterThan(0);
    expect(report.bufferedForIdleConsumer).toBeLessThanOrEqual(50);
    // Nothing left behind: no timer, socket or server more than before the run.
    expect(left).toEqual([]);
  }, 60_000);
});
