import { AbortError, type RequestOptions, ValidationError, sleep } from "@openapp/core";
import type { OverkizContext } from "../client.js";
import { Device } from "../models/device.js";
import { ExecutionState } from "../models/enums.js";
import { type FailureEvent, type OverkizEvent, parseEvents } from "../models/events.js";
import type { StateName } from "../models/names.js";
import type { State, StateValue } from "../models/state.js";
import { type Setup, parseSetup } from "../models/setup.js";
import { checkedParams } from "./shared.js";

/** Options of `createStateMirror()`. */
export interface StateMirrorParams {
  /** Milliseconds between the starts of two event fetches (default 1000). */
  intervalMs?: number | undefined;
  /** Changes one `changes()` iterator buffers for a slow consumer before dropping the oldest (default 1000). */
  maxBufferedChanges?: number | undefined;
  /** Finished executions kept with their outcome (default 100). */
  recentExecutions?: number | undefined;
}

/** What the mirror tracks of an execution: its latest state and, once final, its outcome. */
export interface MirroredExecution {
  /** Id of the execution, as returned when it was applied. */
  execId: string;
  /** Latest state the events reported. */
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
  /** The setup was read again; `reason` says why (listener lost, fetch failed, unknown device). */
  | {
      /** The setup was read again. */
      type: "resynced";
      /** Why: listener lost, fetch failed, unknown device, … */
      reason: string;
    };

const positive = (value: number | undefined, fallback: number, name: string): number => {
  const resolved = value ?? fallback;
  if (typeof resolved !== "number" || !Number.isFinite(resolved) || resolved <= 0) throw new ValidationError(`${name} must be a positive number, got ${String(resolved)}`);
  return resolved;
};

/**
 * One object that loads the setup, follows the event listener and keeps every device's states
 * current: state changes, devices added, updated and removed, availability, gateways down and up,
 * executions and their outcome. After a lost listener or a failed fetch (a gap it cannot prove
 * empty) it reads the setup again. Read any state synchronously (`mirror.value(url, name)`),
 * subscribe with `mirror.on(fn)` or `for await (const change of mirror.changes())`. Memory is
 * bounded: the devices of the setup, a capped list of finished executions, capped change buffers.
 */
export class StateMirror {
  readonly #ctx: OverkizContext;
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
  #loop: Promise<void> | undefined;
  #losses = 0;
  #resyncs = 0;
  #invalid: unknown;

  /** Bad parameters are reported by `start()` (a rejected promise), never thrown here. */
  constructor(ctx: OverkizContext, params?: StateMirrorParams) {
    this.#ctx = ctx;
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
    options?.signal?.addEventListener("abort", () => void this.stop(), { once: true });
    this.#ctx.listener.streaming = true;
    try {
      // Registered before the setup is read, so nothing between the two is missed.
      await this.#ctx.listener.register({ signal: abort.signal });
      this.#losses = this.#ctx.listener.losses;
      await this.#load({ signal: abort.signal });
    } catch (error) {
      this.#ctx.listener.streaming = false;
      this.#abort = undefined;
      throw error;
    }
    this.#loop = this.#follow(abort.signal);
  }

