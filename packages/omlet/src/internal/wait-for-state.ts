import { ConfigError, type RequestOptions, checkedParameters, shown, sleep } from "@openapp/core";
import { StateTimeoutError } from "../errors.js";
import { type Device, isSettled, pendingSections, powerKind, sectionState } from "../models/device.js";

/** Options of `waitForState`. */
export interface WaitForStateOptions {
  /** Give up after this many ms in all. Default: 2 min on mains; two check-ins plus a minute on battery. */
  maxWaitMs?: number | undefined;
  /** Time between polls in ms. Default: 5 s on mains, 30 s on battery. */
  intervalMs?: number | undefined;
  /** Cancels the wait, including the poll in flight. */
  signal?: AbortSignal | undefined;
  /**
   * Called after every reading, so a wait that can last two check-ins (~20 min on battery) is
   * not silent. An error it throws ends the wait.
   */
  onProgress?: ((progress: WaitProgress) => void) | undefined;
}

/** Where a `waitForState` stands after one reading. */
export interface WaitProgress {
  /** The device being waited on. */
  deviceId: string;
  /** The reading just taken. */
  device: Device;
  /** 1 for the first reading. */
  attempt: number;
  /** Time since the wait began, in ms. */
  elapsedMs: number;
  /** The whole wait allowed, default or `maxWaitMs`. */
  maxWaitMs: number;
  /** Time until the next reading; 0 when this one ends the wait. */
  nextPollInMs: number;
  /** Sections still waiting for the device to report back. */
  pending: string[];
  /** The reading is settled and the predicate holds: the wait ends with it. */
  done: boolean;
}

const WAIT_OPTIONS = ["maxWaitMs", "intervalMs", "signal", "onProgress"];
// Renamed in 0.2: `timeout` meant the whole wait here but one attempt everywhere else.
const RENAMED = { timeout: "maxWaitMs", interval: "intervalMs" };

const MAINS = { interval: 5_000, timeout: 120_000 };
const BATTERY_INTERVAL_MS = 30_000;
const DEFAULT_POLL_FREQ_S = 600;

/** Battery devices only see the command at a check-in, so allow two of them plus slack. */
function defaultsFor(device: Device): { interval: number; timeout: number } {
  if (powerKind(device) !== "battery") return MAINS;
  const pollFreq = device.configuration?.general?.pollFreq;
  const seconds = typeof pollFreq === "number" && pollFreq > 0 ? pollFreq : DEFAULT_POLL_FREQ_S;
  return { interval: BATTERY_INTERVAL_MS, timeout: 2 * seconds * 1000 + 60_000 };
}

function positive(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
    throw new ConfigError(`waitForState ${name} must be a positive number of milliseconds, got ${shown(value)}`);
  }
  return value;
}

function describe(device: Device): string {
  const sections = ["door", "light", "fan", "feeder"] as const;
  const states = sections.flatMap((section) => {
    const state = sectionState(device, section);
    return state === undefined ? [] : [`${section}=${state}`];
  });
  return states.length > 0 ? states.join(", ") : "no state sections";
}

/**
 * Reads the device with `read` (the client's `getDeviceById`) until `predicate` holds on a
 * settled reading. Pending values (`openpending`, `closing`...) are never final, so a predicate
 * only sees devices that have reported back. Times out with StateTimeoutError (a TimeoutError).
 */
export async function waitForState(
  read: (options: RequestOptions) => Promise<Device>,
  deviceId: string,
  predicate: (device: Device) => boolean,
  given: WaitForStateOptions = {},
): Promise<Device> {
  const options = checkedParameters(given, { what: "waitForState", known: WAIT_OPTIONS, requestOptions: [], aliases: RENAMED });
  const { signal, onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new ConfigError("waitForState onProgress must be a function");
  const poll = { signal };
  const startedAt = Date.now();
  let device = await read(poll);
  const defaults = defaultsFor(device);
  const timeout = positive("maxWaitMs", options.maxWaitMs) ?? defaults.timeout;
  const interval = positive("intervalMs", options.intervalMs) ?? defaults.interval;
  for (let attempt = 1; ; attempt++) {
    const done = isSettled(device) && predicate(device);
    const remaining = startedAt + timeout - Date.now();
    onProgress?.({
      deviceId,
      device,
      attempt,
      elapsedMs: Date.now() - startedAt,
      maxWaitMs: timeout,
      nextPollInMs: done || remaining <= 0 ? 0 : Math.min(interval, remaining),
      pending: pendingSections(device),
      done,
    });
    if (done) return device;
    if (remaining <= 0) {
      const pending = pendingSections(device);
      const lastSeen = pending.length > 0 ? `${describe(device)}; still pending: ${pending.join(", ")}` : describe(device);
      throw new StateTimeoutError(deviceId, timeout, device, lastSeen);
    }
    await sleep(Math.min(interval, remaining), signal);
    device = await read(poll);
  }
}
