import { operationTable } from "@openapp/openapp-generated";
import { contractRecorder } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiError, type Middleware, NotFoundError, OpenAppClient, errorBody } from "../../src/index.js";

/**
 * Every façade method against `prism mock --errors` on the bundled spec: Prism answers 422 to
 * a request that breaks the spec and 500 to a response that does, and the SDK throws on both,
 * so a passing call proves both directions. 2xx exchanges are recorded to count coverage.
 */

const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const DEVICE = "01HZX6C4F8J2M6Q0T4W8Z2B6E0";
const DOOR_CONTROLLER = "01HZX6E7H1K5N9R3V7Y1C5F9J3";
const ENTITY = "01HZX7A1D5G9K3P7S1W5Z9C3F7";
const INTEGRATION = "01HZX5B9E3H7K1N5Q9S3V7X1Z4";
const PORTAL = "01HZX9F1J5N9R3V7Z1D5G9K3P7";
const INVITE_LINK = "01HZXA2B6E0H4M8Q2V6Y0C4G8K";
const USER = "01HZX4P2V6X9A3C7E1G5J8K0MN";
const ZONE = "01HZX8D6G0K4P8S2W6Z0C4F8J2";
const API_KEY = "01HZXB3C7F1J5N9S3W7A1E5H9M";
const INVITE_TOKEN = "inv_4Tq9Zr2Wm8Ks6Yp3Nx7Bv5Hd";
const PUBLIC_PORTAL = "01HZX9G3K7P1S5W9B3F7J1M5Q9";
const SESSION = "01HZXC4D8G2K6P0T4X8C2F6J0N";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const recorder = contractRecorder(operationTable);
const failures: string[] = [];
// Calls that ask Prism for an error (`Prefer: code=…`) are expected to fail; nothing else may.
const record: Middleware = async (request, next) => {
  const response = await next(request);
  if (!response.ok && !request.headers.get("prefer")?.startsWith("code=")) failures.push(`${request.method} ${request.url} → ${response.status}`);
  return response;
};

let client: OpenAppClient;

beforeAll(() => {
  // No retries: a contract violation must fail at once, not after backoff.
  client = new OpenAppClient({
    apiKey: "https://api.openapp.example/api/v1_openapp_contract_Zr8Kq2Lw5Tn1",
    baseUrl: inject("openappPrismUrl"),
    org: ORG,
    maxRetries: 0,
    middleware: [recorder.middleware, record],
  });
});

afterEach(() => {
  expect(recorder.takeViolations()).toEqual([]);
});

afterAll(() => {
  console.log(`openapp facade: ${recorder.covered().size}/${Object.keys(operationTable).length} operations covered`);
});

describe("devices", () => {
  it("lists, reads and changes devices", async () => {
    const devices = await client.devices.list({ integration_id: INTEGRATION, limit: 50 });
    expect(devices.items[0]?.id).toBe(DEVICE);
    expect((await client.devices.get(DEVICE, { include_metadata: true })).name.en).toBeTruthy();
    await client.devices.create({
      org_id: ORG,
      integration_id: INTEGRATION,
      name: { en: "Garage gate controller" },
      external_id: "shellyplus1-a8032ab1c2d3",
    });
    await client.devices.update(DEVICE, { name: { en: "Lobby door controller (south)" } });
    await client.devices.delete(DEVICE, { recursive: true });
    await client.devices.restore(DEVICE);
    await client.devices.purge(DEVICE);
  });

  it("reads door restrictions, metadata and the device's entities", async () => {
    expect(await client.devices.doorRestrictions(DOOR_CONTROLLER)).toBeDefined();
    expect(await client.devices.metadataDefinition(DEVICE)).toBeDefined();
    const entities = await client.devices.entities(DOOR_CONTROLLER, { entity_type: "apartment" }).toArray({ max: 5 });
    expect(entities.length).toBeGreaterThan(0);
    expect(await client.devices.entityMetadataDefinition(DOOR_CONTROLLER, { entity_type: "apartment" })).toHaveProperty("schema");
    expect((await client.devices.apartmentFloors(DOOR_CONTROLLER)).floors).toBeInstanceOf(Array);
  });
});

