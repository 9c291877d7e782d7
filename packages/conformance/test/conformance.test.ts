/**
 * One behavioural suite for every façade (what it checks: ../README.md): safe resend, retries,
 * Retry-After, aborts, redaction, input refusal, no synchronous throws. Transport cases use the
 * clients' real global fetch against a scripted server on 127.0.0.1.
 */
import { type ExpectStatic, afterAll, describe, test, vi } from "vitest";
import { type Reply, ScriptedServer, recordingLogger } from "@openapp/testing";
import type { CallOptions, ConformanceAdapter, Operation, VendorErrors } from "../src/adapter.js";
import { adapters } from "../src/adapters/index.js";
import { isThenable, methodsOf, surfacesOf } from "../src/hostile.js";
import { deepInspect, errorViews, findLeaks, logLineView } from "../src/secrets.js";
import { type DedupFault, deduplicatingRoute } from "../src/deduplicating.js";

const DEDUP_FAULTS: readonly DedupFault[] = ["lost answer", "dropped connection", "timeout", "5xx", "in flight"];

// The suite is about defaults: environment variables must not configure the clients.
for (const name of Object.keys(process.env)) if (/^(OPENAPP|OMLET|OVERKIZ)_/.test(name)) delete process.env[name];

const open = new Set<ScriptedServer>();
// Each test gets its own server; the fixture closes it whether the test passed or failed.
const it = test.extend<{ server: ScriptedServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures take their dependencies by destructuring.
  server: async ({}, use) => {
    const server = await ScriptedServer.start();
    open.add(server);
    try {
      await use(server);
    } finally {
      open.delete(server);
      await server.close();
    }
  },
});

const checks = new Map<string, number>();
afterAll(async () => {
  await Promise.all([...open].map((server) => server.close()));
  for (const [vendor, count] of checks) console.log(`conformance ${vendor}: ${count} checks`);
});

/** The error a call ends with, whether it threw synchronously or rejected; fails if it resolved. */
async function failureOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

const errorClassNames = ["InternalServerError", "RateLimitError", "ConnectionError", "TimeoutError"] as const satisfies readonly (keyof VendorErrors)[];

interface FailureCase {
  name: string;
  reply: (adapter: ConformanceAdapter) => Reply;
  options?: CallOptions;
  error: (typeof errorClassNames)[number];
  /**
   * Make a successful read and a successful POST on other routes first, so cold code paths and
   * a new connection cannot eat the short per-attempt timeout before the request reaches the server.
   */
  warmUp?: boolean;
}

const failureCases: readonly FailureCase[] = [
  { name: "503", reply: (a) => ({ status: 503, body: a.errorBody("Service temporarily unavailable") }), error: "InternalServerError" },
  { name: "429 without Retry-After", reply: (a) => ({ status: 429, body: a.errorBody("Too many requests") }), error: "RateLimitError" },
  {
    name: "429 with Retry-After: 1",
    reply: (a) => ({ status: 429, headers: { "retry-after": "1" }, body: a.errorBody("Too many requests") }),
    error: "RateLimitError",
  },
  { name: "socket destroyed after the request was read", reply: () => ({ destroy: "after-body" }), error: "ConnectionError" },
    {
    name: "per-attempt timeout (server never answers)",
    reply: () => ({ hang: true }),
    options: { timeout: 200 },
    error: "TimeoutError",
    warmUp: true,
  },
];

const HANG_BOUND_MS = 2_000; // a hang detector, not a performance assertion

