import { AbortError, BoundedBuffer, type RequestOptions, ValidationError, sleep, watchAbort } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import type { Device } from "../models/device.js";
import { ExecutionState } from "../models/enums.js";
import { type FailureEvent, type OverkizEvent, parseEvents } from "../models/events.js";
import type { Execution } from "../models/execution.js";
import type { StateName } from "../models/names.js";
import type { State, StateValue } from "../models/state.js";
import type { Setup } from "../models/setup.js";
import { DevicesResource } from "../resources/devices.js";
import { ExecutionsResource } from "../resources/executions.js";
import { SetupResource } from "../resources/setup.js";
import { checkedParams } from "../resources/shared.js";

/** Options of `createStateMirror()`. */
export interface StateMirrorParams {
  /** Milliseconds between the starts of two event fetches (default 1000). */
  intervalMs?: number | undefined;
  /** Changes one `changes()` iterator buffers for a slow consumer before dropping the oldest, with one warning (default 1000). */
  maxBufferedChanges?: number | undefined;
  /**
   * Finished executions kept with their outcome (default 100). Running executions are capped at
   * ten times this; beyond, the oldest is reported finished with an `UNKNOWN` outcome.
   */
  recentExecutions?: number | undefined;
}

/** What the mirror tracks of an execution: its latest state and, once final, its outcome. */
export interface MirroredExecution {
  /** Id of the execution, as returned when it was applied. */
  execId: string;
  /**
   * Latest state the events reported, or `/exec/current` after a resync. `UNKNOWN` (with `final`)
   * when the execution ended while events were lost and its outcome could not be read.
   */
  state: ExecutionState;
  /** Label the execution was registered with, when known. */
  label?: string | undefined;
  /** Devices the execution acts on; empty when the mirror did not see it registered. */
  deviceURLs: string[];
  /** Set once the execution reached its final state. */
  final: boolean;
  /** Failure type name the events reported, e.g. `CMDCANCELLED`, when there is one. */
  failureType?: string | undefined;
}

/** One change a {@link StateMirror} applied, by `type`. */
export type MirrorChange =
  | {
      /** Some states of one device changed. */
      type: "states";
      /** The device whose states changed. */
      deviceURL: string;
      /** The states whose value changed, with their new values. */
      states: State[];
    }
  | {
      /** A device was added to the setup. */
      type: "deviceAdded";
      /** The new device. */
      device: Device;
    }
  | {
      /** A device was updated. */
      type: "deviceUpdated";
      /** The device as it is now. */
      device: Device;
    }
  | {
      /** A device was removed from the setup. */
      type: "deviceRemoved";
      /** The device that was removed. */
      deviceURL: string;
    }
  | {
      /** A device became available or unavailable. */
      type: "deviceAvailability";
      /** The device concerned. */
      deviceURL: string;
      /** Whether the device is available now. */
      available: boolean;
    }
  | {
      /** A gateway went down or came back. */
      type: "gateway";
      /** The gateway concerned. */
      gatewayId: string;
      /** Whether the gateway is alive now. */
      alive: boolean;
    }
  | {
      /** An execution was registered or changed state. */
      type: "execution";
      /** The execution as the mirror now knows it. */
      execution: MirroredExecution;
    }
  | {
      /** A `…FailedEvent` arrived. */
      type: "failure";
      /** The failure event as received. */
      event: FailureEvent;
    }
  /**
   * The setup and the running executions were read again, after every difference they showed was
   * reported; `reason` says why (listener expired or not drained, fetch failed, gateway rebooted, …).
   */
  | {
      /** The setup and the running executions were read again. */
      type: "resynced";
      /** Why: listener expired or not drained, fetch failed, gateway rebooted, unknown device, … */
      reason: string;
    };

/** Final states of an execution. */
const FINAL_STATES: ReadonlySet<ExecutionState> = new Set([ExecutionState.COMPLETED, ExecutionState.FAILED]);

