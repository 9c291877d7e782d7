/**
 * Multi-request scenarios against a scripted upstream behind `prism proxy --errors`, so the
 * SDK's requests and the scripted answers are both checked against the spec.
 */
import { type PrismServer, ScriptedServer, startPrism, violationRecorder } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InternalServerError, type Middleware, OpenAppClient } from "../../src/index.js";
import { ORG, TEST_KEY } from "../helpers.js";

let upstream: ScriptedServer;
let prism: PrismServer;
const prismViolations = violationRecorder();
const takeViolations = () => prismViolations.take().map((v) => v.message);
const watchViolations: Middleware = prismViolations.middleware;

beforeAll(async () => {
  upstream = await ScriptedServer.start();
  prism = await startPrism({ spec: "openapi/openapp/openapi.json", mode: "proxy", upstream: upstream.origin });
});

afterAll(async () => {
  await prism?.stop();
  await upstream?.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  prismViolations.take();
});

afterEach(() => {
  // The spec declares neither 429 nor 503 on these routes; that one warning is the only one allowed.
  expect(takeViolations().filter((v) => !v.startsWith("Unable to match the returned status code"))).toEqual([]);
});

function client(middleware: Middleware[] = []): OpenAppClient {
  return new OpenAppClient({ apiKey: TEST_KEY, baseUrl: prism.url, org: ORG, middleware: [watchViolations, ...middleware] });
}

const DEVICE_ID = "01HZX6C4F8J2M6Q0T4W8Z2B6E0";
const INTEGRATION_ID = "01HZX5B9E3H7K1N5Q9S3V7X1Z4";

const entity = (n: number) => ({
  id: `01HZX7A1D5G9K3P7S1W5Z9C3${String(n).padStart(2, "0")}`,
  device_id: DEVICE_ID,
  entity_type: "door",
  name: `Door ${n}`,
});

const device = (n: number) => ({
  id: `01HZX6C4F8J2M6Q0T4W8Z2B6${String(n).padStart(2, "0")}`,
  integration_id: INTEGRATION_ID,
  org_id: ORG,
  name: { en: `Controller ${n}` },
});

const window = (r: { query: URLSearchParams }) => `limit=${r.query.get("limit")} offset=${r.query.get("offset")}`;

describe("pagination through the proxy", () => {
  it("walks three full pages of { items, total } and stops at total without a fourth request", async () => {
    upstream.on("GET", "/entities", (request) => {
      const offset = Number(request.query.get("offset"));
      return { status: 200, body: { items: [entity(offset + 1), entity(offset + 2)], total: 6 } };
    });

    const names: string[] = [];
    for await (const item of client().entities.list({ limit: 2 })) names.push(item.name ?? "");

    expect(names).toEqual(["Door 1", "Door 2", "Door 3", "Door 4", "Door 5", "Door 6"]);
    expect(upstream.requests.map(window)).toEqual(["limit=2 offset=0", "limit=2 offset=2", "limit=2 offset=4"]);
    const first = upstream.requests[0]?.query;
    expect([first?.get("include_deleted"), first?.get("include_metadata"), first?.get("only_deleted")]).toEqual(["false", "false", "false"]);
    expect(upstream.requests.every((r) => r.headers["x-org"] === ORG && r.headers.authorization === `Bearer ${TEST_KEY}`)).toBe(true);
  });

  it("stops a bare-array list (devices) on a short page", async () => {
    upstream.on("GET", "/devices",
      { status: 200, body: [device(1), device(2), device(3)] },
      { status: 200, body: [device(4)] },
    );

    const devices = await client().devices.list({ limit: 3, integration_id: INTEGRATION_ID }).toArray();

    expect(devices.map((d) => d.name.en)).toEqual(["Controller 1", "Controller 2", "Controller 3", "Controller 4"]);
    expect(upstream.requests.map(window)).toEqual(["limit=3 offset=0", "limit=3 offset=3"]);
    expect(upstream.requests[1]?.query.get("integration_id")).toBe(INTEGRATION_ID);
  });
});

describe("retries through the proxy", () => {
  it("waits out a 429 with Retry-After and succeeds on the second attempt", async () => {
    upstream.on("GET", `/devices/${DEVICE_ID}`,
      { status: 429, headers: { "retry-after": "1" }, body: { message: "Too many requests", error_code: "rate_limited" } },
      { status: 200, body: device(0) },
    );

    const found = await client().devices.get(DEVICE_ID);

    expect(found.name.en).toBe("Controller 0");
    expect(takeViolations()).toEqual([expect.stringMatching(/^Unable to match the returned status code/)]);
    expect(upstream.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /devices/${DEVICE_ID}`, `GET /devices/${DEVICE_ID}`]);
  });

  it("never repeats a door open: a 503 is thrown as InternalServerError after one request", async () => {
    const entityId = entity(1).id;
    upstream.on("POST", `/entities/${entityId}/actions/switchable.open`,
      { status: 503, body: { message: "Door controller offline", error_code: "door_unreachable" } },
      { status: 200, body: { ok: true } },
    );

    const error = await client().entities.byId(entityId).open().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: "door_unreachable" });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.body).toBe("{}");
    expect(takeViolations()).toEqual([expect.stringMatching(/^Unable to match the returned status code/)]);
  });
});

describe("middleware through the proxy", () => {
  it("puts the header a middleware sets on the wire", async () => {
    upstream.on("GET", "/status", { status: 200, body: { environment: "staging", version: "2026.11.3" } });
    const traced: Middleware = (request, next) => {
      request.headers.set("X-Trace-Id", "trace-5b1f0c");
      return next(request);
    };

    expect(await client([traced]).status.get()).toEqual({ environment: "staging", version: "2026.11.3" });
    expect(upstream.requests[0]?.headers["x-trace-id"]).toBe("trace-5b1f0c");
  });
});
