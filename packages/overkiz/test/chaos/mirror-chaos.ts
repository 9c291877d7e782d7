/**
 * One seeded chaos run of the state mirror against the simulated cloud: devices move at random,
 * faults strike requests, listeners and sessions expire, the gateway reboots, bursts arrive, and
 * meanwhile the application executes actions and signs in again. Then the faults stop and the run
 * waits for the mirror to converge. The report counts what the simulator lost and what the mirror
 * did about it. It only uses the public API, so it can run against any build of the client.
 *
 * The seed fixes the draws (fault schedule, device moves, app calls); the interleaving with real
 * sockets and timers still varies a little between two runs of one seed.
 */
import { SdkError } from "@openapp/core";
import { seededRandom } from "@openapp/testing";
import { API_BASE, type FaultRates, SimulatedCloud, deviceUrl } from "./simulated-cloud.js";

/** The parts of a state mirror the run uses. */
interface ChaosMirror {
  start(): Promise<void>;
  stop(): Promise<void>;
  on(listener: (change: { type: string }) => void): () => void;
  changes(): AsyncIterableIterator<unknown>;
  value(deviceURL: string, name: "core:ClosureState"): unknown;
  readonly runningExecutions: { execId: string }[];
  readonly recentExecutions: { execId: string; state: string }[];
}

/** The parts of a client the run uses. */
export interface ChaosClient {
  createStateMirror(params: { intervalMs: number; maxBufferedChanges: number; recentExecutions: number }): ChaosMirror;
  executeActionGroup(actions: { deviceURL: string; commands: { name: string; parameters: unknown[] }[] }[], params: { label: string }): Promise<string>;
  login(): Promise<void>;
  close(): Promise<void>;
  readonly eventListenerId: string | undefined;
}

export type ChaosClientFactory = (options: Record<string, unknown>) => ChaosClient;

export interface ChaosSettings {
  /** How long devices move and faults strike, in ms. */
  durationMs: number;
  /** How long the quiet end may take to converge, in ms. */
  settleMs: number;
  devices: number;
  faults: FaultRates;
}

const CHAOS_DEFAULTS: ChaosSettings = {
  durationMs: 2_500,
  settleMs: 8_000,
  devices: 8,
  faults: { unavailableBefore: 0.03, unavailableAfter: 0.02, dropBefore: 0.02, dropAfter: 0.02, slow: 0.02 },
};

const MAX_BUFFERED = 50;
const RECENT = 20;
const CLIENT_TIMEOUT_MS = 250;