/** What the mirror tracks of an execution `/exec/current` lists. */
function mirroredFrom(execution: Execution): MirroredExecution {
  const actions = execution.actionGroup?.actions ?? [];
  return {
    execId: execution.id,
    state: execution.state,
    label: execution.actionGroup?.label,
    deviceURLs: actions.map((action) => action.deviceURL).filter((url): url is string => typeof url === "string"),
    final: FINAL_STATES.has(execution.state),
  };
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const positive = (value: number | undefined, fallback: number, name: string): number => {
  const resolved = value ?? fallback;
  if (typeof resolved !== "number" || !Number.isFinite(resolved) || resolved <= 0) throw new ValidationError(`${name} must be a positive number, got ${String(resolved)}`);
  return resolved;
};

/**
 * One object that loads the setup, follows the event listener and keeps every device's states
 * current: state changes, devices added, updated and removed, availability, gateways down and up,
 * executions and their outcome. After every possible loss of events (an expired listener, a
 * replaced listener that could not be drained, a listener dropped undrained, a failed fetch, a
 * gateway reboot) it reads the setup and the running executions again, reports every difference
 * and emits `resynced`; an execution that ended meanwhile gets its real state, or `UNKNOWN`, never
 * stays running. Read any state synchronously (`mirror.value(url, name)`),
 * subscribe with `mirror.on(fn)` or `for await (const change of mirror.changes())`. Memory is
 * bounded: the devices of the setup, a capped list of finished executions, capped change buffers.
 */
export class StateMirror {
  readonly #ctx: OverkizContext;
  /** What the mirror reads through: the client's own resources, on its context. */
  readonly #resources: { setup: SetupResource; executions: ExecutionsResource; devices: DevicesResource };
  readonly #intervalMs: number;
  readonly #maxBuffered: number;
  readonly #maxRecent: number;
  readonly #devices = new Map<string, Device>();
  readonly #unavailable = new Set<string>();
  readonly #gateways = new Map<string, boolean>();
  readonly #running = new Map<string, MirroredExecution>();
  readonly #recent: MirroredExecution[] = [];
  readonly #listeners = new Set<(change: MirrorChange) => void>();
  readonly #iterators = new Set<{ push(change: MirrorChange): void; end(): void }>();
  #abort: AbortController | undefined;
  /** Stops watching the signal given to `start()` (one listener however many share it, none after `stop()`). */
  #unwatchStart: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  #losses = 0;
  #resyncs = 0;
  #invalid: unknown;

  /** Bad parameters are reported by `start()` (a rejected promise), never thrown here. */
  constructor(ctx: OverkizContext, params?: StateMirrorParams) {
    this.#ctx = ctx;
    this.#resources = { setup: new SetupResource(ctx), executions: new ExecutionsResource(ctx), devices: new DevicesResource(ctx) };
    let settings = { intervalMs: 1_000, maxBuffered: 1_000, maxRecent: 100 };
    try {
      const { intervalMs, maxBufferedChanges, recentExecutions } = checkedParams(params, "stateMirror", ["intervalMs", "maxBufferedChanges", "recentExecutions"]);
      settings = {
        intervalMs: positive(intervalMs, 1_000, "intervalMs"),
        maxBuffered: positive(maxBufferedChanges, 1_000, "maxBufferedChanges"),
        maxRecent: positive(recentExecutions, 100, "recentExecutions"),
      };
    } catch (error) {
      this.#invalid = error;
    }
    this.#intervalMs = settings.intervalMs;
    this.#maxBuffered = settings.maxBuffered;
    this.#maxRecent = settings.maxRecent;
  }

  /** Loads the setup and starts following events; resolves once the setup is loaded. */
  async start(options?: Pick<RequestOptions, "signal">): Promise<void> {
    if (this.#invalid !== undefined) throw this.#invalid;
    if (this.#abort) throw new Error("the state mirror is already running");
    if (this.#ctx.listener.streaming) throw new Error("events() is already running on this client; one loop owns the event listener");
    const abort = new AbortController();
    this.#abort = abort;
    if (options?.signal && !options.signal.aborted) this.#unwatchStart = watchAbort(options.signal, () => void this.stop());
    this.#ctx.listener.streaming = true;
    try {
      // Registered before the setup is read, so nothing between the two is missed.
      await this.#ctx.listener.register(this.#ctx.kit.calls, { signal: abort.signal });
      this.#losses = this.#ctx.listener.losses;
      await this.#load({ signal: abort.signal });
    } catch (error) {
      this.#ctx.listener.streaming = false;
      this.#abort = undefined;
      this.#unwatchStart?.();
      this.#unwatchStart = undefined;
      throw error;
    }
    this.#loop = this.#follow(abort.signal);
  }

  /** Stops following events, unregisters the listener and ends every `changes()` iterator. */
  async stop(): Promise<void> {
    const abort = this.#abort;
    if (!abort) return;
    this.#unwatchStart?.();
    this.#unwatchStart = undefined;
    abort.abort();
    await this.#loop?.catch(() => undefined);
    this.#abort = undefined;
    this.#loop = undefined;
    this.#ctx.listener.streaming = false;
    await this.#ctx.listener.unregister(this.#ctx.kit.calls).catch((error: unknown) => {
      this.#ctx.logger.warn("state mirror: could not unregister the event listener", { reason: error instanceof Error ? error.message : String(error) });
    });
    for (const iterator of this.#iterators) iterator.end();
    this.#iterators.clear();
  }

  /** Whether the mirror is started and following events. */
  get running(): boolean {
    return this.#abort !== undefined;
  }

  /** How many times the setup was read again after a gap. */
  get resyncCount(): number {
    return this.#resyncs;
  }

  /** Every mirrored device, as last known. */
  get devices(): Device[] {
    return [...this.#devices.values()];
  }

  /** The mirrored device with this URL, or undefined. */
  device(deviceURL: string): Device | undefined {
    return this.#devices.get(deviceURL);
  }

  /** The current state, synchronously. */
  state(deviceURL: string, name: StateName): State | undefined {
    return this.#devices.get(deviceURL)?.states.get(name);
  }

  /** The current value of a state, synchronously (undefined when the device or state is unknown). */
  value(deviceURL: string, name: StateName): StateValue | undefined {
    return this.state(deviceURL, name)?.value;
  }

  /** False after a DeviceUnavailableEvent, true again after DeviceAvailableEvent. */
  isAvailable(deviceURL: string): boolean | undefined {
    const device = this.#devices.get(deviceURL);
    if (!device) return undefined;
    return this.#unavailable.has(deviceURL) ? false : device.available;
  }

  /** False while the gateway is down (GatewayDownEvent until GatewayAliveEvent/GatewayBootEvent). */
  isGatewayAlive(gatewayId: string): boolean | undefined {
    return this.#gateways.get(gatewayId);
  }

  /** Executions not finished yet. */
  get runningExecutions(): MirroredExecution[] {
    return [...this.#running.values()];
  }

  /** The last finished executions, oldest first (bounded by `recentExecutions`). */
  get recentExecutions(): MirroredExecution[] {
    return [...this.#recent];
  }

  /** Calls `listener` for every change; returns the unsubscribe function. */
  on(listener: (change: MirrorChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every change from now on, until `stop()` or the signal; a slow consumer loses the oldest beyond the buffer. */
  changes(params?: { signal?: AbortSignal | undefined }): AsyncIterableIterator<MirrorChange> {
    const logger = this.#ctx.logger;
    // One warning per backlog, not one per dropped change.
    const buffer = new BoundedBuffer<MirrorChange>(this.#maxBuffered, (max) =>
      logger.warn(`state mirror: a changes() consumer is ${max} changes behind; dropping the oldest until it catches up`),
    );
    let waiting: ((result: IteratorResult<MirrorChange>) => void) | undefined;
    let ended = false;
    let unwatch: (() => void) | undefined;
    const iterators = this.#iterators;
    const entry = {
      push(change: MirrorChange) {
        if (!waiting) return buffer.push(change);
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: change, done: false });
      },
      end() {
        ended = true;
        iterators.delete(entry);
        unwatch?.();
        waiting?.({ value: undefined, done: true });
        waiting = undefined;
      },
    };
    iterators.add(entry);
    if (params?.signal) unwatch = watchAbort(params.signal, entry.end);
    return {
      next(): Promise<IteratorResult<MirrorChange>> {
        const next = buffer.shift();
        if (next !== undefined) return Promise.resolve({ value: next, done: false });
        if (ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return(): Promise<IteratorResult<MirrorChange>> {
        entry.end();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  #emit(change: MirrorChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#ctx.logger.warn("state mirror: a change listener threw", { reason: error instanceof Error ? error.message : String(error) });
      }
    }
    for (const iterator of this.#iterators) iterator.push(change);
  }

  /** The setup (read again, and cached for the client) and the running executions, both read before anything is applied. */
  async #read(options: RequestOptions): Promise<{ setup: Setup; executions: Execution[] }> {
    const setup = await this.#resources.setup.getSetup({ refresh: true }, options);
    return { setup, executions: await this.#resources.executions.getCurrentExecutions(options) };
  }

  async #load(options: RequestOptions): Promise<void> {
    const { setup, executions } = await this.#read(options);
    this.#replaceDevices(setup);
    this.#running.clear();
    for (const execution of executions) if (!FINAL_STATES.has(execution.state)) this.#running.set(execution.id, mirroredFrom(execution));
  }

  #replaceDevices(setup: Setup): void {
    this.#devices.clear();
    this.#unavailable.clear();
    this.#gateways.clear();
    for (const device of setup.devices) this.#devices.set(device.deviceURL, device);
    for (const gateway of setup.gateways) this.#gateways.set(gateway.gatewayId, gateway.alive ?? true);
  }

  /** Reads the setup and the running executions again and reports what differs from what the mirror held. */
  async #resync(reason: string, options: RequestOptions): Promise<void> {
    this.#ctx.logger.info("state mirror: reading the setup and the running executions again", { reason });
    const { setup, executions } = await this.#read(options);
    const before = new Map(this.#devices);
    const availableBefore = new Map([...before.keys()].map((url) => [url, this.isAvailable(url)]));
    const gatewaysBefore = new Map(this.#gateways);
    this.#replaceDevices(setup);
    this.#resyncs += 1;
    for (const [url, device] of this.#devices) {
      const old = before.get(url);
      if (!old) {
        this.#emit({ type: "deviceAdded", device });
        continue;
      }
      if (old.label !== device.label || !sameValue(old.definition, device.definition)) this.#emit({ type: "deviceUpdated", device });
      const changed = device.states.toArray().filter((state) => !sameValue(old.states.get(state.name)?.value, state.value));
      if (changed.length > 0) this.#emit({ type: "states", deviceURL: url, states: changed });
      const available = this.isAvailable(url) as boolean;
      if (availableBefore.get(url) !== available) this.#emit({ type: "deviceAvailability", deviceURL: url, available });
    }
    for (const url of before.keys()) if (!this.#devices.has(url)) this.#emit({ type: "deviceRemoved", deviceURL: url });
    for (const [gatewayId, alive] of this.#gateways) {
      if (gatewaysBefore.has(gatewayId) && gatewaysBefore.get(gatewayId) !== alive) this.#emit({ type: "gateway", gatewayId, alive });
    }
    this.#reconcileExecutions(executions);
    this.#emit({ type: "resynced", reason });
  }

  /**
   * Running executions `/exec/current` no longer lists ended while events were lost: their final
   * event may still come (it then replaces `UNKNOWN`), else `UNKNOWN` is their outcome. Those it
   * lists that the mirror missed are tracked from here.
   */
  #reconcileExecutions(current: Execution[]): void {
    const listed = new Map(current.map((execution) => [execution.id, execution]));
    for (const known of [...this.#running.values()]) {
      const now = listed.get(known.execId);
      if (!now) this.#track({ ...known, state: ExecutionState.UNKNOWN, final: true });
      else if (now.state !== known.state) this.#track({ ...known, state: now.state, final: FINAL_STATES.has(now.state) });
    }
    for (const execution of listed.values()) {
      if (!this.#running.has(execution.id) && !this.#finished(execution.id)) this.#track(mirroredFrom(execution));
    }
  }

  #finished(execId: string): MirroredExecution | undefined {
    return this.#recent.find((execution) => execution.execId === execId);
  }

  /**
   * Fetches, applies, and after a possible loss reads everything again — once the events already
   * waiting were applied, so the snapshot is the newest thing the mirror holds.
   */
  async #follow(signal: AbortSignal): Promise<void> {
    const options: RequestOptions = { signal };
    let failures = 0;
    let pendingResync: string | undefined;
    let nextFetchAt = this.#ctx.now();
    while (!signal.aborted) {
      try {
        const wait = nextFetchAt - this.#ctx.now();
        if (wait > 0) await sleep(wait, signal);
        nextFetchAt = this.#ctx.now() + this.#intervalMs;
        const raw = await this.#ctx.listener.fetch(this.#ctx.kit.calls, options);
        pendingResync ??= this.#listenerLoss();
        for (const event of parseEvents(raw, this.#ctx.logger)) {
          const reason = await this.#apply(event, options);
          if (reason) pendingResync ??= reason;
        }
        if (pendingResync) {
          await this.#resync(pendingResync, options);
          pendingResync = undefined;
        }
        failures = 0;
      } catch (error) {
        if (signal.aborted || error instanceof AbortError) return;
        // A loss inside the failed call (an undrained replaced listener) keeps its own reason.
        pendingResync ??= this.#listenerLoss() ?? "event fetch failed";
        failures += 1;
        const delay = Math.min(this.#intervalMs * 2 ** (failures - 1), 60_000);
        this.#ctx.logger.warn("state mirror: event fetch failed; will read the setup again", {
          reason: error instanceof Error ? error.message : String(error),
          retryInMs: delay,
        });
        await sleep(delay, signal).catch(() => undefined);
      }
    }
  }

  /** The reason of a loss the listener counted since the mirror last looked, if any. */
  #listenerLoss(): string | undefined {
    const { losses, lastLoss } = this.#ctx.listener;
    if (losses === this.#losses) return undefined;
    this.#losses = losses;
    return lastLoss ?? "event listener lost";
  }

  /** Applies one event; returns a reason to resync when the event cannot be applied faithfully. */
  async #apply(event: OverkizEvent, options: RequestOptions): Promise<string | undefined> {
    switch (event.kind) {
      case "deviceStateChanged": {
        const device = this.#devices.get(event.deviceURL);
        if (!device) return `state change for unknown device ${event.deviceURL}`;
        const changed = device.applyStateChange(event);
        if (changed.length > 0) this.#emit({ type: "states", deviceURL: device.deviceURL, states: changed });
        return undefined;
      }
      case "device":
        return this.#applyDeviceEvent(event.name, event.deviceURL, options);
      case "gateway":
        return this.#applyGatewayEvent(event.name, event.gatewayId);
      case "executionRegistered": {
        const execution: MirroredExecution = {
          execId: event.execId,
          state: ExecutionState.INITIALIZED,
          label: event.label,
          deviceURLs: (event.actions ?? []).map((action) => action.deviceURL).filter((url): url is string => typeof url === "string"),
          final: false,
        };
        this.#track(execution);
        return undefined;
      }
      case "executionStateChanged": {
        const finished = this.#running.has(event.execId) ? undefined : this.#finished(event.execId);
        // An ended execution only takes the final event that tells its outcome, in place of UNKNOWN.
        if (finished && !(finished.state === ExecutionState.UNKNOWN && event.isFinal)) return undefined;
        const known = this.#running.get(event.execId) ?? finished ?? { execId: event.execId, state: event.newState, deviceURLs: [], final: false };
        const failureType = (event.raw as { failureType?: unknown }).failureType;
        this.#track({ ...known, state: event.newState, final: event.isFinal, failureType: typeof failureType === "string" ? failureType : known.failureType });
        return undefined;
      }
      case "failure":
        this.#emit({ type: "failure", event });
        return undefined;
      default:
        return undefined;
    }
  }

  #track(execution: MirroredExecution): void {
    if (execution.final) {
      this.#running.delete(execution.execId);
      const index = this.#recent.findIndex((recent) => recent.execId === execution.execId);
      if (index >= 0) this.#recent.splice(index, 1);
      this.#recent.push(execution);
      if (this.#recent.length > this.#maxRecent) this.#recent.splice(0, this.#recent.length - this.#maxRecent);
    } else {
      this.#running.set(execution.execId, execution);
    }
    this.#emit({ type: "execution", execution });
    // Bounded: beyond the cap the oldest running execution is reported with an unknown outcome.
    const oldest = this.#running.size > this.#maxRecent * 10 ? this.#running.values().next().value : undefined;
    if (oldest) this.#track({ ...oldest, state: ExecutionState.UNKNOWN, final: true });
  }

  /**
   * Down and alive change the gateway's flag. A reboot, or a gateway back after being down, may
   * have ended executions and changed states without events: a reason to read everything again.
   */
  #applyGatewayEvent(name: string, gatewayId: string): string | undefined {
    const wasDown = this.#gateways.get(gatewayId) === false;
    const alive = name === "GatewayDownEvent" ? false : name === "GatewayAliveEvent" || name === "GatewayBootEvent" ? true : undefined;
    if (alive !== undefined && this.#gateways.get(gatewayId) !== alive) {
      this.#gateways.set(gatewayId, alive);
      this.#emit({ type: "gateway", gatewayId, alive });
    }
    if (name === "GatewayBootEvent") return `gateway ${gatewayId} rebooted`;
    if (alive === true && wasDown) return `gateway ${gatewayId} back after being down`;
    return undefined;
  }

  async #applyDeviceEvent(name: string, deviceURL: string, options: RequestOptions): Promise<string | undefined> {
    if (name === "DeviceRemovedEvent") {
      if (this.#devices.delete(deviceURL)) this.#emit({ type: "deviceRemoved", deviceURL });
      this.#unavailable.delete(deviceURL);
      return undefined;
    }
    if (name === "DeviceUnavailableEvent" || name === "DeviceAvailableEvent") {
      const available = name === "DeviceAvailableEvent";
      if (available) this.#unavailable.delete(deviceURL);
      else this.#unavailable.add(deviceURL);
      if (this.#devices.has(deviceURL)) this.#emit({ type: "deviceAvailability", deviceURL, available });
      return undefined;
    }
    if (name === "DeviceCreatedEvent" || name === "DeviceUpdatedEvent") {
      try {
        const device = await this.#resources.devices.getDevice(deviceURL, options);
        const existed = this.#devices.has(deviceURL);
        this.#devices.set(deviceURL, device);
        this.#emit(existed ? { type: "deviceUpdated", device } : { type: "deviceAdded", device });
        return undefined;
      } catch (error) {
        if (error instanceof AbortError) throw error;
        return `could not read ${deviceURL} after ${name}`;
      }
    }
    return undefined;
  }
}