describe.each(adapters)("conformance: $name", (adapter) => {
  const vendorIt = (name: string, fn: (context: { server: ScriptedServer; expect: ExpectStatic }) => Promise<void>) => {
    checks.set(adapter.vendor, (checks.get(adapter.vendor) ?? 0) + 1);
    it.concurrent(name, fn);
  };
  const clientFor = (server: ScriptedServer, extra?: Record<string, unknown>) => {
    adapter.prepare?.(server);
    return adapter.createClient(server, extra);
  };
  const countOf = (server: ScriptedServer, op: Operation<object>) => server.count(op.method, op.path);

  describe("1. a state-changing request that may have reached the server is sent exactly once", () => {
    for (const op of [adapter.action, adapter.write]) {
      for (const failure of failureCases) {
        for (const idempotencyKey of [undefined, "k1"]) {
          const withKey = idempotencyKey ? ", with idempotencyKey" : "";
          vendorIt(`${op.label}: ${failure.name}${withKey}`, async ({ server, expect }) => {
            server.on(op.method, op.path, failure.reply(adapter));
            const client = clientFor(server);
            if (failure.warmUp) {
              // A read and the other state-changing call, on their own routes: the counted route stays untouched.
              const other = op === adapter.action ? adapter.write : adapter.action;
              for (const warm of [adapter.read, other]) {
                server.on(warm.method, warm.path, warm.success);
                await warm.invoke(client);
              }
            }
            const options: CallOptions = { ...failure.options, ...(idempotencyKey ? { idempotencyKey } : {}) };
            const error = await failureOf(() => op.invoke(client, options));
            // Soft: a failure reports every broken property of the call, not only the first.
            expect.soft(countOf(server, op), `${op.method} ${op.path} must reach the server once`).toBe(1);
            expect.soft(error, `expected an SdkError, got ${String(error)}`).toBeInstanceOf(adapter.errors.SdkError);
            expect.soft(error, `expected ${failure.error}, got ${String(error)}`).toBeInstanceOf(adapter.errors[failure.error]);
            // None of these APIs deduplicates by key, so the key must not be sent at all (under any header name).
            const keyHeaders = server.requests.flatMap((r) =>
              Object.entries(r.headers).filter(([name, value]) => /idempotency/i.test(name) || value === idempotencyKey),
            );
            expect.soft(keyHeaders, "idempotency key sent").toEqual([]);
          });
        }
      }
    }
  });

  describe("1b. an operation the API deduplicates by key runs once, whatever the network does", () => {
    const deduplicated = adapter.deduplicated;
    if (!deduplicated) {
      vendorIt("has no operation the API deduplicates: every action is proven sent once above", async () => undefined);
      return;
    }
    for (const op of deduplicated.operations) {
      for (const fault of DEDUP_FAULTS) {
        for (const idempotencyKey of [undefined, "conformance-key-0001"]) {
          const whose = idempotencyKey ? "the caller's key" : "a generated key";
          vendorIt(`${op.label}: ${fault}, ${whose}`, async ({ server, expect }) => {
            const route = deduplicatingRoute(server, op, deduplicated.dialect, fault);
            const client = deduplicated.createClient(server);
            // A short timeout for the faults that never answer; the in-flight one runs longer than it.
            const options: CallOptions = { timeout: 400, ...(idempotencyKey ? { idempotencyKey } : {}) };
            const result = await op.invoke(client, options);
            const keys = route.keys();
            expect.soft(route.runs(), "the action ran once").toBe(1);
            expect.soft(keys.length, "the action reached the server again after the fault").toBeGreaterThanOrEqual(2);
            expect.soft(new Set(keys).size, `one key on every attempt, got ${keys.join(", ")}`).toBe(1);
            if (idempotencyKey) expect.soft(keys[0]).toBe(idempotencyKey);
            expect.soft(new Set(server.requests.map((request) => request.body)).size, "the same body on every attempt").toBe(1);
            expect.soft(result, "the caller gets the one result").toMatchObject({ idempotent_replay: true });
          });
        }
      }
      vendorIt(`${op.label}: a key reused with another body is refused, not resent`, async ({ server, expect }) => {
        const route = deduplicatingRoute(server, op, deduplicated.dialect, "5xx");
        const client = deduplicated.createClient(server);
        server.on(op.method, op.path, deduplicated.dialect.conflict);
        const error = await failureOf(() => op.invoke(client, { idempotencyKey: "reused-key" }));
        expect.soft(error).toBeInstanceOf(adapter.errors.SdkError);
        expect.soft((error as { status?: number }).status).toBe(409);
        expect.soft(server.count(op.method, op.path), "sent once").toBe(1);
        expect.soft(route.runs()).toBe(0);
      });
    }
  });

  describe("2. reads are retried on 503 with Retry-After", () => {
    const read = adapter.read;
    for (const seconds of [0, 1]) {
      vendorIt(`${read.label}: 503 with Retry-After: ${seconds}, then success`, async ({ server, expect }) => {
        server.on(read.method, read.path, { status: 503, headers: { "retry-after": String(seconds) }, body: adapter.errorBody("Busy") }, read.success);
        const client = clientFor(server);
        const started = Date.now();
        const result = await read.invoke(client);
        read.verify?.(result);
        expect(countOf(server, read)).toBe(2);
        // Retry-After is honoured, not replaced by a shorter backoff (timers never fire early by more than a tick).
        if (seconds > 0) expect(Date.now() - started).toBeGreaterThanOrEqual(seconds * 1000 - 50);
      });
    }
  });

  describe("3. a Retry-After beyond the cap fails at once", () => {
    const read = adapter.read;
    vendorIt(`${read.label}: 429 with Retry-After: 3600 → RateLimitError, one request`, async ({ server, expect }) => {
      server.on(read.method, read.path, { status: 429, headers: { "retry-after": "3600" }, body: adapter.errorBody("Rate limit exceeded") });
      const client = clientFor(server);
      const error = await failureOf(() => read.invoke(client));
      expect.soft(error, String(error)).toBeInstanceOf(adapter.errors.RateLimitError);
      expect.soft((error as { retryAfterMs?: unknown }).retryAfterMs, "retryAfterMs").toBe(3_600_000);
      expect.soft(countOf(server, read), "requests for the read").toBe(1);
    });
  });

  describe("4. the caller's AbortSignal stops everything at once", () => {
    for (const op of [adapter.read, adapter.action]) {
      vendorIt(`${op.label}: abort while the server holds the request → AbortError`, async ({ server, expect }) => {
        server.on(op.method, op.path, { hang: true });
        const client = clientFor(server);
        const controller = new AbortController();
        const outcome = failureOf(() => op.invoke(client, { signal: controller.signal }));
        await server.received(op.method, op.path);
        const abortedAt = Date.now();
        controller.abort();
        const error = await outcome;
        expect(Date.now() - abortedAt).toBeLessThan(HANG_BOUND_MS);
        expect(error, String(error)).toBeInstanceOf(adapter.errors.AbortError);
        expect(countOf(server, op)).toBe(1);
      });
    }

    vendorIt(`${adapter.read.label}: abort during the Retry-After: 30 wait → AbortError`, async ({ server, expect }) => {
      const read = adapter.read;
      server.on(read.method, read.path, { status: 503, headers: { "retry-after": "30" }, body: adapter.errorBody("Busy") }, read.success);
      const client = clientFor(server);
      const controller = new AbortController();
      const outcome = failureOf(() => read.invoke(client, { signal: controller.signal }));
      await server.received(read.method, read.path);
      // Scenario step, not a timing fix: abort once the client is (very likely) in its 30 s sleep.
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const error = await outcome;
      expect(Date.now() - started).toBeLessThan(HANG_BOUND_MS);
      expect(error, String(error)).toBeInstanceOf(adapter.errors.AbortError);
      expect(countOf(server, read)).toBe(1);
    });

    vendorIt(`${adapter.action.label}: an already aborted signal sends nothing`, async ({ server, expect }) => {
      const client = clientFor(server);
      const controller = new AbortController();
      controller.abort();
      const error = await failureOf(() => adapter.action.invoke(client, { signal: controller.signal }));
      expect(error, String(error)).toBeInstanceOf(adapter.errors.AbortError);
      expect(countOf(server, adapter.action)).toBe(0);
    });
  });

  describe("5. secrets never appear", () => {
    vendorIt(`${adapter.read.label}: 401 echoing the credentials`, async ({ server, expect }) => {
      const read = adapter.read;
      const echoed = (headers: Record<string, string>) => [headers.authorization, headers.cookie, headers["x-api-key"], ...adapter.secrets].filter(Boolean).join(" | ");
      server.on(read.method, read.path, (request) => ({
        status: 401,
        headers: {
          "www-authenticate": `Bearer realm="api", error="invalid_token", error_description="${echoed(request.headers)}"`,
          // A debugging proxy echoing the request under a header name that says nothing about credentials.
          "x-upstream-echo": echoed(request.headers),
          "x-request-id": "req-conformance-401",
        },
        body: {
          ...adapter.errorBody(`Credentials rejected: ${echoed(request.headers)}`),
          echo: { authorization: request.headers.authorization, cookie: request.headers.cookie, password: adapter.secrets.join(" ") },
          hint: `received ${echoed(request.headers)}`,
        },
      }));
      const { logger, lines } = recordingLogger();
      const client = clientFor(server, { logger });
      const error = await failureOf(() => read.invoke(client));

      // The test only means something if the credentials really went out.
      const sent = server.requests.map((r) => `${JSON.stringify(r.headers)} ${r.body}`).join("\n");
      expect(adapter.secrets.some((secret) => sent.includes(secret)), "the client sent none of its secrets").toBe(true);
      expect(error, String(error)).toBeInstanceOf(adapter.errors.SdkError);
      expect((error as { status?: unknown }).status).toBe(401);

      const views: Record<string, string> = {
        ...errorViews(error),
        "util.inspect(client)": deepInspect(client),
        ...Object.fromEntries(lines.map((line, index) => [`logger line ${index + 1}`, logLineView(line)])),
      };
      const leaks = findLeaks(views, adapter.secrets);
      expect(leaks, `secrets leaked:\n${leaks.join("\n")}`).toEqual([]);
    });
  });

  describe("6. unknown client options are refused before any request", () => {
    const cases = [
      { key: "interceptors", value: [], mentions: "middleware" },
      { key: "maxRetry", value: 5, mentions: "maxRetries" },
    ];
    for (const { key, value, mentions } of cases) {
      vendorIt(`constructor option ${key} → ConfigError naming it and suggesting ${mentions}`, async ({ server, expect }) => {
        adapter.prepare?.(server);
        let error: unknown;
        try {
          adapter.createClient(server, { [key]: value });
        } catch (thrown) {
          error = thrown;
        }
        expect(error, `new client({ ${key} }) did not throw`).toBeInstanceOf(adapter.errors.ConfigError);
        expect((error as Error).message).toContain(key);
        expect((error as Error).message).toContain(mentions);
        expect(server.count()).toBe(0);
      });
    }
  });

  describe("6b. a credential not safe in a header is a ConfigError before any request", () => {
    for (const [what, secret] of [
      ["a newline", "confSecret\nX-Injected: 1"],
      ["a space", "confSecret other"],
      ["a control character", "confSecret\u0000"],
    ] as const) {
      vendorIt(`a credential with ${what} → ConfigError, not a raw TypeError`, async ({ server, expect }) => {
        adapter.prepare?.(server);
        const error = await failureOf(async () => {
          const client = adapter.withCredential(server, `${secret}Tail`);
          await adapter.read.invoke(client);
        });
        expect(error).toBeInstanceOf(adapter.errors.ConfigError);
        expect((error as Error).message).toMatch(/whitespace|control/);
        expect(server.count()).toBe(0);
      });
    }
  });

  describe("6c. a call that needs credentials, without any, is a ConfigError before any request", () => {
    vendorIt(`${adapter.read.label} with no credentials → ConfigError`, async ({ server, expect }) => {
      adapter.prepare?.(server);
      // No credential may come in from the environment either.
      for (const name of ["OPENAPP_API_KEY", "OMLET_API_KEY"]) vi.stubEnv(name, "");
      const error = await failureOf(async () => {
        const client = adapter.withoutCredentials(server);
        await adapter.read.invoke(client);
      }).finally(() => vi.unstubAllEnvs());
      expect(error, String(error)).toBeInstanceOf(adapter.errors.ConfigError);
      expect(server.count()).toBe(0);
    });
  });

  describe("7. unknown parameter keys are refused before the network", () => {
    for (const paramCase of adapter.unknownParams) {
      vendorIt(`${paramCase.label} → ValidationError naming ${paramCase.key}`, async ({ server, expect }) => {
        const client = clientFor(server);
        const error = await failureOf(() => paramCase.invoke(client));
        expect(error, String(error)).toBeInstanceOf(adapter.errors.ValidationError);
        expect((error as Error).message).toContain(paramCase.key);
        if (paramCase.messageMatches) expect((error as Error).message).toMatch(paramCase.messageMatches);
        expect(server.count()).toBe(0);
      });
    }
  });

  describe("7b. a request body JSON cannot carry is refused before the network", () => {
    const cycle: Record<string, unknown> = { name: "loop" };
    cycle.self = cycle;
    const unsendable: [string, unknown][] = [
      ["a BigInt", 10n],
      ["a cycle", cycle],
      ["a Symbol", Symbol("value")],
      ["a function", () => "open"],
      ["NaN", Number.NaN],
      ["a Map", new Map([["level", 1]])],
      ["a toJSON that throws", { toJSON: () => { throw new RangeError("Invalid time value"); } }],
    ];
    for (const [what, value] of unsendable) {
      vendorIt(`${adapter.bodyCarrying.label} with ${what} → ValidationError naming the operation, nothing sent`, async ({ server, expect }) => {
        const client = clientFor(server);
        const error = await failureOf(() => adapter.bodyCarrying.invoke(client, value));
        expect.soft(error, String(error)).toBeInstanceOf(adapter.errors.ValidationError);
        // The vendors' own SDKs raise a SerializationError here; ours is that ValidationError subclass.
        expect.soft((error as Error).name, "error name").toBe("SerializationError");
        expect.soft((error as Error).message, "names the operation and the body").toMatch(/\w+ \w+: request body/);
        expect.soft(server.count(), "requests sent").toBe(0);
      });
    }
  });

  describe("8. nothing that returns a promise throws synchronously", () => {
    vendorIt("every method of the client and its resources, with no and with garbage arguments", async ({ server, expect }) => {
      // Bounded so that calls left running by garbage input settle quickly.
      const client = clientFor(server, { maxRetries: 0, timeout: 1_000 }) as Record<string, unknown>;
      const surfaces = surfacesOf(client, adapter.extraSurfaces?.(client as never));

      const garbage: unknown[][] = [[], [null, null, null, null], [42, { bogus: true }, "x", []], ["", -1, Number.NaN, {}]];
      const thrown: string[] = [];
      const seen = new Set<string>();
      const running: PromiseLike<unknown>[] = [];
      for (const [surfaceName, surface] of surfaces) {
        for (const method of methodsOf(surface)) {
          const id = `${surfaceName}.${method}`;
          seen.add(id);
          const threwWith: string[] = [];
          for (const args of garbage) {
            try {
              const result = (surface as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
              if (isThenable(result)) running.push(Promise.resolve(result).catch(() => undefined));
            } catch (error) {
              threwWith.push(`(${args.map(describeArg).join(", ")}) → ${String(error)}`);
            }
          }
          // One line per method: how many argument sets threw, and the first of them.
          if (threwWith.length > 0 && !(id in adapter.syncHelpers)) thrown.push(`${id} threw for ${threwWith.length}/${garbage.length} argument sets, e.g. ${threwWith[0]}`);
        }
      }
      // The allow-list stays honest: every entry names a method that exists.
      expect(Object.keys(adapter.syncHelpers).filter((id) => !seen.has(id))).toEqual([]);
      expect(thrown, `threw synchronously:\n${thrown.join("\n")}`).toEqual([]);
      await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    });

    const paged = adapter.listWithoutContext;
    if (paged) {
      vendorIt(`${paged.label} returns a PagePromise that rejects with ConfigError (.catch and toArray())`, async ({ server, expect }) => {
        let page: ReturnType<typeof paged.invoke> | undefined;
        expect(() => {
          page = paged.invoke(server);
        }).not.toThrow();
        expect(await page?.catch((error: unknown) => error)).toBeInstanceOf(adapter.errors.ConfigError);
        let again: ReturnType<typeof paged.invoke> | undefined;
        expect(() => {
          again = paged.invoke(server);
        }).not.toThrow();
        expect(await failureOf(() => again?.toArray())).toBeInstanceOf(adapter.errors.ConfigError);
        expect(server.count()).toBe(0);
      });
    }
  });
});

function describeArg(value: unknown): string {
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return JSON.stringify(value) ?? String(value);
}