describe("entities", () => {
  it("walks, reads and edits entities", async () => {
    const first = await client.entities.list({ zone_id: ZONE });
    expect(first.total).toBeGreaterThan(0);
    expect((await client.entities.get(ENTITY)).id).toBe(ENTITY);
    await client.entities.create({ device_id: DEVICE, entity_type: "light", name: "Stairwell light", channel_index: 1 });
    await client.entities.update(ENTITY, { name: "Front door (courtyard)" });
    await client.entities.patch(ENTITY, { metadata: { pulse_ms: 900 } });
    await client.entities.delete(ENTITY);
    await client.entities.restore(ENTITY);
    await client.entities.purge(ENTITY);
    expect(await client.entities.metadataDefinition(ENTITY)).toHaveProperty("entity_type");
  });

  it("opens a door through a handle and runs a named action", async () => {
    const door = client.entities.byId(ENTITY);
    await door.open();
    await client.entities.action(ENTITY, "switchable.open", { reason: "Parcel pickup" });
  });
});

describe("integrations", () => {
  it("manages integrations and reads what the provider sees", async () => {
    expect((await client.integrations.list({ provider_type: "shelly_cloud" })).items.length).toBeGreaterThan(0);
    expect((await client.integrations.get(INTEGRATION)).id).toBe(INTEGRATION);
    await client.integrations.create({ org_id: ORG, provider_type: "shelly_cloud", name: "Shelly Cloud – Annex" });
    await client.integrations.update(INTEGRATION, { name: { en: "Harbor View – Annex" } });
    await client.integrations.restore(INTEGRATION);
    await client.integrations.purge(INTEGRATION);
    expect(await client.integrations.providerTypes()).toHaveProperty("shelly_cloud");
    await client.integrations.providerDefinition("shelly_cloud");
    await client.integrations.discoveredDevices(INTEGRATION);
    await client.integrations.deviceMetadataSchema(INTEGRATION);
    expect(await client.integrations.entities(INTEGRATION, { entity_type: "door" }).toArray({ max: 3 })).not.toHaveLength(0);
    await client.integrations.ops(INTEGRATION);
    await client.integrations.runOp(INTEGRATION, "sync_devices");
  });

  it("manages access portals and invites", async () => {
    await client.integrations.listAccessPortals(INTEGRATION);
    await client.integrations.createAccessPortal(INTEGRATION, { name: "Bike room", device_external_id: "bike-room" });
    await client.integrations.getAccessPortal(PORTAL);
    await client.integrations.updateAccessPortal(INTEGRATION, PORTAL, { name: { en: "Bike room (rear)" } });
    await client.integrations.deleteAccessPortal(INTEGRATION, PORTAL);
    await client.integrations.listAccessInvites(INTEGRATION);
    await client.integrations.createAccessInvite(INTEGRATION, { portal_ids: [PORTAL], name: "Plumber – Apt 4", max_uses: 2 });
    await client.integrations.updateAccessInvite(INTEGRATION, INVITE_LINK, { max_uses: 5 });
    await client.integrations.deleteAccessInvite(INTEGRATION, INVITE_LINK);
    await client.integrations.restoreAccessInvite(INTEGRATION, INVITE_LINK);
  });
});

