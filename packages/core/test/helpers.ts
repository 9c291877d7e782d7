import type { FetchLike } from "../src/index.js";

export { json, steppedFetch } from "@openapp/testing";

/** Imitates undici's "fetch failed" TypeError carrying a system error code. */
export function networkError(code: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

/** A fetch that never answers unless its request signal aborts. */
export function hangingFetch(): FetchLike & { calls: number } {
  const fetch = (request: Request): Promise<Response> => {
    state.calls++;
    return new Promise((_resolve, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
    });
  };
  const state = Object.assign(fetch, { calls: 0 });
  return state;
}

/** Captures the settled outcome of a promise without awaiting it, for fake-timer tests. */
export function track<T>(promise: Promise<T>): { settled: () => boolean; result: () => Promise<T> } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { settled: () => done, result: () => promise };
}
