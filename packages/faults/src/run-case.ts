import { monitorEventLoopDelay } from "node:perf_hooks";
import { inspect } from "node:util";
import { deepInspect, errorViews, findLeaks, logLineView } from "@openapp/conformance";
import { ScriptedServer, type TlsIdentity, closedPort, recordingLogger } from "@openapp/testing";
import { CALL_TIMEOUT_MS, type CaseEnv, type FaultCase } from "./cases.js";
import type { ErrorName, Op, ResolvedErrors, Target } from "./targets.js";

/** Event-loop delay at or above this is a hang, whatever the wall clock says. */
const MAX_LOOP_DELAY_MS = 200;
/** After the bound, the watchdog closes the servers so the call ends; this long more, then it gives up. */
const GRACE_MS = 2_000;

export interface CaseResult {
  id: string;
  /** Requests for the call's route (plus the redirect target and the other origin). */
  count: number;
  redirectedCount: number;
  otherOriginRequests: number;
  elapsedMs: number;
  loopMaxMs: number;
  errorName: string;
  /** The action reached a server more than once, or a read more often than allowed. */
  duplicate: boolean;
  leaks: string[];
  hang: string | undefined;
  /** The only hang is an event-loop delay, which a busy machine can cause too: worth a re-run alone. */
  loopOnly: boolean;
  /** Everything else wrong with the outcome (class, status, count below min, message). */
  problems: string[];
}

const CREDENTIAL_HEADERS = ["authorization", "cookie", "x-api-key", "proxy-authorization", "x-auth-token"];

/** Lines the vendor console loggers print while *_LOG=debug clients run (one shared buffer). */
export const consoleLines: string[] = [];
const LEVELS = ["debug", "info", "warn", "error", "log"] as const;
let restoreConsole: (() => void) | undefined;

/** Captures console output (the *_LOG=debug loggers write there); nothing is printed. */
export function captureConsole(): void {
  if (restoreConsole) return;
  const saved = LEVELS.map((level) => [level, console[level]] as const);
  for (const level of LEVELS) {
    console[level] = (...args: unknown[]) => {
      consoleLines.push(`${level} ${args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10, showHidden: true }))).join(" ")}`);
    };
  }
  restoreConsole = () => {
    for (const [level, fn] of saved) console[level] = fn;
    restoreConsole = undefined;
  };
}

export function releaseConsole(): void {
  restoreConsole?.();
}

/** Builds a client with the vendor's *_LOG=debug set only while the constructor reads it. */
function withDebugEnv<T>(envVar: string, build: () => T): T {
  const before = process.env[envVar];
  process.env[envVar] = "debug";
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env[envVar];
    else process.env[envVar] = before;
  }
}

const errorName = (error: unknown) => (error instanceof Error ? error.constructor.name : error === undefined ? "(resolved)" : typeof error);

/**
 * Runs one case's call and returns, once it settled and its servers are closed, the function that
 * judges it. Judging (util.inspect of errors and clients for the secret scan) is left for later, so
 * that it never runs while another case's call is measuring the event loop.
 */
/** The run's private CA (what the local gateway client trusts) and the two identities a server may present. */
export interface GatewayPki {
  ca: string;
  /** For the gateway's own name: what a real gateway presents. */
  gateway: TlsIdentity;
  /** Signed by the same CA for another name: the hostname-mismatch case. */
  impostor: TlsIdentity;
}