describe("users, orgs, api keys", () => {
  it("manages users and their roles", async () => {
    expect((await client.users.search({ q: "noam", limit: 20 })).items.length).toBeGreaterThan(0);
    await client.users.create({ email: "dana.levi@example.com", name: { en: "Dana Levi" } });
    expect((await client.users.get(USER)).id).toBe(USER);
    await client.users.update(USER, { name: { en: "Noam Shapira-Levi" } });
    await client.users.delete(USER);
    await client.users.purge(USER);
    await client.users.addRoles(USER, { [ORG]: ["devices:read"] });
    await client.users.removeRoles(USER, { [ORG]: ["devices:read"] });
  });

  it("manages organizations", async () => {
    expect((await client.orgs.list()).items[0]?.id).toBeTruthy();
    await client.orgs.create({ name: { en: "Harbor View Parking" }, parent_id: ORG });
    await client.orgs.get(ORG);
    await client.orgs.update(ORG, { description: "Tower and parking garage" });
    await client.orgs.delete(ORG);
    await client.orgs.purge(ORG);
    expect((await client.orgs.permissions(ORG)).permissions).toBeInstanceOf(Array);
    expect(await client.orgs.users(ORG, { recursive: true }).toArray({ max: 10 })).not.toHaveLength(0);
  });

  it("manages API keys", async () => {
    expect(await client.apiKeys.list()).toBeInstanceOf(Array);
    expect((await client.apiKeys.create({ name: "Gate tablet", expires_in: "30d" })).token_suffix).toBeTruthy();
    await client.apiKeys.update(API_KEY, { name: "Gate tablet (spare)" });
    await client.apiKeys.revoke(API_KEY);
    await client.apiKeys.restore(API_KEY);
    await client.apiKeys.purge(API_KEY);
  });
});

describe("images", () => {
  it("uploads a picture to every resource that has one", async () => {
    const options = { filename: "photo" };
    expect((await client.devices.uploadImage(DEVICE, PNG, options)).url).toMatch(/^https:/);
    await client.entities.uploadImage(ENTITY, new Blob([PNG]), options);
    await client.users.uploadImage(USER, PNG, { contentType: "image/png" });
    await client.orgs.uploadImage(ORG, PNG.buffer, options);
    await client.integrations.uploadImage(INTEGRATION, new File([PNG], "logo.png"));
  });
});

