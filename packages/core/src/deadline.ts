import { watchAbort } from "./abort.js";

/**
 * An attempt's deadlines: its precise timer ({@link AttemptDeadline}) and the network-side timeouts
 * it shares. Those work without an AbortController per request: creating an AbortSignal is the
 * most expensive step of a request on Node 20. Requests that start within one short window share
 * a controller, which aborts one window *after* the latest of them is due, so no request is
 * cancelled early and none more than 1% late. The caller-facing TimeoutError is raised on time by
 * the per-attempt timer, {@link AttemptDeadline}.
 *
 * What fetch hangs on the signal it is given (undici: one abort listener per request, dropped only
 * when that request is garbage-collected) must not pile up on a shared signal: a window takes at
 * most {@link MAX_REQUESTS_PER_WINDOW} requests. A window no longer open for joining is dropped,
 * timer and all that fetch hung on it, as soon as its last request settles; the open one ends when
 * its timer fires.
 */
const MIN_WINDOW_MS = 10;
/** Below Node's default MaxListeners (10), whoever raised it or not. */
const MAX_REQUESTS_PER_WINDOW = 8;

/** One shared controller and the requests in flight on it. */
export class DeadlineWindow {
  readonly controller = new AbortController();
  joined = 0;
  inFlight = 0;
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly timeoutMs: number,
    /** No request joins from then on. */
    readonly closesAt: number,
    /** When the controller aborts, if a request is still in flight: one window after the last one joining is due. */
    readonly abortsAt: number,
  ) {}
}

class SharedDeadlines {
  readonly #open = new Map<number, DeadlineWindow>();

  /** The window a request starting now joins; hand it back with {@link release} when the request settles. */
  join(timeoutMs: number, now: number = Date.now()): DeadlineWindow {
    let window = this.#open.get(timeoutMs);
    if (!window || now >= window.closesAt || window.joined >= MAX_REQUESTS_PER_WINDOW) {
      if (window?.inFlight === 0) this.#disarm(window);
      const length = Math.max(MIN_WINDOW_MS, timeoutMs / 100);
      window = new DeadlineWindow(timeoutMs, now + length, now + length + timeoutMs);
      this.#open.set(timeoutMs, window);
      this.#arm(window, now);
    }
    window.joined++;
    window.inFlight++;
    return window;
  }

  /** A request on `window` settled; the last one out of a window closed for joining clears its timer. */
  release(window: DeadlineWindow): void {
    if (--window.inFlight === 0 && this.#open.get(window.timeoutMs) !== window) this.#disarm(window);
  }

  #disarm(window: DeadlineWindow): void {
    clearTimeout(window.timer);
    window.timer = undefined;
  }

  #arm(window: DeadlineWindow, now: number): void {
    window.timer = setTimeout(() => {
      window.timer = undefined;
      if (this.#open.get(window.timeoutMs) === window) this.#open.delete(window.timeoutMs);
      window.controller.abort(new Error(`attempt exceeded its ${window.timeoutMs} ms timeout`));
    }, window.abortsAt - now);
    // Node: a pending network deadline must not keep the process alive on its own.
    (window.timer as { unref?: () => void }).unref?.();
  }
}

const sharedDeadlines = new SharedDeadlines();

/**
 * One attempt's precise timer, and the signal that cancels its network side. Without a caller's
 * signal that is a shared deadline window's; with one, the attempt's own, aborted at once when the
 * caller aborts. Either way nothing of the attempt stays behind when it settles: the timer is
 * cleared, the window handed back, and the caller's signal, however many calls share it, is
 * watched through one listener (`watchAbort`) and let go.
 */
export class AttemptDeadline {
  readonly signal: AbortSignal;
  /** The attempt's timeout fired (not the caller's signal). */
  timedOut = false;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #own: AbortController | undefined;
  readonly #window: DeadlineWindow | undefined;
  readonly #unwatchCaller: () => void;
  #rejectRace: (() => void) | undefined;

  constructor(timeout: number, caller: AbortSignal | undefined) {
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#abort(new Error(`attempt exceeded its ${timeout} ms timeout`));
    }, timeout);
    if (caller) {
      this.#own = new AbortController();
      this.signal = this.#own.signal;
      this.#unwatchCaller = watchAbort(caller, () => this.#abort(caller.reason));
    } else {
      this.#window = sharedDeadlines.join(timeout);
      this.signal = this.#window.controller.signal;
      this.#unwatchCaller = () => undefined;
    }
  }

  #abort(reason: unknown): void {
    this.#own?.abort(reason);
    this.#rejectRace?.();
  }

  /** Settles with the promise, or rejects as soon as the attempt is aborted (even if fetch ignores its signal). */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#rejectRace = () => {
        promise.catch(() => undefined);
        reject(undefined);
      };
      if (this.timedOut || this.#own?.signal.aborted) this.#rejectRace();
      else promise.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#unwatchCaller();
    if (this.#window) sharedDeadlines.release(this.#window);
  }
}
