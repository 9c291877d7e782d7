import type { Received, Reply, ScriptedServer } from "@openapp/testing";

/**
 * What goes wrong on the first attempt of a keyed action. In every case the server has run the
 * action (or is still running it), so only a server that deduplicates by key makes a resend safe.
 */
export type DedupFault =
  /** Runs, starts answering, and the answer is lost: the connection drops mid-body. */
  | "lost answer"
  /** Runs, and the connection drops without a byte of answer. */
  | "dropped connection"
  /** Runs, and never answers: the client's per-attempt timeout fires. */
  | "timeout"
  /** Runs, and a gateway in front answers 502. */
  | "5xx"
  /**
   * Starts running, slower than the client's timeout: the resend arrives while the first is still
   * in flight and gets 409 in-flight; a later one gets the first result.
   */
  | "in flight";

/** How the vendor's server says things the suite's deduplicating server must say. */
export interface DedupDialect {
  /** The idempotency key header, lower-cased (`idempotency-key`). */
  header: string;
  /** The answer to a request whose key is still running. */
  inFlight: Reply;
  /** The answer to a key reused with another body. */
  conflict: Reply;
  /** The success body, marked as a replay. */
  replay(success: unknown): unknown;
}

interface KeyState {
  body: string;
  runs: number;
  done: boolean;
}

/** How long the "in flight" fault keeps its first request running: longer than the client's timeout and first backoff. */
const IN_FLIGHT_MS = 1_200;

/**
 * A route of `server` that deduplicates by idempotency key, as the API promises: the first request
 * with a key runs the action once (counted in `runs`); a repeat with the same key and body
 * while it runs is answered in-flight, after it ran with the first result marked as a replay; the
 * same key with another body is a conflict; a request without a key is refused (400), so an
 * unkeyed resend would show. `fault` spoils the first attempt's answer.
 */
export function deduplicatingRoute(
  server: ScriptedServer,
  route: { method: string; path: string; success: Reply },
  dialect: DedupDialect,
  fault: DedupFault,
): { runs: () => number; keys: () => string[] } {
  const byKey = new Map<string, KeyState>();
  const keys: string[] = [];
  const success = route.success as { status?: number; body?: unknown };
  let attempts = 0;
  server.on(route.method, route.path, (request: Received): Reply => {
    attempts += 1;
    const key = request.headers[dialect.header];
    if (key === undefined) return { status: 400, body: { message: "this server deduplicates: an idempotency key is required" } };
    keys.push(key);
    const state = byKey.get(key);
    if (state) {
      if (state.body !== request.body) return dialect.conflict;
      if (!state.done) return dialect.inFlight;
      return { status: success.status ?? 200, body: dialect.replay(success.body) };
    }
    const fresh: KeyState = { body: request.body, runs: 1, done: fault !== "in flight" };
    byKey.set(key, fresh);
    if (attempts > 1) return route.success;
    switch (fault) {
      case "lost answer":
        return { status: success.status ?? 200, body: JSON.stringify(success.body), sendBytes: 8, then: "drop" };
      case "dropped connection":
        return { destroy: "after-body" };
      case "timeout":
        return { hang: true };
      case "5xx":
        return { status: 502, body: { message: "upstream gateway timed out" } };
      case "in flight":
        setTimeout(() => {
          fresh.done = true;
        }, IN_FLIGHT_MS).unref();
        return { hang: true };
    }
  });
  return { runs: () => [...byKey.values()].reduce((total, state) => total + state.runs, 0), keys: () => keys };
}