describe("zones, residents, lan agent, scripting", () => {
  it("manages zones", async () => {
    expect(await client.zones.listForIntegration(INTEGRATION)).toBeInstanceOf(Array);
    await client.zones.create({ integration_id: INTEGRATION, name: { en: "Parking level -1" } });
    await client.zones.get(ZONE);
    await client.zones.update(ZONE, { name: { en: "Lobby (east)" } });
    await client.zones.delete(ZONE);
    await client.zones.purge(ZONE);
  });

  it("manages apartment residents", async () => {
    expect(await client.apartmentResidents.list(INTEGRATION)).toBeInstanceOf(Array);
    await client.apartmentResidents.add(INTEGRATION, { user_id: USER, role: "resident" });
    await client.apartmentResidents.remove(INTEGRATION, USER);
  });

  it("talks to the LAN agent routes", async () => {
    expect(await client.lanAgent.meta()).toHaveProperty("lan_protocol_version");
    const { bootstrap_key } = await client.lanAgent.createBootstrapToken({ task_id: "waveshare.scan", api_base_url: client.baseUrl });
    expect(await client.lanAgent.bootstrapScript(bootstrap_key)).toMatch(/^#!/);
    expect(await client.lanAgent.createCliToken()).toHaveProperty("access_token");
    expect(await client.lanAgent.tasks(INTEGRATION)).toHaveProperty("task_ids");
    await client.lanAgent.taskSpec(INTEGRATION, { task_id: "waveshare.scan", lan_protocol_version: 3, payload: { subnet: "10.0.4.0/24" } });
  });

  it("runs a script", async () => {
    expect(await client.scripting.execute('entity_action("01HZX7A1D5G9K3P7S1W5Z9C3F7", "switchable.open", #{})')).toHaveProperty("result");
  });
});

describe("public access", () => {
  it("uses an invite link", async () => {
    const invite = await client.publicAccess.getInvite(INVITE_TOKEN);
    await client.publicAccess.claimInvite(INVITE_TOKEN);
    const [grant] = invite.grants;
    expect(grant?.id).toBeTruthy();
    expect((await client.publicAccess.executeInvite(INVITE_TOKEN, { grant_id: String(grant?.id) })).ok).toBe(true);
    await client.publicAccess.startInviteSession(INVITE_TOKEN);
  });

  it("uses a public portal", async () => {
    await client.publicAccess.getPortal(PUBLIC_PORTAL);
    await client.publicAccess.openPortal(PUBLIC_PORTAL);
    await client.publicAccess.portalLights(PUBLIC_PORTAL);
    expect((await client.publicAccess.portalReachable(PUBLIC_PORTAL)).reachable).toBeTypeOf("boolean");
    const [target] = (await client.publicAccess.portalTargets(PUBLIC_PORTAL)).targets;
    expect(target?.target_id).toBeTruthy();
    await client.publicAccess.createPortalSession(PUBLIC_PORTAL, { target_entity_id: String(target?.target_id), mode: "audio" });
  });

  it("handles an intercom call", async () => {
    const token = { token: "cst_7Yh2Qm9Rt4Wk1Lp6" };
    expect((await client.publicAccess.getSession(SESSION, token)).session_id).toBe(SESSION);
    await client.publicAccess.sessionStreams(SESSION, token);
    await client.publicAccess.sessionLights(SESSION, token);
    await client.publicAccess.notifySession(SESSION, { text: "Coming down now." }, token);
    await client.publicAccess.openSession(SESSION);
    await client.publicAccess.declineSession(SESSION);
    await client.publicAccess.cancelSession(SESSION, token);
  });
});

describe("account routes", () => {
  it("covers auth, me, eula and status", async () => {
    await client.auth.whoami();
    await client.auth.session();
    await client.auth.kratosIdentity();
    await client.auth.provisioned();
    await client.auth.logout();
    await client.auth.signOut();
    expect((await client.me.apartments()).apartments).toBeInstanceOf(Array);
    await client.me.invitations();
    await client.me.pushSubscriptionStatus();
    await client.me.subscribePush({ endpoint: "https://push.example.net/send/abc123", p256dh: "BPq3x9w", auth: "k2Lw8Tn1" });
    await client.me.pushVapidPublicKey();
    expect((await client.eula.current()).version).toBeTruthy();
    await client.eula.accept();
    expect(await client.status.get()).toHaveProperty("version");
  });

  it("covers billing", async () => {
    expect(await client.billing.plans()).toBeDefined();
    await client.billing.plan(ORG);
    await client.billing.upgradeOptions(ORG);
    await client.billing.usage(ORG);
    await client.billing.checkout(ORG, { tier_slug: "building_pro" });
    await client.billing.portal(ORG, { return_url: "https://app.openapp.example/billing" });
    await client.billing.quotaOverrides();
    await client.billing.setQuotaOverride({ subject_type: "org", subject_id: ORG, quota_key: "door_opens", limit_value: 1000, period: "month" });
    const payload = new Blob(['{"id":"evt_2","type":"invoice.paid"}'], { type: "application/octet-stream" });
    expect(await client.billing.webhook("stripe", payload)).toHaveProperty("provider");
  });
});

describe("errors and the raw client", () => {
  it("turns a documented 404 into a typed NotFoundError with the API's error body", async () => {
    const error = await client.devices.get(DEVICE, {}, { headers: { Prefer: "code=404" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as ApiError).status).toBe(404);
    expect(errorBody(error)?.message).toBeTruthy();
  });

  it("reaches the same server through client.raw", async () => {
    const { data } = await client.raw.GET("/devices/{id}", {
      params: { path: { id: DEVICE }, header: { "X-Org": ORG }, query: { output_options: { include_deleted: false, include_metadata: false } } },
    });
    expect(data?.id).toBe(DEVICE);
  });
});

describe("coverage", () => {
  it("sends every operation of the spec through the façade without a single failure", () => {
    const missing = Object.keys(operationTable).filter((id) => !recorder.covered().has(id));
    expect(missing).toEqual([]);
    expect(failures).toEqual([]);
  });
});
