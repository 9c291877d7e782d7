import {
  AuthenticationError,
  BoundedBuffer,
  ConfigError,
  PermissionDeniedError,
  type RequestOptions,
  SdkError,
  checkedParameters,
  shown,
  watchAbort,
} from "@openapp/core";
import type { OmletContext } from "../context.js";
import { type DeviceChange, deviceChanges } from "../models/changes.js";
import type { Device } from "../models/device.js";
import type { WatchReason } from "../models/enums.js";

/** Default time between reads: what the Home Assistant integration uses. */
export const DEFAULT_WATCH_INTERVAL_MS = 300_000;
/** Omlet documents no rate limit; polling faster than this only burns battery devices' check-ins for nothing. */
export const MIN_WATCH_INTERVAL_MS = 30_000;
/** Reads after an action sent through the same client, in ms after it was accepted. */
export const DEFAULT_FOLLOW_UP_DELAYS_MS: readonly number[] = [1_500, 5_000];
/** Readings a watcher keeps for a consumer that stopped pulling, before dropping the oldest. */
export const DEFAULT_MAX_BUFFERED_CHANGES = 100;

/** Options of `watchDevices` and `onDeviceChanges`. */
export interface WatchDevicesOptions {
  /** Time between reads in ms (default 300 000, at least 30 000); restarts after every read. */
  intervalMs?: number | undefined;
  /** Extra reads this many ms after each action or configuration write through this client (default `[1500, 5000]`; `[]` for none). */
  followUpDelaysMs?: readonly number[] | undefined;
  /** Stops the watcher; the iteration then ends without an error. */
  signal?: AbortSignal | undefined;
  /** Yield the first reading, every device as `added` (default true); false makes it a silent baseline. */
  emitInitial?: boolean | undefined;
  /**
   * Called when a read fails; the watcher then keeps polling. Without it a failed read ends the
   * iteration with the error. Authentication and permission errors always end it.
   */
  onError?: ((error: unknown) => void) | undefined;
  /**
   * Readings (each with the whole device list) kept for a consumer that stopped pulling (default
   * 100). Beyond it the oldest is dropped, with one warning through the client's logger each
   * time the consumer falls behind; the newest reading always holds every device's state.
   */
  maxBufferedChanges?: number | undefined;
}

/** One reading that changed something (or the first one). */
export interface DeviceChanges {
  /** What triggered the reading. */
  reason: WatchReason;
  /** When the reading finished. */
  at: Date;
  /** Every device, as just read. */
  devices: Device[];
  /** What differs from the previous reading (empty when nothing did). */
  changes: DeviceChange[];
}

/** The controls shared by both forms of the watcher. */
export interface DeviceWatchControls {
  /**
   * A webhook arrived (pass the parsed event, or nothing): read now. Webhooks are only a cue;
   * the change itself is what the next reading shows.
   */
  notify(event?: unknown): void;
  /** Read now. */
  refresh(): void;
  /** Stops polling, cancels a read in flight and ends the iteration. */
  stop(): void;
  /** The last reading, empty before the first. */
  readonly devices: readonly Device[];
}

export interface DeviceWatcher extends DeviceWatchControls, AsyncIterableIterator<DeviceChanges> {}

export interface DeviceSubscription extends DeviceWatchControls {
  /** Settles when the watcher stops: resolves on stop/abort, rejects with the error that ended it. */
  readonly done: Promise<void>;
}

const WATCH_OPTIONS = ["intervalMs", "followUpDelaysMs", "signal", "emitInitial", "onError", "maxBufferedChanges"];

interface WatchConfig {
  intervalMs: number;
  followUps: readonly number[];
  maxBuffered: number;
  options: WatchDevicesOptions;
}

function checkedOptions(given: WatchDevicesOptions | undefined): WatchConfig {
  const options = checkedParameters(given, { what: "watchDevices", known: WATCH_OPTIONS, requestOptions: [], aliases: { interval: "intervalMs" } });
  const intervalMs = options.intervalMs ?? DEFAULT_WATCH_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < MIN_WATCH_INTERVAL_MS) {
    throw new ConfigError(`watchDevices intervalMs must be at least ${MIN_WATCH_INTERVAL_MS} ms, got ${shown(intervalMs)}`);
  }
  const followUps = options.followUpDelaysMs ?? DEFAULT_FOLLOW_UP_DELAYS_MS;
  if (!Array.isArray(followUps) || followUps.some((delay) => !Number.isFinite(delay) || delay < 0 || delay > intervalMs)) {
    throw new ConfigError(`watchDevices followUpDelaysMs must be delays in ms from 0 to intervalMs, got ${shown(followUps)}`);
  }
  const maxBuffered = options.maxBufferedChanges ?? DEFAULT_MAX_BUFFERED_CHANGES;
  if (!Number.isInteger(maxBuffered) || maxBuffered < 1) {
    throw new ConfigError(`watchDevices maxBufferedChanges must be a positive whole number, got ${shown(maxBuffered)}`);
  }
  return { intervalMs, followUps, maxBuffered, options };
}

const endsTheWatch = (error: unknown) =>
  error instanceof AuthenticationError || error instanceof PermissionDeniedError || error instanceof ConfigError || !(error instanceof SdkError);

/** How a watcher reads every device: the client's `getDevices`. */
export type ReadDevices = (options: RequestOptions) => Promise<Device[]>;

