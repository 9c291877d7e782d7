import { ScriptedServer } from "@openapp/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  AmbiguousResourceError,
  AuditExportError,
  ConfigError,
  OpenAppClient,
  ResourceNotFoundError,
  ScriptingJobError,
  ValidationError,
} from "../../src/index.js";
import { ORG, SECRET, TEST_KEY } from "../helpers.js";

const API = "/api/v1";
const INTEGRATION = "01J0A7M3K9Q2W5E8R1T4Y6U9I2";
const FAST = { initialDelayMs: 1, maxDelayMs: 4 };

let upstream: ScriptedServer;
let other: ScriptedServer | undefined;
beforeEach(async () => {
  upstream = await ScriptedServer.start();
});
afterEach(async () => {
  await upstream.close();
  await other?.close();
  other = undefined;
});

const v1Key = () => `${upstream.origin}_openapp_${SECRET}`;
const v1Client = (extra = {}) => new OpenAppClient({ apiKey: v1Key(), org: ORG, maxRetries: 0, ...extra });

describe("generation selection", () => {
  it("a bare-origin key is a 1.0 key: {origin}/api/v1, X-API-Key, never Authorization", async () => {
    upstream.on("GET", `${API}/agents`, { body: { items: [], total: 0 } });
    const client = v1Client();
    expect(client.apiVersion).toBe("1.0");
    expect(client.baseUrl).toBe(`${upstream.origin}/api/v1`);
    await client.agents.list();
    const [request] = upstream.requests;
    expect(request?.headers["x-api-key"]).toBe(v1Key());
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("a key with the API path stays a 0.1 key with Bearer, as before", () => {
    const client = new OpenAppClient({ apiKey: TEST_KEY });
    expect(client.apiVersion).toBe("0.1");
  });

  it.each([
    ["apiVersion 1.0 with a 0.1 key", { apiKey: TEST_KEY, apiVersion: "1.0" }, /0\.1 key .*use a 1\.0 key/],
    ["a 1.0 key as Bearer", { apiKey: "https://api.openapp.test_openapp_s3cr3tvalue", authHeader: "authorization" }, /X-API-Key .*401/],
    ["an unknown generation", { apiKey: TEST_KEY, apiVersion: "2" }, /apiVersion must be "0\.1" or "1\.0"/],
  ])("%s is a ConfigError naming the fix", (_, options, message) => {
    expect(() => new OpenAppClient(options as never)).toThrow(ConfigError);
    expect(() => new OpenAppClient(options as never)).toThrow(message);
  });

  it("a 0.1 client calling a 1.0 operation gets a ConfigError naming the fix, and nothing is sent", async () => {
    const client = new OpenAppClient({ apiKey: `${upstream.origin}${API}_openapp_${SECRET}`, org: ORG });
    await expect(client.audit.listEvents(ORG)).rejects.toThrow(/OpenApp 1\.0 operation .*apiVersion: "1\.0"/);
    await expect(client.invites.list(INTEGRATION)).rejects.toBeInstanceOf(ConfigError);
    expect(upstream.requests).toHaveLength(0);
  });

  it("apiVersion 0.1 keeps a bare-origin key on Bearer", async () => {
    upstream.on("GET", `${API}/status`, { body: { status: "ok" } });
    const client = new OpenAppClient({ apiKey: v1Key(), apiVersion: "0.1" });
    await client.status.get();
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${v1Key()}`);
  });
});

const event = (id: string) => ({ id, occurred_at: new Date().toISOString(), org_id: ORG, actor_kind: "user", event_type: "door.open", outcome: "success", source: "api", details: {} });

describe("audit", () => {
  it("events() walks the cursor pages with the filters and stops at a null next_cursor", async () => {
    upstream.on("GET", `${API}/orgs/${ORG}/audit/events`, (request) => {
      const cursor = request.query.get("cursor");
      if (cursor === null) return { body: { items: [event("e1"), event("e2")], next_cursor: "c2" } };
      if (cursor === "c2") return { body: { items: [event("e3")], next_cursor: "c3" } };
      return { body: { items: [event("e4")], next_cursor: null } };
    });
    const ids: string[] = [];
    for await (const item of v1Client().audit.events(ORG, { event_type: "door.open" })) ids.push(item.id);
    expect(ids).toEqual(["e1", "e2", "e3", "e4"]);
    expect(upstream.requests.map((r) => r.query.get("cursor"))).toEqual([null, "c2", "c3"]);
    expect(upstream.requests.every((r) => r.query.get("event_type") === "door.open")).toBe(true);
  });

  it("a range older than 30 days is a ValidationError pointing to exports, before any request", async () => {
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();
    const events = v1Client().audit.events(ORG, { occurred_after: old });
    await expect(events).rejects.toBeInstanceOf(ValidationError);
    await expect(v1Client().audit.events(ORG, { occurred_after: old }).toArray()).rejects.toThrow(/createExport/);
    expect(upstream.requests).toHaveLength(0);
  });

  it("waitForExport polls until completed and reports each state", async () => {
    const job = { id: "job1", org_id: ORG, format: "jsonl" };
    upstream.on("GET", `${API}/orgs/${ORG}/audit/exports/job1`,
      { body: { ...job, status: "pending" } },
      { body: { ...job, status: "running" } },
      { body: { ...job, status: "completed", download_url: "https://files.example/x" } },
    );
    const seen: string[] = [];
    const done = await v1Client().audit.waitForExport(ORG, "job1", { ...FAST, onProgress: (state) => seen.push(state.status) });
    expect(done.download_url).toBe("https://files.example/x");
    expect(seen).toEqual(["pending", "running", "completed"]);
  });

  it("a failed export is an AuditExportError with the job's message; an abort stops the wait", async () => {
    upstream.on("GET", `${API}/orgs/${ORG}/audit/exports/bad`, { body: { id: "bad", org_id: ORG, format: "csv", status: "failed", error_message: "disk full" } });
    await expect(v1Client().audit.waitForExport(ORG, "bad", FAST)).rejects.toThrow(AuditExportError);
    await expect(v1Client().audit.waitForExport(ORG, "bad", FAST)).rejects.toThrow(/disk full/);
    upstream.on("GET", `${API}/orgs/${ORG}/audit/exports/slow`, { body: { id: "slow", org_id: ORG, format: "csv", status: "running" } });
    const controller = new AbortController();
    const waiting = v1Client().audit.waitForExport(ORG, "slow", { ...FAST, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });

  it("bad polling options are ValidationErrors before any request", async () => {
    const client = v1Client();
    await expect(client.audit.waitForExport(ORG, "job1", { initialDelayMs: -1 })).rejects.toThrow(/initialDelayMs must be a positive number/);
    await expect(client.scripting.execute("1", { timeoutMs: Number.NaN })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.audit.waitForExport(ORG, "job1", { onProgress: "yes" as never })).rejects.toThrow(/onProgress must be a function/);
    expect(upstream.requests).toHaveLength(0);
  });

  it("downloadExport streams the signed URL and sends no credential or client header to its host", async () => {
    other = await ScriptedServer.start();
    other.on("GET", "/exports/job1.jsonl", { headers: { "content-type": "application/x-ndjson" }, body: '{"id":"e1"}\n{"id":"e2"}\n' });
    const client = v1Client({ headers: { "X-Tenant": "acme" } });
    const stream = await client.audit.downloadExport({ id: "job1", download_url: `${other.origin}/exports/job1.jsonl?sig=abc` });
    expect(await new Response(stream).text()).toBe('{"id":"e1"}\n{"id":"e2"}\n');
    const [request] = other.requests;
    expect(request?.headers["x-api-key"]).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers["x-tenant"]).toBeUndefined();
    await expect(client.audit.downloadExport({ id: "job2", download_url: null })).rejects.toThrow(/waitForExport/);
  });
});

describe("invites", () => {
  it("list pages { items, total } by offset with flat filters and X-Org", async () => {
    const invite = (id: string) => ({ id, state: "active", is_enabled: true, schedule_kind: "once", schedule_combined: {}, schedule_entries: [], schedule: {}, uses: 0, location_mode: "none", granted_portals: [] });
    upstream.on("GET", `${API}/integrations/${INTEGRATION}/access-invites`, (request) =>
      request.query.get("offset") === "0" ? { body: { items: [invite("i1"), invite("i2")], total: 3 } } : { body: { items: [invite("i3")], total: 3 } },
    );
    const ids = (await v1Client().invites.list(INTEGRATION, { kind: "guest", limit: 2 }).toArray()).map((item) => item.id);
    expect(ids).toEqual(["i1", "i2", "i3"]);
    expect(upstream.requests.map((r) => [r.query.get("limit"), r.query.get("offset"), r.query.get("kind"), r.headers["x-org"]])).toEqual([
      ["2", "0", "guest", ORG],
      ["2", "2", "guest", ORG],
    ]);
  });

  it("the one-time invite token and URL are masked in later errors once received", async () => {
    const token = "inv_tok_9f8e7d6c5b4a3210";
    const url = `https://open.example/i/${token}`;
    upstream.on("POST", `${API}/integrations/${INTEGRATION}/access-invites/reconcile`, { body: { action: "created", invite_token: token, invite_url: url } });
    upstream.on("GET", `${API}/integrations/${INTEGRATION}/access-invites/l1/usage`, { status: 400, body: { message: `bad link ${url}`, error_code: "x" } });
    const client = v1Client();
    const answer = await client.invites.reconcile(INTEGRATION, { external_ref: { source: "pms", record_id: "r1", revision: 2 }, state: "active" });
    expect(answer.invite_token).toBe(token);
    const error = await client.invites.usage(INTEGRATION, "l1").catch((caught: unknown) => caught as Error);
    expect(`${(error as Error).message} ${JSON.stringify((error as { body?: unknown }).body)}`).not.toContain(token);
  });
});

describe("resolve and getByName refuse to pick", () => {
  it("resolve.one answers the clear winner and throws on ambiguous or empty answers", async () => {
    const candidate = (id: string, score: number) => ({ id, resource_type: "entity", label: `Door ${id}`, score });
    upstream.on("POST", `${API}/orgs/${ORG}/resolve`,
      { body: { query: "front door", ambiguous: false, candidates: [candidate("d1", 0.9), candidate("d2", 0.2)] } },
      { body: { query: "door", ambiguous: true, candidates: [candidate("d1", 0.5), candidate("d2", 0.5)] } },
      { body: { query: "garage", ambiguous: false, candidates: [] } },
    );
    const client = v1Client();
    expect((await client.resolve.one(ORG, { query: "front door" })).id).toBe("d1");
    const ambiguous = await client.resolve.one(ORG, { query: "door" }).catch((error: unknown) => error);
    expect(ambiguous).toBeInstanceOf(AmbiguousResourceError);
    expect((ambiguous as AmbiguousResourceError).matches.map((m) => m.id)).toEqual(["d1", "d2"]);
    await expect(client.resolve.one(ORG, { query: "garage" })).rejects.toBeInstanceOf(ResourceNotFoundError);
  });

  it("devices.getByName matches any locale exactly, fuzzy lists every match, and sends q", async () => {
    const devices = [
      { id: "dev1", name: { en: "Lobby door", fr: "Porte du hall" } },
      { id: "dev2", name: { value: { en: "Garage door" } } },
      { id: "dev3", name: "Back gate" },
    ];
    upstream.on("GET", `${API}/devices`, { body: devices });
    const client = v1Client();
    expect((await client.devices.getByName("  porte DU hall ")).id).toBe("dev1");
    expect(upstream.requests[0]?.query.get("q")).toBe("porte DU hall");
    expect((await client.devices.getByName("back gate")).id).toBe("dev3");
    const fuzzy = await client.devices.getByName("door", { match: "fuzzy" }).catch((error: unknown) => error);
    expect((fuzzy as AmbiguousResourceError).matches.map((m) => m.id)).toEqual(["dev1", "dev2"]);
    await expect(client.devices.getByName("door")).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(client.devices.getByName("")).rejects.toBeInstanceOf(ValidationError);
    await expect(client.devices.getByName("x", { match: "close" as never })).rejects.toThrow(/exact" or "fuzzy/);
  });

  it("zones and access portals resolve by name within an integration", async () => {
    upstream.on("GET", `${API}/integrations/${INTEGRATION}/zones`, { body: [{ id: "z1", name: { en: "Parking" } }, { id: "z2", name: { en: "Lobby" } }] });
    upstream.on("GET", `${API}/integrations/${INTEGRATION}/access-portals`, { body: { portals: [{ id: "p1", public_id: "pp1", name: { value: { en: "Main entrance" } } }] } });
    const client = v1Client();
    expect((await client.zones.getByName(INTEGRATION, "lobby")).id).toBe("z2");
    expect((await client.integrations.getAccessPortalByName(INTEGRATION, "main", { match: "fuzzy" })).id).toBe("p1");
  });
});

describe("scripting jobs", () => {
  const job = (status: string, extra = {}) => ({ id: "job7", status, created_at: "2026-12-07T04:00:00Z", ...extra });

  it("execute() on a 1.0 client creates a job, polls it and answers its result", async () => {
    upstream.on("POST", `${API}/scripting/executions`, { status: 202, body: job("pending") });
    upstream.on("GET", `${API}/scripting/executions/job7`, { body: job("running") }, { body: job("succeeded", { result: 42 }) });
    const answer = await v1Client().scripting.execute("40 + 2", FAST);
    expect(answer.result).toBe(42);
    expect(JSON.parse(upstream.requests[0]?.body ?? "{}")).toEqual({ script: "40 + 2" });
  });

  it("a failed job is a ScriptingJobError with the job's error", async () => {
    upstream.on("POST", `${API}/scripting/executions`, { status: 202, body: job("pending") });
    upstream.on("GET", `${API}/scripting/executions/job7`, { body: job("failed", { error: "undefined variable x" }) });
    const error = await v1Client().scripting.execute("x", FAST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScriptingJobError);
    expect((error as ScriptingJobError).jobError).toBe("undefined variable x");
  });

  it("an abort cancels the job on the server and rejects with AbortError; the ceiling is a ScriptingJobError", async () => {
    upstream.on("POST", `${API}/scripting/executions`, { status: 202, body: job("pending") });
    upstream.on("GET", `${API}/scripting/executions/job7`, { body: job("running") });
    upstream.on("DELETE", `${API}/scripting/executions/job7`, { body: job("canceled") });
    const controller = new AbortController();
    upstream.on("GET", `${API}/scripting/executions/job7`, () => {
      controller.abort();
      return { body: job("running") };
    });
    await expect(v1Client().scripting.execute("loop {}", { ...FAST, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(upstream.requests.some((r) => r.method === "DELETE" && r.path === `${API}/scripting/executions/job7`)).toBe(true);
    upstream.on("GET", `${API}/scripting/executions/job7`, { body: job("running") });
    await expect(v1Client().scripting.execute("loop {}", { ...FAST, timeoutMs: 10 })).rejects.toThrow(/still running/);
  });

  it("a 0.1 client still runs POST /scripting/execute once", async () => {
    upstream.on("POST", `${API}/scripting/execute`, { body: { result: 1 } });
    const client = new OpenAppClient({ apiKey: `${upstream.origin}${API}_openapp_${SECRET}` });
    expect(await client.scripting.execute("1")).toEqual({ result: 1 });
    expect(upstream.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${API}/scripting/execute`]);
  });
});
