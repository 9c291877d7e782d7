import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, OpenAppClient, ValidationError } from "../../src/index.js";
import { BASE_URL, ORG, SECRET, TEST_KEY, json, scriptedFetch, testClient } from "../helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const DEVICE = { id: "01HZX6C4F8J2M6Q0T4W8Z2B6E0", integration_id: "01HZX5B9E3H7K1N5Q9S3V7X1Z4", org_id: ORG, name: { en: "Lobby" } };

describe("API key parsing", () => {
  it.each([
    ["a bare origin gets /api/v1", "https://api.openapp.example_openapp_s3cr3t", "https://api.openapp.example/api/v1"],
    ["a bare origin with a slash", "https://api.openapp.example/_openapp_s3cr3t", "https://api.openapp.example/api/v1"],
    ["an origin with a port", "http://127.0.0.1:8080_openapp_s3cr3t", "http://127.0.0.1:8080/api/v1"],
    ["a prefix with a path is kept", "https://api.openapp.example/api/v1_openapp_s3cr3t", "https://api.openapp.example/api/v1"],
    ["a custom path is kept, minus the slash", "https://gw.example.net/openapp/v1/_openapp_s3cr3t", "https://gw.example.net/openapp/v1"],
    ["the secret may contain the separator", "https://a.example_openapp_x_openapp_y", "https://a.example/api/v1"],
    ["whitespace around the key is ignored", "  https://a.example_openapp_s3cr3t\n", "https://a.example/api/v1"],
  ])("%s", (_case, apiKey, baseUrl) => {
    expect(new OpenAppClient({ apiKey }).baseUrl).toBe(baseUrl);
  });

  it.each([
    ["empty", "", /empty/],
    ["only whitespace", "   ", /empty/],
    ["missing separator", SECRET, /no "_openapp_" separator/],
    ["empty secret", "https://api.openapp.example_openapp_", /empty secret/],
    ["whitespace inside", `https://api.openapp.example_openapp_${SECRET} extra`, /whitespace/],
    ["no scheme", `api.openapp.example_openapp_${SECRET}`, /absolute URL/],
    ["relative URL", `/api/v1_openapp_${SECRET}`, /absolute URL/],
    ["ftp scheme", `ftp://files.openapp.example_openapp_${SECRET}`, /http: or https:, got ftp:/],
    ["credentials in the URL", `https://user:pw@api.openapp.example_openapp_${SECRET}`, /credentials/],
  ])("refuses a key with %s, without printing the secret", (_case, apiKey, message) => {
    const error = (() => {
      try {
        new OpenAppClient({ apiKey });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    for (const text of [(error as Error).message, String(error), (error as Error).stack ?? "", JSON.stringify(error)]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it("lets baseUrl override the key's URL", () => {
    expect(new OpenAppClient({ apiKey: TEST_KEY, baseUrl: "http://127.0.0.1:4010/" }).baseUrl).toBe("http://127.0.0.1:4010");
    expect(() => new OpenAppClient({ apiKey: TEST_KEY, baseUrl: "ftp://x.example" })).toThrow(ConfigError);
  });

  it("needs a key or a base URL", () => {
    vi.stubEnv("OPENAPP_API_KEY", "");
    vi.stubEnv("OPENAPP_BASE_URL", "");
    expect(() => new OpenAppClient()).toThrow(/OPENAPP_API_KEY/);
  });

  it("does not show the key when the client is inspected or serialised", async () => {
    const client = testClient(scriptedFetch(json(200, {})).fetch);
    const { inspect } = await import("node:util");
    expect(inspect(client, { depth: 6 })).not.toContain(SECRET);
    expect(JSON.stringify(client)).not.toContain(SECRET);
  });
});

describe("authentication headers", () => {
  it("sends the whole key as a bearer token by default", async () => {
    const { fetch, requests } = scriptedFetch(json(200, DEVICE));
    await testClient(fetch).devices.get(DEVICE.id);
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
    expect(requests[0]?.url.href).toBe(`${BASE_URL}/devices/${DEVICE.id}?include_deleted=false&include_metadata=false`);
  });

  it("sends X-API-Key instead when asked", async () => {
    const { fetch, requests } = scriptedFetch(json(200, DEVICE));
    await testClient(fetch, { authHeader: "x-api-key" }).devices.get(DEVICE.id);
    expect(requests[0]?.headers.get("x-api-key")).toBe(TEST_KEY);
    expect(requests[0]?.headers.has("authorization")).toBe(false);
  });

  it("rejects an unknown authHeader", () => {
    expect(() => testClient(scriptedFetch(json(200, {})).fetch, { authHeader: "cookie" as "authorization" })).toThrow(ConfigError);
  });

  it("calls public routes without a key and refuses keyed routes before any request", async () => {
    vi.stubEnv("OPENAPP_API_KEY", "");
    const { fetch, requests } = scriptedFetch(json(200, { environment: "production", version: "2026.11.3" }));
    const client = new OpenAppClient({ baseUrl: BASE_URL, org: ORG, fetch });
    expect(await client.status.get()).toEqual({ environment: "production", version: "2026.11.3" });
    expect(requests[0]?.headers.has("authorization")).toBe(false);
    await expect(client.devices.get(DEVICE.id)).rejects.toThrow(/needs an API key/);
    expect(requests).toHaveLength(1);
  });
});

describe("environment", () => {
  it("reads the key, org and base URL from OPENAPP_* variables", async () => {
    vi.stubEnv("OPENAPP_API_KEY", TEST_KEY);
    vi.stubEnv("OPENAPP_ORG", ORG);
    vi.stubEnv("OPENAPP_BASE_URL", "https://staging.openapp.example/api/v1");
    const { fetch, requests } = scriptedFetch(json(200, DEVICE));
    const client = new OpenAppClient({ fetch });
    await client.devices.get(DEVICE.id);
    expect(client.org).toBe(ORG);
    expect(requests[0]?.url.origin).toBe("https://staging.openapp.example");
    expect(requests[0]?.headers.get("x-org")).toBe(ORG);
  });

  it("prints redacted debug lines when OPENAPP_LOG=debug", async () => {
    vi.stubEnv("OPENAPP_LOG", "debug");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    const { fetch } = scriptedFetch(json(200, DEVICE));
    await testClient(fetch).devices.get(DEVICE.id);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining("[openapp]"), expect.objectContaining({ method: "GET", status: 200 }));
    expect(JSON.stringify(debug.mock.calls)).not.toContain(SECRET);
  });
});

describe("organization context", () => {
  it("sends the client's org, a withOrg clone's org, and a per-call org", async () => {
    const { fetch, requests } = scriptedFetch(json(200, DEVICE));
    const client = testClient(fetch);
    const other = client.withOrg("01HZX2OTHERORG0000000000000");
    await client.devices.get(DEVICE.id);
    await other.devices.get(DEVICE.id);
    await other.devices.get(DEVICE.id, {}, { org: "01HZX2PERCALL00000000000000" });
    expect(requests.map((r) => r.headers.get("x-org"))).toEqual([ORG, "01HZX2OTHERORG0000000000000", "01HZX2PERCALL00000000000000"]);
    expect(client.org).toBe(ORG);
    expect(other.baseUrl).toBe(client.baseUrl);
  });

  it("refuses a request option passed as a parameter, and an unknown filter, before any request", async () => {
    const { fetch, requests } = scriptedFetch(json(200, [DEVICE]));
    const client = testClient(fetch);
    await expect(client.devices.get(DEVICE.id, { org: "other" } as never)).rejects.toThrow(/`org` is a request option, pass it in the options argument/);
    await expect(client.devices.list({ org_id: "other" } as never)).rejects.toThrow(/Unknown parameter `org_id` for list_devices/);
    expect(requests).toHaveLength(0);
  });

  it("refuses unknown client options, naming the nearest real one", () => {
    expect(() => new OpenAppClient({ apiKey: TEST_KEY, interceptors: [] } as never)).toThrow(/Unknown option `interceptors`.*`middleware`/);
    expect(() => new OpenAppClient({ apiKey: TEST_KEY, organisation: ORG } as never)).toThrow(/`organisation`.*`org`/);
  });

  it("refuses X-Org operations without any org before a request is made", async () => {
    vi.stubEnv("OPENAPP_ORG", "");
    const { fetch, requests } = scriptedFetch(json(200, [DEVICE]));
    const client = new OpenAppClient({ apiKey: TEST_KEY, fetch });
    await expect(client.devices.get(DEVICE.id)).rejects.toBeInstanceOf(ConfigError);
    // Reported by rejecting, never by throwing from the call itself.
    await expect(client.devices.list()).rejects.toThrow(/withOrg/);
    await expect(client.devices.list().toArray()).rejects.toBeInstanceOf(ConfigError);
    await expect(client.entities.create({ device_id: DEVICE.id, entity_type: "door" })).rejects.toThrow(ConfigError);
    expect(requests).toHaveLength(0);
    await client.devices.get(DEVICE.id, {}, { org: ORG });
    expect(requests).toHaveLength(1);
  });

  it("uses the create body's org_id for X-Org when no org is configured; a configured org wins, the body is sent as given", async () => {
    vi.stubEnv("OPENAPP_ORG", "");
    const { fetch, requests } = scriptedFetch(json(201, DEVICE));
    const body = { org_id: "01HZX2BODYORG00000000000000", integration_id: "01HZXINTEGRATION0000000000", name: { en: "Gate" } };
    await new OpenAppClient({ apiKey: TEST_KEY, fetch }).devices.create(body);
    await testClient(fetch).devices.create(body);
    await new OpenAppClient({ apiKey: TEST_KEY, fetch }).devices.create(body, {}, { org: "01HZX2PERCALL00000000000000" });
    expect(requests.map((r) => r.headers.get("x-org"))).toEqual(["01HZX2BODYORG00000000000000", ORG, "01HZX2PERCALL00000000000000"]);
    expect(requests.map((r) => JSON.parse(r.body).org_id)).toEqual(Array(3).fill("01HZX2BODYORG00000000000000"));
  });

  it("sends X-Org only where the operation declares it", async () => {
    const { fetch, requests } = scriptedFetch(json(200, { items: [], total: 0 }));
    const withOrg = testClient(fetch);
    await withOrg.orgs.get(ORG);
    await withOrg.users.search({ q: "dana" });
    vi.stubEnv("OPENAPP_ORG", "");
    await testClient(fetch, { org: undefined }).users.search({ q: "dana" });
    expect(requests.map((r) => r.headers.get("x-org"))).toEqual([null, ORG, null]);
  });

  it("acts in the listed organization for orgs.users when no org is configured", async () => {
    vi.stubEnv("OPENAPP_ORG", "");
    const { fetch, requests } = scriptedFetch(json(200, { items: [], total: 0 }));
    await testClient(fetch, { org: undefined }).orgs.users("01HZX2CHILDORG000000000000");
    expect(requests[0]?.headers.get("x-org")).toBe("01HZX2CHILDORG000000000000");
  });

  it("refuses an empty org", () => {
    const client = testClient(scriptedFetch(json(200, {})).fetch);
    expect(() => client.withOrg(" ")).toThrow(ConfigError);
    expect(() => testClient(scriptedFetch(json(200, {})).fetch, { org: "" })).toThrow(ConfigError);
  });
});

describe("lists", () => {
  it("flattens params into output_options and pagination with defaults", async () => {
    const { fetch, requests } = scriptedFetch(json(200, []));
    const client = testClient(fetch);
    await client.devices.list({ include_deleted: true, integration_id: "01HZX5B9E3H7K1N5Q9S3V7X1Z4", limit: 50 });
    await client.users.search({ q: "noa" });
    expect(Object.fromEntries(requests[0]?.url.searchParams ?? [])).toEqual({
      include_deleted: "true",
      include_metadata: "false",
      only_deleted: "false",
      integration_id: "01HZX5B9E3H7K1N5Q9S3V7X1Z4",
      limit: "50",
      offset: "0",
    });
    expect(requests[1]?.url.search).toBe("?q=noa&limit=100&offset=0");
  });

  it.each([[201], [0], [-5], [2.5], [Number.NaN]])("refuses limit %s before any request", async (limit) => {
    const { fetch, requests } = scriptedFetch(json(200, []));
    await expect(testClient(fetch).devices.list({ limit })).rejects.toThrow(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it("accepts the maximum page size and a starting offset", async () => {
    const { fetch, requests } = scriptedFetch(json(200, { items: [], total: 0 }));
    const page = await testClient(fetch).entities.list({ limit: 200, offset: 400 });
    expect(page.items).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
    expect(requests[0]?.url.searchParams.get("limit")).toBe("200");
    expect(requests[0]?.url.searchParams.get("offset")).toBe("400");
  });

  it("sends nothing until the page promise is used", async () => {
    const { fetch, requests } = scriptedFetch(json(200, []));
    const pages = testClient(fetch).devices.list();
    expect(requests).toHaveLength(0);
    await pages;
    expect(requests).toHaveLength(1);
  });
});
