import { operationTable } from "@openapp/openapp-v1-generated";
import { contractRecorder } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type Middleware, OpenAppClient } from "../../src/index.js";

/**
 * Every 1.0 façade method against `prism mock --errors` on the project's 1.0 spec: Prism answers
 * 422 to a request that breaks the spec and 500 to a response that does, and the SDK throws on
 * both, so a passing call proves both directions. The last test checks that every operation of
 * the 1.0 table was reached.
 */

const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const ENTITY = "01HZX7A1D5G9K3P7S1W5Z9C3F7";
const INTEGRATION = "01HZX5B9E3H7K1N5Q9S3V7X1Z4";
const INVITE_LINK = "01HZXA2B6E0H4M8Q2V6Y0C4G8K";
const AGENT = "01J1B2C3D4E5F6G7H8J9K0M1N2";
const JOB = "01J1C2D3E4F5G6H7J8K9M0N1P2";
const SCHEDULE = [{ is_enabled: true, valid_from: "2026-12-08T09:00:00Z", valid_to: "2026-12-08T18:00:00Z" }];

const recorder = contractRecorder(operationTable);
const failures: string[] = [];
const record: Middleware = async (request, next) => {
  const response = await next(request);
  if (!response.ok) failures.push(`${request.method} ${request.url} → ${response.status}`);
  return response;
};

let client: OpenAppClient;

beforeAll(() => {
  // A 1.0 key (bare origin): X-API-Key, the 1.0 operations. No retries: a violation fails at once.
  client = new OpenAppClient({
    apiKey: "https://api.openapp.example_openapp_contract_Zr8Kq2Lw5Tn1",
    baseUrl: inject("openappV1PrismUrl"),
    org: ORG,
    maxRetries: 0,
    middleware: [recorder.middleware, record],
  });
});

afterEach(() => {
  expect(recorder.takeViolations()).toEqual([]);
  expect(failures.splice(0)).toEqual([]);
});

afterAll(() => {
  console.log(`openapp 1.0 facade: ${recorder.covered().size}/${Object.keys(operationTable).length} operations covered`);
});

describe("OpenApp 1.0 operations through the façade", () => {
  it("entity actions: preview and execute", async () => {
    await client.entityActions.preview(ENTITY, "switchable.open", {});
    await client.entityActions.execute(ENTITY, "switchable.open", {});
  });

  it("audit: events, exports", async () => {
    await client.audit.events(ORG, { event_type: "door.open", limit: 50 }).toArray({ max: 3 });
    await client.audit.listExports(ORG);
    await client.audit.createExport(ORG, { format: "jsonl" });
    await client.audit.getExport(ORG, JOB);
  });

  it("invites: every route", async () => {
    await client.invites.list(INTEGRATION, { kind: "guest", limit: 20 });
    const body = { portal_ids: ["01HZX9F1J5N9R3V7Z1D5G9K3P7"], schedules: SCHEDULE };
    await client.invites.preview(INTEGRATION, body);
    await client.invites.create(INTEGRATION, body);
    await client.invites.reconcile(INTEGRATION, { external_ref: { source: "pms", record_id: "res-4411", revision: 3 }, state: "active" });
    await client.invites.update(INTEGRATION, INVITE_LINK, { name: "Cleaner, Tuesdays" });
    await client.invites.revoke(INTEGRATION, INVITE_LINK);
    await client.invites.restore(INTEGRATION, INVITE_LINK);
    await client.invites.regenerateToken(INTEGRATION, INVITE_LINK);
    await client.invites.usage(INTEGRATION, INVITE_LINK);
    await client.invites.renewalRequests(INTEGRATION, INVITE_LINK);
    await client.invites.dismissRenewalRequest(INTEGRATION, INVITE_LINK, JOB);
    await client.invites.uploadPhoto(INTEGRATION, INVITE_LINK);
    await client.invites.getPhoto(INTEGRATION, INVITE_LINK);
    await client.invites.deletePhoto(INTEGRATION, INVITE_LINK);
    await client.invites.createMessageMedia(INTEGRATION, INVITE_LINK);
    await client.invites.getMessageMedia(INTEGRATION, INVITE_LINK, "audio");
    await client.invites.delete(INTEGRATION, INVITE_LINK);
  });

  it("my invites", async () => {
    await client.myInvites.list({ kind: "guest" });
    await client.myInvites.keep(INVITE_LINK);
    await client.myInvites.delete(INVITE_LINK);
  });

  it("agents, aliases, resolve and MCP", async () => {
    await client.agents.list({ limit: 10 });
    await client.agents.create({ name: "Front desk bot", purpose: "Opens the lobby door for couriers" });
    await client.agents.get(AGENT);
    await client.agents.update(AGENT, { name: "Front desk bot (night)" });
    await client.agents.createCredential(AGENT, { name: "courier-door", expires_in: "30d" });
    await client.agents.revoke(AGENT);
    await client.aliases.list(ORG, { resource_type: "entity" });
    await client.aliases.create(ORG, { alias: "front door", resource_type: "entity", resource_id: ENTITY });
    await client.aliases.delete(ORG, AGENT);
    await client.resolve.query(ORG, { query: "front door" });
    await client.mcp.call({ jsonrpc: "2.0", method: "tools/list", id: 1 });
  });

  it("scripting jobs", async () => {
    await client.scripting.executions.create({ script: "40 + 2" });
    await client.scripting.executions.list({ limit: 5 });
    await client.scripting.executions.get(JOB);
    await client.scripting.executions.cancel(JOB);
  });

  it("reached every operation of the 1.0 table", () => {
    expect([...recorder.covered()].sort()).toEqual(Object.keys(operationTable).sort());
  });
});
