/**
 * Whatever a webhook request carries (a Node http, Express or fetch handler passes its body,
 * headers, URL and query as they arrived), parseWebhookEvent answers with an event or an
 * SdkError: never a raw TypeError, URIError or SyntaxError, also for values whose reading throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SdkError, parseWebhookEvent } from "../../src/index.js";

const trap = () => {
  throw new TypeError("trap");
};
const readingThrows = fc.constantFrom(
  () => new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap }),
  () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  () => Object.defineProperty({}, "token", { enumerable: true, get: trap }),
);
const oddText = fc.constantFrom("", " ", "%E0%A4%A", "\ud800", "a\r\nb", "?token=%", "//[::1", "\u0000", "token=%ZZ&token=x");
// Built inside the property: the framework must not print or inspect a value that throws when read.
const part = fc.oneof(
  fc.constant(undefined),
  oddText,
  fc.string(),
  readingThrows,
  fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true, withMap: true, withTypedArray: true, withSparseArray: true }),
);
const materialized = (value: unknown) => (typeof value === "function" ? (value as () => unknown)() : value);

const event = { deviceId: "Pz4kWm82QrTd1VxN", parameterName: "state", newValue: "open" };

function outcome(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (!(error instanceof SdkError)) return error instanceof Error ? `${error.constructor.name}: ${error.message}` : typeof error;
  }
  return undefined;
}

describe("parseWebhookEvent on hostile requests", () => {
  it.each([
    ["Node http", (body: unknown, headers: unknown, url: unknown) => ({ body, options: { expectedToken: "whk", headers, url } })],
    ["Express", (body: unknown, headers: unknown, url: unknown, query: unknown) => ({ body, options: { expectedToken: "whk", headers, url, query } })],
    ["fetch", (body: unknown, headers: unknown, url: unknown) => ({ body, options: { expectedToken: "whk", headers: new Headers(headers as Record<string, string>), url } })],
  ] as const)("%s: an event or an SdkError, never a raw error", (_server, request) => {
    const raw = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(part, fc.constant(event)), part, part, part, (body, headers, url, query) => {
        const problem = outcome(() => {
          let built: { body: unknown; options: object };
          try {
            // The fetch handler's own `new Headers(...)` may refuse odd input before the SDK sees it.
            built = request(materialized(body), materialized(headers), materialized(url), materialized(query));
          } catch {
            return;
          }
          parseWebhookEvent(built.body, built.options as never);
        });
        if (problem) raw.add(problem);
      }),
      { seed: 20_201, numRuns: 400 },
    );
    expect([...raw]).toEqual([]);
  });

  it("names what could not be read", () => {
    const headers = Object.defineProperty({}, "x-omlet-token", { enumerable: true, get: trap });
    expect(() => parseWebhookEvent(event, { expectedToken: "whk", headers })).toThrow(/webhook request could not be read \(.*trap/);
  });

  it("refuses a url that is neither text nor a URL", () => {
    expect(() => parseWebhookEvent(event, { expectedToken: "whk", url: Object.create(null) as string })).toThrow(/url must be a string or URL, got /);
  });
});