export interface ChaosReport {
  seed: number;
  /** Losses the simulator counted (events gone undelivered, changes without events). */
  losses: number;
  /** Losses no later setup read and `resynced` followed. */
  lossesWithoutResync: number;
  /** How each of those happened. */
  unresyncedLosses: string[];
  resyncs: number;
  /** Devices whose mirrored closure differs from the truth at the end. */
  wrongStates: number;
  /** Executions the mirror still shows running at the end though none runs. */
  stuckExecutions: number;
  /** Finished executions with a known outcome other than the real one. */
  wrongOutcomes: number;
  /** Finished executions the mirror reports as UNKNOWN. */
  unknownOutcomes: number;
  /** Executions that ran more often than the application asked. */
  resentActions: number;
  appCalls: number;
  appFailures: number;
  /** Errors that reached the application without being an SdkError. */
  untypedErrors: number;
  /** Changes a consumer that never pulled still had buffered after stop. */
  bufferedForIdleConsumer: number;
  /** Whether the mirror's last listener was unregistered by stop(). */
  listenerUnregistered: boolean;
  /** Requests that reached the simulator after stop() and close() returned. */
  requestsAfterStop: number;
  msToConverge: number;
  counts: SimulatedCloud["counts"];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runMirrorChaos(seed: number, createClient: ChaosClientFactory, settings: ChaosSettings = CHAOS_DEFAULTS): Promise<ChaosReport> {
  const sim = new SimulatedCloud({ seed, devices: settings.devices, faults: settings.faults, slowMs: CLIENT_TIMEOUT_MS * 2, listenerIdleMs: 1_000 });
  await sim.start();
  try {
    return await chaos(sim, seed, createClient, settings);
  } finally {
    await sim.stop();
  }
}

async function chaos(sim: SimulatedCloud, seed: number, createClient: ChaosClientFactory, settings: ChaosSettings): Promise<ChaosReport> {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const client = createClient({
    server: { name: "Simulated cloud", endpoint: `${sim.url}${API_BASE}/`, manufacturer: "Test", apiType: "cloud" },
    credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
    timeout: CLIENT_TIMEOUT_MS,
    random: seededRandom(seed ^ 0x5eed).next,
    logger: quiet,
  });
  const mirror = client.createStateMirror({ intervalMs: 10, maxBufferedChanges: MAX_BUFFERED, recentExecutions: RECENT });
  // Each resync remembers the newest setup read before it: it covers the losses before that read.
  const resyncedAfter: number[] = [];
  mirror.on((change) => {
    if (change.type === "resynced") resyncedAfter.push(sim.setupReads.at(-1) ?? 0);
  });
  const idleConsumer = mirror.changes();
  const app = { calls: 0, failures: 0, untyped: 0, pending: new Set<Promise<unknown>>() };
  const track = (promise: Promise<unknown>) => {
    const settled = promise.then(
      () => undefined,
      (error: unknown) => {
        app.failures += 1;
        if (!(error instanceof SdkError)) app.untyped += 1;
      },
    );
    app.pending.add(settled);
    void settled.finally(() => app.pending.delete(settled));
  };

  for (;;) {
    try {
      await mirror.start();
      break;
    } catch (error) {
      if (!(error instanceof SdkError)) app.untyped += 1;
      await sleep(20);
    }
  }

  const random = sim.random;
  const started = Date.now();
  // Each forced fault fires at its time or, when it could not take effect then (no listener to
  // expire, the gateway already down), at the next tick it can.
  const forced = new Map<number, () => boolean>([
    [Math.floor(settings.durationMs * 0.2), () => {
      sim.burst(200);
      return true;
    }],
    [Math.floor(settings.durationMs * 0.35), () => sim.reboot(50)],
    [Math.floor(settings.durationMs * 0.5), () => sim.expireSessions()],
    [Math.floor(settings.durationMs * 0.65), () => sim.expireListener()],
  ]);
  while (Date.now() - started < settings.durationMs) {
    const elapsed = Date.now() - started;
    for (const [at, fault] of forced) {
      if (elapsed >= at && fault()) forced.delete(at);
    }
    if (random() < 0.6) sim.randomChange();
    if (random() < 0.01) sim.burst(50 + Math.floor(random() * 200));
    if (random() < 0.006) sim.expireListener();
    if (random() < 0.002) sim.expireSessions();
    if (random() < 0.002) sim.reboot(30 + random() * 60);
    if (random() < 0.12) {
      app.calls += 1;
      const deviceURL = deviceUrl(Math.floor(random() * settings.devices));
      track(client.executeActionGroup([{ deviceURL, commands: [{ name: "setClosure", parameters: [Math.floor(random() * 101)] }] }], { label: `chaos ${seed} #${app.calls}` }));
    }
    if (random() < 0.03) track(client.login());
    sim.expireIdleListeners(Date.now());
    await sleep(5);
  }

  sim.calm();
  await Promise.all([...app.pending]);
  const calmAt = Date.now();
  const covered = (lossSeq: number) => resyncedAfter.some((setupRead) => setupRead > lossSeq);
  const wrongStates = () => [...sim.closures].filter(([url, closure]) => Number(mirror.value(url, "core:ClosureState")) !== closure).length;
  const settled = () => wrongStates() === 0 && sim.runningExecutions.length === 0 && mirror.runningExecutions.length === 0 && sim.losses.every((loss) => covered(loss.seq));
  while (!settled() && Date.now() - calmAt < settings.settleMs) await sleep(20);
  const msToConverge = Date.now() - calmAt;

  const outcomes = mirror.recentExecutions.map((execution) => ({ mirrored: execution.state, real: sim.executions.get(execution.execId)?.state }));
  const labels = new Map<string, number>();
  for (const label of sim.executedLabels) labels.set(label, (labels.get(label) ?? 0) + 1);
  const report = {
    seed,
    losses: sim.losses.length,
    lossesWithoutResync: sim.losses.filter((loss) => !covered(loss.seq)).length,
    unresyncedLosses: sim.losses.filter((loss) => !covered(loss.seq)).map((loss) => loss.how),
    resyncs: resyncedAfter.length,
    wrongStates: wrongStates(),
    stuckExecutions: mirror.runningExecutions.filter((execution) => sim.executions.get(execution.execId)?.state !== "IN_PROGRESS").length,
    wrongOutcomes: outcomes.filter(({ mirrored, real }) => mirrored !== "UNKNOWN" && mirrored !== real).length,
    unknownOutcomes: outcomes.filter(({ mirrored }) => mirrored === "UNKNOWN").length,
    resentActions: [...labels.values()].filter((count) => count > 1).length,
    appCalls: app.calls,
    appFailures: app.failures,
    untypedErrors: app.untyped,
  };

  const lastListener = client.eventListenerId;
  await mirror.stop();
  await client.close();
  const requestsAtStop = sim.counts.requests;
  await sleep(50);
  let bufferedForIdleConsumer = 0;
  for await (const _change of idleConsumer) bufferedForIdleConsumer += 1;
  return {
    ...report,
    bufferedForIdleConsumer,
    listenerUnregistered: lastListener !== undefined && (sim.unregistered.get(lastListener) ?? 0) > 0,
    requestsAfterStop: sim.counts.requests - requestsAtStop,
    msToConverge,
    counts: { ...sim.counts },
  };
}
