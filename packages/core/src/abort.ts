import { AbortError } from "./errors.js";

/** The callbacks waiting on one signal, behind the single listener that calls them. */
interface Watchers {
  readonly callbacks: Set<() => void>;
  readonly fire: () => void;
}

const watched = new WeakMap<AbortSignal, Watchers>();
const NOT_WATCHING = (): void => undefined;

/**
 * Calls `onAbort` once when `signal` aborts (at once when it already has) and returns the function
 * that stops watching. However many calls watch one signal, it carries a single listener, removed
 * when the last of them stops: a signal shared by every call of an application (a shutdown signal,
 * a mirror's stop signal) never collects listeners, prints no MaxListeners warning and keeps
 * nothing of a call once the call has stopped watching. Unlike `AbortSignal.any`, nothing is
 * retained per watch either.
 */
export function watchAbort(signal: AbortSignal, onAbort: () => void): () => void {
  if (signal.aborted) {
    onAbort();
    return NOT_WATCHING;
  }
  let watchers = watched.get(signal);
  if (!watchers) {
    const callbacks = new Set<() => void>();
    const fire = (): void => {
      watched.delete(signal);
      // A copy: a callback may stop another watch while they run.
      for (const callback of [...callbacks]) callback();
      callbacks.clear();
    };
    watchers = { callbacks, fire };
    watched.set(signal, watchers);
    signal.addEventListener("abort", fire, { once: true });
  }
  // Its own function per watch, so watching twice with the same callback still stops separately.
  const callback = (): void => onAbort();
  const { callbacks, fire } = watchers;
  callbacks.add(callback);
  return () => {
    if (!callbacks.delete(callback) || callbacks.size > 0 || watched.get(signal) !== watchers) return;
    watched.delete(signal);
    signal.removeEventListener("abort", fire);
  };
}

/** What {@link linkSignals} gives: the combined signal and the function that lets go of the inputs. */
export interface LinkedSignal {
  /** Aborts, with the same reason, when any input does. */
  readonly signal: AbortSignal;
  /** Stops watching the inputs; call it when the work the signal guards is done. */
  readonly release: () => void;
}

/**
 * A signal that aborts, with the same reason, when any of `signals` does, and `release` that lets
 * go of them. Call `release` when the work it guards is done: from then on nothing of it stays on
 * the inputs, however long they live.
 */
export function linkSignals(signals: readonly AbortSignal[]): LinkedSignal {
  const controller = new AbortController();
  const unwatches: (() => void)[] = [];
  const release = (): void => {
    for (const unwatch of unwatches.splice(0)) unwatch();
  };
  for (const signal of signals) {
    unwatches.push(
      watchAbort(signal, () => {
        release();
        controller.abort(signal.reason);
      }),
    );
    if (controller.signal.aborted) break;
  }
  return { signal: controller.signal, release };
}

export function abortErrorFrom(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortError) return reason;
  return new AbortError("Request was aborted by the caller", { cause: reason });
}

export function throwIfAborted(signal: AbortSignal | null | undefined): void {
  if (signal?.aborted) throw abortErrorFrom(signal);
}

/** Waits `ms` milliseconds unless the signal fires first, which rejects with AbortError. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorFrom(signal));
      return;
    }
    let unwatch = NOT_WATCHING;
    const timer = setTimeout(() => {
      unwatch();
      resolve();
    }, ms);
    if (signal) {
      unwatch = watchAbort(signal, () => {
        clearTimeout(timer);
        reject(abortErrorFrom(signal));
      });
    }
  });
}
