import { AbortError, ConfigError } from "@openapp/core";
import { StateTimeoutError } from "../errors.js";
import type { OmletContext } from "../http.js";
import { isSettled, pendingSections, powerKind, sectionState } from "../models/device.js";
import type { Device } from "../models/types.js";
import { getDeviceById } from "./devices.js";

export interface WaitForStateOptions {
  /** Give up after this many ms. Default: 2 min on mains; two check-ins plus a minute on battery. */
  timeout?: number;
  /** Time between polls in ms. Default: 5 s on mains, 30 s on battery. */
  interval?: number;
  signal?: AbortSignal;
}

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
    throw new ConfigError(`waitForState ${name} must be a positive number of milliseconds, got ${value}`);
  }
  return value;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
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
 * Polls `getDeviceById` until `predicate` holds on a settled reading. Pending values
 * (`openpending`, `closing`...) are never final, so a predicate only sees devices that
 * have reported back. Times out with StateTimeoutError (a TimeoutError).
 */
export async function waitForState(
  ctx: OmletContext,
  deviceId: string,
  predicate: (device: Device) => boolean,
  options: WaitForStateOptions = {},
): Promise<Device> {
  const { signal } = options;
  const startedAt = Date.now();
  let device = await getDeviceById(ctx, deviceId, { signal });
  const defaults = defaultsFor(device);
  const timeout = positive("timeout", options.timeout) ?? defaults.timeout;
  const interval = positive("interval", options.interval) ?? defaults.interval;
  for (;;) {
    if (isSettled(device) && predicate(device)) return device;
    const remaining = startedAt + timeout - Date.now();
    if (remaining <= 0) {
      const pending = pendingSections(device);
      const lastSeen = pending.length > 0 ? `${describe(device)}; still pending: ${pending.join(", ")}` : describe(device);
      throw new StateTimeoutError(deviceId, timeout, device, lastSeen);
    }
    await sleep(Math.min(interval, remaining), signal);
    device = await getDeviceById(ctx, deviceId, { signal });
  }
}
