/**
 * Property tests against every façade: whatever a caller passes to a client's constructor or to
 * any method of the client and its resources (wrong types, huge numbers, NaN, odd strings, null
 * prototypes, getters and proxies that throw, cycles, BigInts), every failure is an SdkError,
 * and a refusal of the input (ConfigError, ValidationError) sends no request.
 */
import fc from "fast-check";
import { ScriptedServer } from "@openapp/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapters } from "../src/adapters/index.js";
import { Odd, TRAPS, hostile, hostileRecord, isThenable, materialize, methodsOf, surfacesOf } from "../src/hostile.js";

for (const name of Object.keys(process.env)) if (/^(OPENAPP|OMLET|OVERKIZ)_/.test(name)) delete process.env[name];

// Reproducible in CI; FC_SEED=<n> explores other inputs.
const seed = Number(process.env.FC_SEED ?? 20_201);
const REQUEST_OPTIONS = ["signal", "timeout", "maxRetries", "headers", "idempotencyKey", "correlationId", "middleware", "maxResponseBytes", "org"];
// A call still running after this is left to its own timeout: inputs that were accepted.
const SETTLE_BOUND_MS = 1_500;

let server: ScriptedServer;
beforeAll(async () => {
  server = await ScriptedServer.start();
});
afterAll(async () => {
  await server?.close();
});

/** What a thrown or rejected value was, for a failure message. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message.slice(0, 300)}`;
  return typeof error;
}

type Outcome = { kind: "resolved" | "pending" } | { kind: "threw" | "rejected"; error: unknown };

async function outcomeOf(run: () => unknown): Promise<Outcome> {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    return { kind: "threw", error };
  }
  if (!isThenable(result)) return { kind: "resolved" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "pending" }), SETTLE_BOUND_MS);
  });
  const settled = Promise.resolve(result).then(
    (): Outcome => ({ kind: "resolved" }),
    (error: unknown): Outcome => ({ kind: "rejected", error }),
  );
  try {
    return await Promise.race([settled, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every method of the client, its resources and the adapter's extra surfaces. */
function callsOf(surfaces: [string, object][]): { id: string; surface: object; method: string }[] {
  return surfaces.flatMap(([surfaceName, surface]) => methodsOf(surface).map((method) => ({ id: `${surfaceName}.${method}`, surface, method })));
}