  /** Stops following events, unregisters the listener and ends every `changes()` iterator. */
  async stop(): Promise<void> {
    const abort = this.#abort;
    if (!abort) return;
    abort.abort();
    await this.#loop?.catch(() => undefined);
    this.#abort = undefined;
    this.#loop = undefined;
    this.#ctx.listener.streaming = false;
    await this.#ctx.listener.unregister().catch((error: unknown) => {
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
    const buffer: MirrorChange[] = [];
    let waiting: ((result: IteratorResult<MirrorChange>) => void) | undefined;
    let ended = false;
    const max = this.#maxBuffered;
    const logger = this.#ctx.logger;
    const iterators = this.#iterators;
    const entry = {
      push(change: MirrorChange) {
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: change, done: false });
          return;
        }
        buffer.push(change);
        if (buffer.length > max) {
          buffer.shift();
          logger.warn("state mirror: a changes() consumer is behind; dropped the oldest change");
        }
      },
      end() {
        ended = true;
        waiting?.({ value: undefined, done: true });
        waiting = undefined;
      },
    };
    iterators.add(entry);
    params?.signal?.addEventListener("abort", () => {
      iterators.delete(entry);
      entry.end();
    });
    return {
      next(): Promise<IteratorResult<MirrorChange>> {
        const next = buffer.shift();
        if (next) return Promise.resolve({ value: next, done: false });
        if (ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return(): Promise<IteratorResult<MirrorChange>> {
        iterators.delete(entry);
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

  async #readSetup(options: RequestOptions): Promise<Setup> {
    const setup = await this.#ctx.kit.call("getSetup", {}, options);
    const parsed = parseSetup(setup, this.#ctx.logger);
    this.#ctx.cache.setup = parsed;
    this.#ctx.cache.devices = parsed.devices;
    this.#ctx.cache.gateways = parsed.gateways;
    return parsed;
  }

  async #load(options: RequestOptions): Promise<void> {
    const setup = await this.#readSetup(options);
    this.#devices.clear();
    this.#unavailable.clear();
    for (const device of setup.devices) this.#devices.set(device.deviceURL, device);
    for (const gateway of setup.gateways) this.#gateways.set(gateway.gatewayId, gateway.alive ?? true);
  }

  /** Reads the setup again and reports what differs from what the mirror held. */
  async #resync(reason: string, options: RequestOptions): Promise<void> {
    const before = new Map(this.#devices);
    this.#ctx.logger.info("state mirror: reading the setup again", { reason });
    await this.#load(options);
    this.#resyncs += 1;
    for (const [url, device] of this.#devices) {
      const old = before.get(url);
      if (!old) {
        this.#emit({ type: "deviceAdded", device });
        continue;
      }
      const changed = device.states.toArray().filter((state) => {
        const previous = old.states.get(state.name);
        return !previous || JSON.stringify(previous.value) !== JSON.stringify(state.value);
      });
      if (changed.length > 0) this.#emit({ type: "states", deviceURL: url, states: changed });
    }
    for (const url of before.keys()) if (!this.#devices.has(url)) this.#emit({ type: "deviceRemoved", deviceURL: url });
    this.#emit({ type: "resynced", reason });
  }

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
        if (pendingResync) {
          await this.#resync(pendingResync, options);
          pendingResync = undefined;
        }
        const raw = await this.#ctx.listener.fetch(options);
        if (this.#ctx.listener.losses !== this.#losses) {
          this.#losses = this.#ctx.listener.losses;
          // The old listener is gone with whatever it still held: the new one's events come after a gap.
          await this.#resync("event listener lost", options);
        }
        for (const event of parseEvents(raw, this.#ctx.logger)) {
          const unknown = await this.#apply(event, options);
          if (unknown) pendingResync ??= unknown;
        }
        failures = 0;
      } catch (error) {
        if (signal.aborted || error instanceof AbortError) return;
        failures += 1;
        const delay = Math.min(1_000 * 2 ** (failures - 1), 60_000);
        this.#ctx.logger.warn("state mirror: event fetch failed; will read the setup again", {
          reason: error instanceof Error ? error.message : String(error),
          retryInMs: delay,
        });
        // A fetch that failed may have taken events with it: the gap cannot be proven empty.
        pendingResync = "event fetch failed";
        await sleep(delay, signal).catch(() => undefined);
      }
    }
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
      case "gateway": {
        const alive = event.name === "GatewayDownEvent" ? false : event.name === "GatewayAliveEvent" || event.name === "GatewayBootEvent" ? true : undefined;
        if (alive !== undefined && this.#gateways.get(event.gatewayId) !== alive) {
          this.#gateways.set(event.gatewayId, alive);
          this.#emit({ type: "gateway", gatewayId: event.gatewayId, alive });
        }
        return undefined;
      }
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
        const known = this.#running.get(event.execId) ?? { execId: event.execId, state: event.newState, deviceURLs: [], final: false };
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
      this.#recent.push(execution);
      if (this.#recent.length > this.#maxRecent) this.#recent.splice(0, this.#recent.length - this.#maxRecent);
    } else {
      this.#running.set(execution.execId, execution);
      // A listener gap can leave executions whose final event never comes; keep the map bounded.
      if (this.#running.size > this.#maxRecent * 10) this.#running.delete(this.#running.keys().next().value as string);
    }
    this.#emit({ type: "execution", execution });
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
        const raw = await this.#ctx.kit.call("getDevice", { path: { deviceURL } }, options);
        const device = Device.parse(raw, this.#ctx.logger);
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
