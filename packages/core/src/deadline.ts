/**
 * Network-side timeouts without an AbortController per request: creating an AbortSignal is the
 * single most expensive step of a request in Node (it is a transferable object). Requests that
 * start within the same short window share one controller, which aborts one window *after* the
 * latest of them is due, so no request is cancelled early and none more than 1% late. The
 * caller-facing TimeoutError is raised on time by the per-attempt timer in the transport.
 */
interface Bucket {
  controller: AbortController;
  openUntil: number;
}

const MIN_WINDOW_MS = 10;

export class SharedDeadlines {
  readonly #buckets = new Map<number, Bucket>();

  signalFor(timeoutMs: number, now: number = Date.now()): AbortSignal {
    const bucket = this.#buckets.get(timeoutMs);
    if (bucket && now < bucket.openUntil) return bucket.controller.signal;
    return this.#open(timeoutMs, now).controller.signal;
  }

  #open(timeoutMs: number, now: number): Bucket {
    const window = Math.max(MIN_WINDOW_MS, timeoutMs / 100);
    const bucket: Bucket = { controller: new AbortController(), openUntil: now + window };
    const timer = setTimeout(() => {
      bucket.controller.abort(new Error(`attempt exceeded its ${timeoutMs} ms timeout`));
      if (this.#buckets.get(timeoutMs) === bucket) this.#buckets.delete(timeoutMs);
    }, timeoutMs + window);
    // Node: a pending network deadline must not keep the process alive on its own.
    (timer as { unref?: () => void }).unref?.();
    this.#buckets.set(timeoutMs, bucket);
    return bucket;
  }
}
