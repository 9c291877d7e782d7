import { AbortError, type ClientCalls, type RequestOptions } from "@openapp/core";
import { InvalidEventListenerIdError, NoRegisteredEventListenerError } from "../errors.js";

/** What the listener needs of the session: the credentials it registers under. */
export interface ListenerSession {
  /** Logs in or renews credentials due now, so the listener is chosen under the right ones. */
  refresh(options: RequestOptions, calls: ClientCalls): Promise<void> | undefined;
  /** Bumped by every login and token refresh. */
  readonly generation: number;
}

/** The three event operations, sent through the client's calls. */
const send = {
  async register(calls: ClientCalls, options?: RequestOptions): Promise<string> {
    return ((await calls.call("registerEventListener", {}, options)).body as { id: string }).id;
  },
  async fetch(calls: ClientCalls, listenerId: string, options?: RequestOptions): Promise<unknown[]> {
    return (await calls.call("fetchEvents", { path: { listenerId } }, options)).body as unknown[];
  },
  async unregister(calls: ClientCalls, listenerId: string, options?: RequestOptions): Promise<void> {
    await calls.call("unregisterEventListener", { path: { listenerId } }, options);
  },
};

/** The listener expired (idle or gateway reboot); a new one is registered once. */
export function isListenerGone(error: unknown): boolean {
  return error instanceof InvalidEventListenerIdError || error instanceof NoRegisteredEventListenerError;
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
 * The client's event listener: its id, the credential generation it was registered under, and
 * the events a replaced listener already delivered. Only this object changes them. Built with
 * the session, before the kit; every method that sends takes the kit's calls.
 */
export class EventListener {
  readonly #session: ListenerSession;
  #id: string | undefined;
  #generation = 0;
  /** Events drained from a replaced listener; the new one's first batch may repeat them. */
  #overlap: string[] | undefined;
  /** True while an `events()` loop (or a state mirror) owns the listener. */
  streaming = false;
  /**
   * Bumped whenever events may have been lost: the listener expired (idle, gateway reboot), a
   * replaced listener could not be drained, or a listener was dropped or replaced without draining
   * while a loop owned it. A replacement after new credentials that drains the old one does not count.
   */
  losses = 0;
  /** Why the latest loss happened (the state mirror reports it with its resync). */
  lastLoss: string | undefined;

  constructor(session: ListenerSession) {
    this.#session = session;
  }

  get id(): string | undefined {
    return this.#id;
  }

  /**
   * Registers a listener and remembers it, under the current credentials. One a loop owns is
   * abandoned undrained: that counts as a loss.
   */
  async register(calls: ClientCalls, options?: RequestOptions): Promise<string> {
    const abandoned = this.#id;
    const id = await this.#registerNew(calls, options);
    if (abandoned !== undefined && this.streaming) this.#lost("event listener replaced without draining it");
    return id;
  }

  /**
   * Events since the previous fetch. New credentials get a new listener first; an expired one
   * is replaced by the retry loop (see `renewAfterExpiry`).
   */
  async fetch(calls: ClientCalls, options?: RequestOptions): Promise<unknown[]> {
    // A refresh due now must happen before the listener is chosen.
    await this.#session.refresh(options ?? {}, calls);
    if (this.#id !== undefined && this.#generation !== this.#session.generation) return this.#replace(calls, options);
    const id = this.#id ?? (await this.register(calls, options));
    return this.#withoutOverlap(await send.fetch(calls, id, options));
  }

  /** True when `listenerId` is the one in use (a drained, replaced listener is not renewed). */
  isCurrent(listenerId: string): boolean {
    return listenerId === this.#id;
  }

  /** The retry loop's `prepare` after "no registered event listener": a new id to fetch from. */
  async renewAfterExpiry(expiredId: string, calls: ClientCalls): Promise<string> {
    calls.logger.info("event listener expired; registering a new one", { listenerId: expiredId });
    this.#overlap = undefined;
    this.#lost("event listener expired");
    return this.#registerNew(calls);
  }

  /**
   * Unregisters the current listener, if any; unknown ids are accepted by the server. While a
   * loop owns it, its undelivered events go with it: that counts as a loss.
   */
  async unregister(calls: ClientCalls, options?: RequestOptions): Promise<void> {
    const id = this.#id;
    if (id === undefined) return;
    await send.unregister(calls, id, options);
    if (this.#id === id) this.forget();
  }

  /** Forgets the current listener without a request (a loss while a loop owns it). */
  forget(): void {
    if (this.#id !== undefined && this.streaming) this.#lost("event listener dropped while it may hold events");
    this.#id = undefined;
    this.#overlap = undefined;
  }

  async #registerNew(calls: ClientCalls, options?: RequestOptions): Promise<string> {
    const id = await send.register(calls, options);
    this.#id = id;
    this.#generation = this.#session.generation;
    return id;
  }

  #lost(reason: string): void {
    this.losses += 1;
    this.lastLoss = reason;
  }

  /**
   * New credentials (a token refresh, a new session) get a new listener, as the vendor's own
   * clients do. The new one is registered first so nothing is missed, then the old one is drained
   * and dropped; its last events may reach the new listener too and are skipped there once. A
   * drain that fails is a loss (see `losses`).
   */
  async #replace(calls: ClientCalls, options?: RequestOptions): Promise<unknown[]> {
    const old = this.#id as string;
    await this.#registerNew(calls, options);
    let drained: unknown[] = [];
    try {
      drained = await send.fetch(calls, old, options);
    } catch (error) {
      if (error instanceof AbortError) throw error;
      // Whatever the old listener held before the new one existed is gone with it.
      this.#lost("the replaced event listener could not be drained");
      calls.logger.warn("the replaced event listener could not be drained; its events are lost", { listenerId: old, reason: (error as Error).message });
    }
    try {
      await send.unregister(calls, old, options);
    } catch (error) {
      if (error instanceof AbortError) throw error;
      calls.logger.debug("could not unregister a replaced event listener", { listenerId: old, reason: (error as Error).message });
    }
    this.#overlap = drained.map(eventKey);
    calls.logger.info("event listener replaced after new credentials", { listenerId: this.#id });
    return drained;
  }

  /** Drops, once, the events a replaced listener already delivered. */
  #withoutOverlap(raw: unknown[]): unknown[] {
    const overlap = this.#overlap;
    if (!overlap) return raw;
    this.#overlap = undefined;
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
}
