import { AbortError, ConfigError, type RequestOptions, Resource, ValidationError, sleep } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import { StateMirror, type StateMirrorParams } from "../internal/state-mirror.js";
import { type OverkizEvent, parseEvents } from "../models/events.js";
import { checkedParams } from "./shared.js";

/** Options of `events()`. */
export interface EventStreamParams {
  /** Ends the loop (it then throws AbortError) and stops any wait at once. */
  signal?: AbortSignal | undefined;
  /** Milliseconds between the starts of two fetches (default 1000: the documented polling limit). */
  intervalMs?: number | undefined;
}

/** Time between two event fetches of `events()` unless set: the documented limit of one per second. */
export const DEFAULT_EVENT_INTERVAL_MS = 1_000;

function checkedInterval(intervalMs: number | undefined): number {
  const value = intervalMs ?? DEFAULT_EVENT_INTERVAL_MS;
  if (!Number.isFinite(value) || value <= 0) throw new ValidationError(`intervalMs must be a positive number of milliseconds, got ${value}`);
  return value;
}

/**
 * Waits until the client's clock reaches `at`. Timers may fire a little early and the pace is a
 * promise to the server, so an early wake-up sleeps again; a clock that does not move with the
 * timers (a fixed clock injected by a test) ends the wait after one sleep.
 */
async function waitUntil(ctx: OverkizContext, at: number, signal: AbortSignal | undefined): Promise<void> {
  for (let now = ctx.now(); now < at; ) {
    await sleep(at - now, signal);
    const after = ctx.now();
    if (after === now) break;
    now = after;
  }
  if (signal?.aborted) throw new AbortError("The event loop was aborted");
}

/**
 * Polls the listener at most once per `intervalMs` and yields events one by one. Expired
 * listeners and new credentials are handled underneath; the listener is unregistered when the
 * loop ends, whether by `break`, abort or error.
 */
async function* streamEvents(ctx: OverkizContext, params: EventStreamParams | undefined): AsyncGenerator<OverkizEvent, void, undefined> {
  const { signal, intervalMs: given } = checkedParams(params, "events", ["signal", "intervalMs"]);
  const intervalMs = checkedInterval(given);
  const { listener } = ctx;
  if (listener.streaming) throw new ConfigError("events() is already running on this client; one loop owns the event listener");
  if (intervalMs < 1000 && ctx.server.apiType === "cloud") ctx.logger.warn("polling events more than once per second can get the session throttled");
  const options: RequestOptions = { signal };
  listener.streaming = true;
  try {
    let nextFetchAt = ctx.now();
    for (;;) {
      await waitUntil(ctx, nextFetchAt, signal);
      // Spaced from the start of the previous fetch, however long the consumer took.
      nextFetchAt = ctx.now() + intervalMs;
      for (const event of parseEvents(await listener.fetch(ctx.kit.calls, options), ctx.logger)) yield event;
    }
  } finally {
    listener.streaming = false;
    await listener.unregister(ctx.kit.calls).catch((error: unknown) => {
      ctx.logger.warn("could not unregister the event listener", { reason: error instanceof Error ? error.message : String(error) });
    });
  }
}

/**
 * The event listener. "Too many concurrent requests", an expired listener (re-registered once)
 * and an expired session go again in core's retry loop, through the Overkiz refusal policy.
 */
export class EventsResource extends Resource<OverkizContext> {
  /**
   * Registers a listener and remembers it for `fetchEvents()`.
   * `POST /events/register`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async registerEventListener(options?: RequestOptions): Promise<string> {
    return this.ctx.listener.register(this.ctx.kit.calls, options);
  }

  /**
   * Events received since the previous fetch, oldest first; registers (and re-registers an
   * expired) listener itself. Poll at most once per second.
   * `POST /events/{listenerId}/fetch` (after `POST /events/register` when there is no listener).
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async fetchEvents(options?: RequestOptions): Promise<OverkizEvent[]> {
    return parseEvents(await this.ctx.listener.fetch(this.ctx.kit.calls, options), this.ctx.logger);
  }

  /**
   * Unregisters the current listener, if any; unknown ids are accepted by the server.
   * `POST /events/{listenerId}/unregister`.
   * @throws {BaseOverkizError} for an error answer.
   */
  async unregisterEventListener(options?: RequestOptions): Promise<void> {
    await this.ctx.listener.unregister(this.ctx.kit.calls, options);
  }

  /**
   * Events one by one, polling at most once per `intervalMs` (default 1000):
   * `for await (const event of client.events({ signal })) { … }`. Expired listeners, token
   * refreshes, "too many concurrent requests" and an expired session are handled underneath; the
   * listener is unregistered when the loop ends (break, abort or error). One loop per client.
   * `POST /events/{listenerId}/fetch` per poll.
   * @throws {ValidationError} when `params` has an unknown name or `intervalMs` is not positive.
   * @throws {ConfigError} when another `events()` loop is running on this client.
   * @throws {AbortError} when `signal` ends the loop.
   */
  events(params?: EventStreamParams): AsyncGenerator<OverkizEvent, void, undefined> {
    return streamEvents(this.ctx, params);
  }

  /**
   * A live mirror of the installation: `await mirror.start()` loads the setup and follows events;
   * read states synchronously with `mirror.value(url, "core:ClosureState")`, subscribe with
   * `mirror.on(fn)` or `for await (const change of mirror.changes())`, end with `mirror.stop()`.
   * It owns the event listener while it runs (like `events()`).
   */
  createStateMirror(params?: StateMirrorParams): StateMirror {
    return new StateMirror(this.ctx, params);
  }
}