function invoke(surface: object, method: string, args: unknown[]): unknown {
  return (surface as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
}

// Each trap as each of the first four arguments, itself or in a list or object, after ids that
// pass each vendor's id checks (a plain id, an Overkiz device URL), so later arguments are read.
const LEADING_IDS = ["dev-1", "io://1234-5678-9012/5"];
const TRAP_SHAPES = [
  { shape: "", wrap: (odd: Odd): unknown => odd },
  { shape: " in a list", wrap: (odd: Odd): unknown => [odd] },
  { shape: " in an object", wrap: (odd: Odd): unknown => ({ name: odd }) },
];
const TRAP_PLACEMENTS = [...TRAPS].flatMap((trap) =>
  [0, 1, 2, 3].flatMap((position) =>
    LEADING_IDS.slice(0, position === 0 ? 1 : undefined).flatMap((id) =>
      TRAP_SHAPES.map(({ shape, wrap }) => ({
        label: `${trap}${shape} as argument ${position + 1}${position > 0 ? ` after ${JSON.stringify(id)}` : ""}`,
        args: () => materialize([...Array.from({ length: position }, () => id), wrap(new Odd(trap))]) as unknown[],
      })),
    ),
  ),
);

describe.each(adapters)("hostile inputs: $name", (adapter) => {
  const { SdkError, ConfigError, ValidationError } = adapter.errors;
  const isRefusal = (error: unknown) => error instanceof ConfigError || error instanceof ValidationError;

  it("every method, every argument: a getter or proxy that throws is an SdkError, and nothing is sent", async () => {
    adapter.prepare?.(server);
    const client = adapter.createClient(server, { maxRetries: 0, timeout: 1_000 });
    const problems: string[] = [];
    for (const { id, surface, method } of callsOf(surfacesOf(client, adapter.extraSurfaces?.(client as never)))) {
      for (const { label, args } of TRAP_PLACEMENTS) {
        const before = server.count();
        const outcome = await outcomeOf(() => invoke(surface, method, args()));
        if (outcome.kind === "threw" && !(id in adapter.syncHelpers)) problems.push(`${id} ← ${label}: threw synchronously`);
        if ((outcome.kind === "threw" || outcome.kind === "rejected") && !(outcome.error instanceof SdkError)) {
          problems.push(`${id} ← ${label}: ${describeFailure(outcome.error).slice(0, 120)}`);
        } else if (outcome.kind !== "pending" && "error" in outcome && isRefusal(outcome.error) && server.count() !== before) {
          problems.push(`${id} ← ${label}: refused after sending ${server.count() - before} request(s)`);
        }
      }
    }
    expect(problems, "raw errors or requests before a refusal").toEqual([]);
    await (client as { close?: () => unknown }).close?.();
  }, 120_000);

  it("constructor options: every throw is an SdkError (a ConfigError), and nothing is sent", () => {
    const problems = new Map<string, string>();
    fc.assert(
      fc.property(hostileRecord(adapter.optionNames), (generated) => {
        const extra = materialize(generated) as Record<string, unknown>;
        adapter.prepare?.(server);
        const before = server.count();
        try {
          adapter.createClient(server, extra);
        } catch (error) {
          if (!(error instanceof SdkError)) problems.set(describeFailure(error), `new client(${String(Object.keys(generated))}) with ${fc.stringify(generated)}`);
        }
        if (server.count() !== before) problems.set("requests", `new client(${fc.stringify(generated)}) sent a request`);
      }),
      { seed, numRuns: Number(process.env.FC_RUNS ?? 600) },
    );
    expect([...problems].map(([error, input]) => `${error} ← ${input}`), "raw errors from the constructor").toEqual([]);
  });

  it("every method of the client and its resources: rejections are SdkErrors, refusals send nothing", async () => {
    adapter.prepare?.(server);
    const client = adapter.createClient(server, { maxRetries: 0, timeout: 1_000 });
    const surfaces = surfacesOf(client, adapter.extraSurfaces?.(client as never));
    const calls = callsOf(surfaces);
    // Positional arguments get every hostile value, getters and proxies that throw included.
    const args = fc.tuple(fc.array(hostile({ traps: true }), { maxLength: 3 }), fc.option(hostileRecord(REQUEST_OPTIONS), { nil: undefined }));
    const problems = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), args, async ({ id, surface, method }, [leading, options]) => {
        const before = server.count();
        const callArgs = materialize(options === undefined ? leading : [...leading, options]) as unknown[];
        const outcome = await outcomeOf(() => invoke(surface, method, callArgs));
        const input = () => fc.stringify([leading, options]).slice(0, 300);
        if (outcome.kind === "threw" && !(id in adapter.syncHelpers)) problems.set(id, `threw synchronously: ${describeFailure(outcome.error)} ← ${input()}`);
        if (outcome.kind === "threw" || outcome.kind === "rejected") {
          if (!(outcome.error instanceof SdkError)) problems.set(`${id} ${describeFailure(outcome.error).slice(0, 60)}`, `${outcome.kind} ${describeFailure(outcome.error)} ← ${input()}`);
          else if (isRefusal(outcome.error) && server.count() !== before && !/response/.test((outcome.error as Error).message)) {
            problems.set(id, `refused the input (${describeFailure(outcome.error)}) after sending ${server.count() - before} request(s)`);
          }
        }
      }),
      { seed, numRuns: Number(process.env.FC_RUNS ?? 600) },
    );
    expect([...problems].map(([id, problem]) => `${id}: ${problem}`), "raw errors or requests before a refusal").toEqual([]);
    await (client as { close?: () => unknown }).close?.();
  }, 120_000);
});