/**
 * Reads every device with `readDevices` and yields what changed since the last reading. It only
 * ever reads: it never sends an action, on start, on a webhook or after an error.
 */
export function watchDevices(ctx: OmletContext, readDevices: ReadDevices, given?: WatchDevicesOptions): DeviceWatcher {
  // Bad options reject the first `next()`, like every other refusal of the SDK; nothing throws here.
  let config: WatchConfig = { intervalMs: DEFAULT_WATCH_INTERVAL_MS, followUps: DEFAULT_FOLLOW_UP_DELAYS_MS, maxBuffered: DEFAULT_MAX_BUFFERED_CHANGES, options: {} };
  let refused: { error: unknown } | undefined;
  try {
    config = checkedOptions(given);
  } catch (error) {
    refused = { error };
  }
  const { intervalMs, followUps, maxBuffered, options } = config;
  const emitInitial = options.emitInitial ?? true;
  const queue = new BoundedBuffer<DeviceChanges>(maxBuffered, (max) =>
    ctx.kit.logger.warn(`device watcher: the consumer is behind; keeping the newest ${max} readings and dropping older ones`),
  );
  const waiters: Array<{ resolve(result: IteratorResult<DeviceChanges>): void; reject(error: unknown): void }> = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const reads = new AbortController();
  let intervalTimer: ReturnType<typeof setTimeout> | undefined;
  // One listener on a signal that many watchers share (watchAbort), dropped on stop.
  let unwatchSignal: () => void = () => undefined;
  let started = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let reading = false;
  let queued: WatchReason | undefined;
  let last: Device[] | undefined;

  const deliver = (batch: DeviceChanges) => {
    const waiter = waiters.shift();
    if (waiter) waiter.resolve({ value: batch, done: false });
    else queue.push(batch);
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(intervalTimer);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    ctx.activity.delete(onActivity);
    unwatchSignal();
    reads.abort();
    for (const waiter of waiters.splice(0)) {
      if (failure && queue.length === 0) waiter.reject(failure.error);
      else waiter.resolve({ value: undefined, done: true });
    }
  };

  const fail = (error: unknown) => {
    failure = { error };
    const waiter = waiters.shift();
    if (waiter && queue.length === 0) {
      failure = undefined;
      waiter.reject(error);
    }
    stop();
  };

  const read = async (reason: WatchReason) => {
    reading = true;
    clearTimeout(intervalTimer);
    try {
      const devices = await readDevices({ signal: reads.signal });
      if (stopped) return;
      const previous = last;
      last = devices;
      if (previous === undefined) {
        if (emitInitial) deliver({ reason: "initial", at: new Date(), devices, changes: deviceChanges([], devices) });
        return;
      }
      const changes = deviceChanges(previous, devices);
      if (changes.length > 0) deliver({ reason, at: new Date(), devices, changes });
    } catch (error) {
      if (stopped) return;
      if (options.onError && !endsTheWatch(error)) options.onError(error);
      else fail(error);
    } finally {
      reading = false;
      if (!stopped) {
        intervalTimer = setTimeout(() => wake("interval"), intervalMs);
        const next = queued;
        queued = undefined;
        if (next) wake(next);
      }
    }
  };

  // Reads never overlap: a cue during a read becomes one more read right after it.
  function wake(reason: WatchReason) {
    if (stopped || !started) return;
    if (reading) queued ??= reason;
    else void read(reason);
  }

  const later = (delay: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      wake("follow-up");
    }, delay);
    timers.add(timer);
  };

  function onActivity() {
    if (started && !stopped) for (const delay of followUps) later(delay);
  }

  const start = () => {
    if (started || stopped) return;
    started = true;
    ctx.activity.add(onActivity);
    void read("initial");
  };

  if (refused) {
    failure = refused;
    stopped = true;
  } else if (options.signal?.aborted) stop();
  else if (options.signal) unwatchSignal = watchAbort(options.signal, stop);

  const watcher: DeviceWatcher = {
    get devices() {
      return last ?? [];
    },
    notify: () => wake("webhook"),
    refresh: () => wake("refresh"),
    stop,
    next() {
      start();
      const batch = queue.shift();
      if (batch) return Promise.resolve({ value: batch, done: false });
      if (failure) {
        const { error } = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (stopped) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    return() {
      queue.clear();
      stop();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return watcher;
    },
  };
  return watcher;
}

/** The callback form: `listener` gets each set of changes, in order, until the watcher stops. */
export function onDeviceChanges(
  ctx: OmletContext,
  readDevices: ReadDevices,
  listener: (changes: DeviceChanges) => void | Promise<void>,
  options?: WatchDevicesOptions,
): DeviceSubscription {
  const watcher = watchDevices(ctx, readDevices, options);
  const done = (async () => {
    try {
      if (typeof listener !== "function") throw new ConfigError("onDeviceChanges needs a listener function");
      for await (const changes of watcher) await listener(changes);
    } finally {
      watcher.stop();
    }
  })();
  // The caller may only look at `done` later; an error it never awaits must not crash the process.
  done.catch(() => undefined);
  return {
    get devices() {
      return watcher.devices;
    },
    notify: (event?: unknown) => watcher.notify(event),
    refresh: () => watcher.refresh(),
    stop: () => watcher.stop(),
    done,
  };
}
