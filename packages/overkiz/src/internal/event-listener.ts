import { AbortError, type Logger, type RequestOptions } from "@openapp/core";
import { InvalidEventListenerIdError, NoRegisteredEventListenerError } from "../errors.js";

/** The calls the listener makes; the kit's `call` bound to the three event operations. */
export interface ListenerCalls {
  register(options?: RequestOptions): Promise<string>;
  fetch(listenerId: string, options?: RequestOptions): Promise<unknown[]>;
  unregister(listenerId: string, options?: RequestOptions): Promise<void>;
  /** Logs in or renews credentials due now, so the listener is chosen under the right ones. */
  ensureSession(options?: RequestOptions): Promise<void>;
  /** Bumped by every login and token refresh. */
  generation(): number;
}

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
 * the events a replaced listener already delivered. Only this object changes them.
 */
export class EventListener {
  readonly #calls: ListenerCalls;
  readonly #logger: Logger;
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

  constructor(calls: ListenerCalls, logger: Logger) {
    this.#calls = calls;
    this.#logger = logger;
  }

  get id(): string | undefined {
    return this.#id;
  }

  /**
   * Registers a listener and remembers it, under the current credentials. One a loop owns is
   * abandoned undrained: that counts as a loss.
   */
  async register(options?: RequestOptions): Promise<string> {
    const abandoned = this.#id;
    const id = await this.#registerNew(options);
    if (abandoned !== undefined && this.streaming) this.#lost("event listener replaced without draining it");
    return id;
  }

  /**
   * Events since the previous fetch. New credentials get a new listener first; an expired one
   * is replaced by the retry loop (see `renewAfterExpiry`).
   */
  async fetch(options?: RequestOptions): Promise<unknown[]> {
    // A refresh due now must happen before the listener is chosen.
    await this.#calls.ensureSession(options);
    if (this.#id !== undefined && this.#generation !== this.#calls.generation()) return this.#replace(options);
    const id = this.#id ?? (await this.register(options));
    return this.#withoutOverlap(await this.#calls.fetch(id, options));
  }

  /** True when `listenerId` is the one in use (a drained, replaced listener is not renewed). */
  isCurrent(listenerId: string): boolean {
    return listenerId === this.#id;
  }

  /** The retry loop's `prepare` after "no registered event listener": a new id to fetch from. */
  async renewAfterExpiry(expiredId: string): Promise<string> {
    this.#logger.info("event listener expired; registering a new one", { listenerId: expiredId });
    this.#overlap = undefined;
    this.#lost("event listener expired");
    return this.#registerNew();
  }

  /**
   * Unregisters the current listener, if any; unknown ids are accepted by the server. While a
   * loop owns it, its undelivered events go with it: that counts as a loss.
   */
  async unregister(options?: RequestOptions): Promise<void> {
    const id = this.#id;
    if (id === undefined) return;
    await this.#calls.unregister(id, options);
    if (this.#id === id) this.forget();
  }

  /** Forgets the current listener without a request (a loss while a loop owns it). */
  forget(): void {
    if (this.#id !== undefined && this.streaming) this.#lost("event listener dropped while it may hold events");
    this.#id = undefined;
    this.#overlap = undefined;
  }

  async #registerNew(options?: RequestOptions): Promise<string> {
    const id = await this.#calls.register(options);
    this.#id = id;
    this.#generation = this.#calls.generation();
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
  async #replace(options?: RequestOptions): Promise<unknown[]> {
    const old = this.#id as string;
    await this.#registerNew(options);
    let drained: unknown[] = [];
    try {
      drained = await this.#calls.fetch(old, options);
    } catch (error) {
      if (error instanceof AbortError) throw error;
      // Whatever the old listener held before the new one existed is gone with it.
      this.#lost("the replaced event listener could not be drained");
      this.#logger.warn("the replaced event listener could not be drained; its events are lost", { listenerId: old, reason: (error as Error).message });
    }
    try {
      await this.#calls.unregister(old, options);
    } catch (error) {
      if (error instanceof AbortError) throw error;
      this.#logger.debug("could not unregister a replaced event listener", { listenerId: old, reason: (error as Error).message });
    }
    this.#overlap = drained.map(eventKey);
    this.#logger.info("event listener replaced after new credentials", { listenerId: this.#id });
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