export async function runCase(fault: FaultCase, target: Target, op: Op, pki: GatewayPki, viaConsole: boolean): Promise<() => CaseResult> {
  const id = `${target.name} · ${op.label} · ${fault.name}${viaConsole ? " · *_LOG=debug" : ""}`;
  const tls = target.tls ? { tls: fault.impostorCertificate ? pki.impostor : pki.gateway } : {};
  const server = await ScriptedServer.start(tls);
  const other = fault.otherOrigin ? await ScriptedServer.start(target.tls ? { tls: pki.gateway } : {}) : undefined;
  const problems: string[] = [];
  try {
    const { logger, lines } = recordingLogger();
    const waiters: { pattern: RegExp; resolve: () => void }[] = [];
    const hooked = Object.fromEntries(
      (["debug", "info", "warn", "error"] as const).map((level) => [
        level,
        (message: string, fields?: Record<string, unknown>) => {
          logger[level](message, fields);
          for (const waiter of [...waiters]) {
            if (waiter.pattern.test(message)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve();
            }
          }
        },
      ]),
    );
    const controller = new AbortController();
    const env: CaseEnv = {
      target,
      op,
      server,
      other,
      controller,
      logged: (pattern) => new Promise((resolve) => waiters.push({ pattern, resolve })),
    };
    target.prepare(server);
    fault.script(env);

    // A closed port: same scheme and paths, nobody listening.
    let clientServer: ScriptedServer = server;
    if (fault.closedPort) {
      const port = await closedPort();
      clientServer = { origin: `${target.tls ? "https" : "http"}://127.0.0.1:${port}`, port } as ScriptedServer;
    }
    // The backoff-abort cases need the retry log line even in the console variant.
    const useLogger = !viaConsole || fault.drive !== undefined;
    const client = useLogger
      ? target.createClient(clientServer, { logger: hooked })
      : withDebugEnv(target.logEnv, () => target.createClient(clientServer));

    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const expectation = fault.expect(op, target);
    const startedAt = performance.now();
    const call = Promise.resolve()
      .then(() => op.invoke(client, { timeout: CALL_TIMEOUT_MS, ...fault.options, signal: controller.signal }))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const driving = fault.drive ? fault.drive(env) : Promise.resolve(undefined);
    let settledAt = 0;
    const settled = call.then((outcome) => {
      settledAt = performance.now();
      return outcome;
    });
    let hang: string | undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"watchdog">((resolve) => {
      watchdog = setTimeout(() => resolve("watchdog"), expectation.boundMs);
    });
    let outcome = await Promise.race([settled, timedOut]);
    clearTimeout(watchdog);
    if (outcome === "watchdog") {
      hang = `still running after ${expectation.boundMs} ms`;
      // Destroying the sockets ends a call stuck reading a body.
      await Promise.all([server.close(), other?.close()]);
      let grace: ReturnType<typeof setTimeout> | undefined;
      outcome = await Promise.race([settled, new Promise<"watchdog">((resolve) => (grace = setTimeout(() => resolve("watchdog"), GRACE_MS)))]);
      clearTimeout(grace);
      if (outcome === "watchdog") {
        hang += `, and ${GRACE_MS} ms after its server closed`;
        controller.abort(); // last resort, so the process does not keep a call alive
      }
    }
    histogram.disable();
    const elapsedMs = (settledAt || performance.now()) - startedAt;
    const loopMaxMs = histogram.max / 1e6;
    const abortedAt = await Promise.race([driving, Promise.resolve(undefined)]);
    await Promise.all([server.close(), other?.close()]);
    let loopOnly = false;
    if (!hang && loopMaxMs >= MAX_LOOP_DELAY_MS) {
      hang = `event loop blocked ${Math.round(loopMaxMs)} ms`;
      loopOnly = true;
    }
    if (!hang && elapsedMs > expectation.boundMs) hang = `took ${Math.round(elapsedMs)} ms (bound ${expectation.boundMs} ms)`;

    const result = outcome === "watchdog" ? undefined : outcome;
    const error = result && !result.ok ? result.error : undefined;

    // ---- counts: an action reaches the servers at most once, in total ----
    const count = server.count(op.method, op.path);
    const redirectedCount = server.count(op.method, `/moved${op.path}`);
    const otherOriginRequests = other?.count() ?? 0;
    const total = count + redirectedCount + (other?.count(op.method, op.path) ?? 0);
    const [min, max] = expectation.count;
    const duplicate = op.kind === "action" ? total > 1 : count > max;
    if (duplicate) problems.push(`reached the server ${total} times (route ${count}, same-origin target ${redirectedCount}, other origin ${otherOriginRequests}); allowed ${max}`);
    if (count < min) problems.push(`the server saw the request ${count} times; expected at least ${min}`);
    if (op.kind === "read" && fault.otherOrigin && otherOriginRequests > 0) problems.push(`the other origin received ${otherOriginRequests} request(s)`);

    // ---- the outcome ----
    const classes = target.errors.classes;
    if (expectation.error === undefined) {
      if (!result?.ok) problems.push(`expected success, got ${errorName(error)}: ${String((error as Error)?.message ?? error)}`);
      else {
        try {
          op.verify?.(result.value);
        } catch (failure) {
          problems.push(String(failure));
        }
      }
    } else if (result === undefined) {
      problems.push(`expected ${expectation.error}; the call never settled`);
    } else if (result.ok) {
      problems.push(`expected ${expectation.error}; the call succeeded with ${inspect(result.value, { depth: 1 }).slice(0, 120)}`);
    } else {
      const e = error as Error & { status?: unknown; retryAfterMs?: unknown };
      if (!(error instanceof classes.SdkError)) problems.push(`not an SdkError: ${errorName(error)}: ${String(e?.message ?? error).slice(0, 200)}`);
      else if (!isExpectedClass(error, expectation.error, target.errors)) problems.push(`expected ${expectation.error}, got ${errorName(error)}: ${String(e.message).slice(0, 200)}`);
      if (expectation.status !== undefined && e?.status !== expectation.status) problems.push(`status ${String(e?.status)}, expected ${expectation.status}`);
      if (expectation.retryAfterMs !== undefined && e?.retryAfterMs !== expectation.retryAfterMs) {
        problems.push(`retryAfterMs ${String(e?.retryAfterMs)}, expected ${expectation.retryAfterMs}`);
      }
      if (expectation.message && !expectation.message.test(String(e?.message))) problems.push(`message ${JSON.stringify(String(e?.message).slice(0, 200))} does not match ${expectation.message}`);
      if (expectation.maxMessageLength !== undefined && String(e?.message).length > expectation.maxMessageLength) {
        problems.push(`message is ${String(e?.message).length} characters (max ${expectation.maxMessageLength})`);
      }
      if (expectation.maxErrorJsonLength !== undefined) {
        let size = 0;
        try {
          size = JSON.stringify(error)?.length ?? 0;
        } catch {
          size = 0;
        }
        if (size > expectation.maxErrorJsonLength) problems.push(`JSON.stringify(error) is ${size} characters (max ${expectation.maxErrorJsonLength})`);
      }
    }
    if (expectation.abortBoundMs !== undefined && abortedAt !== undefined && settledAt > 0 && settledAt - abortedAt > expectation.abortBoundMs) {
      hang ??= `settled ${Math.round(settledAt - abortedAt)} ms after the abort (bound ${expectation.abortBoundMs} ms)`;
    }
    if (fault.drive && abortedAt === undefined && expectation.error === "AbortError") problems.push("the call ended before the scenario could abort it (no retry sleep?)");

    return () => {
    // ---- secrets: every view of the error, the logger, the client, the other origin ----
    const views: Record<string, string> = {
      ...(error !== undefined ? errorViews(error) : {}),
      ...(error instanceof Error ? { "error fields": deepInspect(Object.fromEntries(Object.entries(error))) } : {}),
      "util.inspect(client)": deepInspect(client),
      ...Object.fromEntries(lines.map((line, index) => [`logger line ${index + 1}`, logLineView(line)])),
    };
    const leaks = findLeaks(views, target.secrets);
    for (const request of other?.requests ?? []) {
      const carried = CREDENTIAL_HEADERS.filter((name) => request.headers[name] !== undefined);
      if (carried.length > 0) leaks.push(`other origin received ${request.method} ${request.path} with ${carried.join(", ")}`);
      leaks.push(...findLeaks({ [`other origin ${request.method} ${request.path}`]: `${request.url} ${JSON.stringify(request.headers)} ${request.body}` }, target.secrets));
    }
    return {
      id,
      count,
      redirectedCount,
      otherOriginRequests,
      elapsedMs,
      loopMaxMs,
      errorName: result?.ok ? "(resolved)" : errorName(error),
      duplicate,
      leaks,
      hang,
      loopOnly: loopOnly && hang?.startsWith("event loop") === true,
      problems,
    };
    };
  } finally {
    await Promise.all([server.close(), other?.close()]);
  }
}

/** Runs `work` over `items`, at most `concurrency` at a time, in order of start. */
export async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** One line per case for the report. */
export function describeResult(result: CaseResult): string {
  const flags = [
    result.duplicate ? "DUPLICATE" : "",
    result.leaks.length ? `LEAKS(${result.leaks.length})` : "",
    result.hang ? "HANG" : "",
  ].filter(Boolean);
  return `${result.id}: seen=${result.count} error=${result.errorName} ${Math.round(result.elapsedMs)}ms loop=${Math.round(result.loopMaxMs)}ms ${flags.join(" ")}`;
}

function isExpectedClass(error: unknown, name: ErrorName, errors: ResolvedErrors): boolean {
  const standIn = errors.standIns[name];
  return error instanceof errors.classes[name] || (standIn !== undefined && error instanceof standIn);
}
