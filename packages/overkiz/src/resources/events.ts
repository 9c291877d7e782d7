import { AbortError, ConfigError, type RequestOptions, ValidationError, sleep } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import { CONCURRENT_REQUESTS_POLICY, isListenerGone } from "../internal/policies.js";
import { type OverkizEvent, parseEvents } from "../models/events.js";

async function registerOnce(core: ClientCore, options?: RequestOptions): Promise<string> {
  const answer = await core.call((fetch) => core.raw.POST("/events/register", { fetch }), options);
  core.listenerId = answer.id;
  return answer.id;
}

/** Registers a listener and remembers it for `fetchEvents()`. */
export function registerEventListener(core: ClientCore, options?: RequestOptions): Promise<string> {
  return core.withBackoff(CONCURRENT_REQUESTS_POLICY, () => registerOnce(core, options), options);
}

function fetchFrom(core: ClientCore, listenerId: string, options?: RequestOptions): Promise<unknown[]> {
  const path = { listenerId };
  return core.call((fetch) => core.raw.POST("/events/{listenerId}/fetch", { params: { path }, fetch }), options);
}

async function unregisterQuietly(core: ClientCore, listenerId: string, options?: RequestOptions): Promise<void> {
  const path = { listenerId };
  try {
    await core.call((fetch) => core.raw.POST("/events/{listenerId}/unregister", { params: { path }, fetch }), options);
  } catch (error) {
    if (error instanceof AbortError) throw error;
    core.logger.debug("could not unregister a replaced event listener", { listenerId, reason: (error as Error).message });
  }
}

/** Key-order independent, so the same event read from two listeners compares equal. */
function eventKey(event: unknown): string {
  return JSON.stringify(event, (_key, value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/**
 * New credentials (a token refresh, a new session) get a new listener, as the vendor's own
 * clients do. The new one is registered first so nothing is missed, then the old one is drained
 * and dropped; its last events may reach the new listener too and are skipped there once.
 */
async function replaceListener(core: ClientCore, options?: RequestOptions): Promise<unknown[]> {
  const old = core.listenerId as string;
  await registerOnce(core, options);
  let drained: unknown[] = [];
  try {
    drained = await fetchFrom(core, old, options);
  } catch (error) {
    if (error instanceof AbortError) throw error;
    core.logger.debug("the replaced event listener could not be drained", { listenerId: old, reason: (error as Error).message });
  }
  await unregisterQuietly(core, old, options);
  core.listener.overlap = drained.map(eventKey);
  core.logger.info("event listener replaced after new credentials", { listenerId: core.listenerId });
  return drained;
}

/** Drops, once, the events a replaced listener already delivered. */
function withoutOverlap(core: ClientCore, raw: unknown[]): unknown[] {
  const overlap = core.listener.overlap;
  if (!overlap) return raw;
  core.listener.overlap = undefined;
  const remaining = new Map<string, number>();
  for (const key of overlap) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  return raw.filter((event) => {
    const key = eventKey(event);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
}

/** One fetch; a listener that expired (idle, gateway reboot) is replaced once and fetched again. */
async function fetchRecovering(core: ClientCore, options?: RequestOptions): Promise<unknown[]> {
  // A refresh due now must happen before the listener is chosen.
  await core.authenticate(options);
  if (core.listenerId !== undefined && core.listener.generation !== core.credentialGeneration) return replaceListener(core, options);
  const listenerId = core.listenerId ?? (await registerOnce(core, options));
  try {
    return withoutOverlap(core, await fetchFrom(core, listenerId, options));
  } catch (error) {
    if (!isListenerGone(error)) throw error;
    core.logger.info("event listener expired; registering a new one", { listenerId });
    core.listener.overlap = undefined;
    return fetchFrom(core, await registerOnce(core, options), options);
  }
}

/**
 * Events received since the previous fetch, oldest first (registers a listener on first use).
 * Poll at most once per second.
 */
export async function fetchEvents(core: ClientCore, options?: RequestOptions): Promise<OverkizEvent[]> {
  const raw = await core.withBackoff(CONCURRENT_REQUESTS_POLICY, () => fetchRecovering(core, options), options);
  return parseEvents(raw, core.logger);
}

/** Unregisters the current listener, if any; unknown ids are accepted by the server. */
export async function unregisterEventListener(core: ClientCore, options?: RequestOptions): Promise<void> {
  const listenerId = core.listenerId;
  if (listenerId === undefined) return;
  const path = { listenerId };
  await core.call((fetch) => core.raw.POST("/events/{listenerId}/unregister", { params: { path }, fetch }), options);
  if (core.listenerId === listenerId) core.listenerId = undefined;
}

export interface EventStreamParams {
  /** Ends the loop (it then throws AbortError) and stops any wait at once. */
  signal?: AbortSignal | undefined;
  /** Seconds between the starts of two fetches (default 1: the documented polling limit). */
  interval?: number | undefined;
}

export const DEFAULT_EVENT_INTERVAL_SECONDS = 1;

function checkedInterval(interval: number | undefined): number {
  const seconds = interval ?? DEFAULT_EVENT_INTERVAL_SECONDS;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new ValidationError(`interval must be a positive number of seconds, got ${seconds}`);
  return seconds;
}

/**
 * Waits until the client's clock reaches `at`. Timers may fire a little early and the pace is a
 * promise to the server, so an early wake-up sleeps again; a clock that does not move with the
 * timers (a fixed clock injected by a test) ends the wait after one sleep.
 */
async function waitUntil(core: ClientCore, at: number, signal: AbortSignal | undefined): Promise<void> {
  for (let now = core.now(); now < at; ) {
    await sleep(at - now, signal);
    const after = core.now();
    if (after === now) break;
    now = after;
  }
  if (signal?.aborted) throw new AbortError("The event loop was aborted");
}

/**
 * Polls the listener at most once per `interval` and yields events one by one. Expired
 * listeners and new credentials are handled underneath; the listener is unregistered when the
 * loop ends, whether by `break`, abort or error.
 */
export async function* streamEvents(core: ClientCore, params: EventStreamParams = {}): AsyncGenerator<OverkizEvent, void, undefined> {
  const intervalMs = checkedInterval(params.interval) * 1000;
  if (core.listener.streaming) throw new ConfigError("events() is already running on this client; one loop owns the event listener");
  if (intervalMs < 1000 && core.server.apiType === "cloud") core.logger.warn("polling events more than once per second can get the session throttled");
  const options: RequestOptions = { signal: params.signal };
  core.listener.streaming = true;
  try {
    let nextFetchAt = core.now();
    for (;;) {
      await waitUntil(core, nextFetchAt, params.signal);
      // Spaced from the start of the previous fetch, however long the consumer took.
      nextFetchAt = core.now() + intervalMs;
      for (const event of await fetchEvents(core, options)) yield event;
    }
  } finally {
    core.listener.streaming = false;
    await unregisterEventListener(core).catch((error: unknown) => {
      core.logger.warn("could not unregister the event listener", { reason: error instanceof Error ? error.message : String(error) });
    });
  }
}
