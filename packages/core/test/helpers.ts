import type { FetchLike } from "../src/index.js";

export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  signal: AbortSignal;
}

type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * A fetch that answers from a script, one step per call, and records what it was sent.
 * Running past the script fails loudly so a test never passes by accident.
 */
export function scriptedFetch(...steps: Step[]): FetchLike & { calls: SeenRequest[] } {
  const calls: SeenRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    calls.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: await request.clone().text(),
      signal: request.signal,
    });
    const step = steps[calls.length - 1];
    if (step === undefined) throw new Error(`unexpected request #${calls.length}: ${request.method} ${request.url}`);
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step(request) : step;
  };
  return Object.assign(fetch, { calls });
}

export { json } from "@openapp/testing";

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
