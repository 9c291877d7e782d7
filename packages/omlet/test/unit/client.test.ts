import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  ConfigError,
  InternalServerError,
  InvalidFieldsError,
  LoginFailedError,
  NotFoundError,
  OmletClient,
  PermissionDeniedError,
  ValidationError,
  deviceStatus,
  requireAction,
} from "../../src/index.js";
import { batteryDoorWithoutLight, doorWithLight, fan, feeder } from "../fixtures/devices.js";
import { BASE_URL, TEST_KEY, json, noContent, scriptedFetch, sequenceFetch, testClient } from "../helpers.js";

describe("configuration of the client", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses authenticated calls without a key before any request", async () => {
    vi.stubEnv("OMLET_API_KEY", "");
    const { fetch, requests } = scriptedFetch(json(200, []));
    const omlet = new OmletClient({ baseUrl: BASE_URL, fetch });
    await expect(omlet.getDevices()).rejects.toBeInstanceOf(ConfigError);
    await expect(omlet.door(doorWithLight("closed")).open()).rejects.toThrow(/OMLET_API_KEY/);
    expect(requests).toHaveLength(0);
  });

  it("reads the key from OMLET_API_KEY and sends it as a bearer token", async () => {
    vi.stubEnv("OMLET_API_KEY", "env_key_7Hq2");
    const { fetch, requests } = scriptedFetch(json(200, []));
    await new OmletClient({ baseUrl: BASE_URL, fetch }).getDevices();
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer env_key_7Hq2");
    expect(requests[0]?.url.href).toBe(`${BASE_URL}/device`);
  });

  it("logs in without a key, never sends one to /login, and returns the issued key", async () => {
    vi.stubEnv("OMLET_API_KEY", "");
    const { fetch, requests } = scriptedFetch(json(200, { apiKey: "issued_key_Xy81" }));
    const omlet = new OmletClient({ baseUrl: BASE_URL, fetch });
    const apiKey = await omlet.login("kim@example.org", "s3cret-pass", "GB");
    expect(apiKey).toBe("issued_key_Xy81");
    expect(requests[0]?.headers.has("authorization")).toBe(false);
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ emailAddress: "kim@example.org", password: "s3cret-pass", cc: "GB" });

    await omlet.withApiKey(apiKey).logout();
    expect(requests[1]?.headers.get("authorization")).toBe("Bearer issued_key_Xy81");
  });

  it("logs each request to the given logger, never the key, and warns about ignored idempotency keys", async () => {
    const lines: Array<[level: string, message: string, fields?: unknown]> = [];
    const at = (level: string) => (message: string, fields?: unknown) => void lines.push([level, message, fields]);
    const logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
    const { fetch } = scriptedFetch((request) => (request.method === "GET" ? json(200, []) : noContent()));
    const omlet = testClient(fetch, { logger });
    await omlet.getDevices();
    await omlet.performAction({ deviceId: "Pz4kWm82QrTd1VxN", actionName: "open" }, { idempotencyKey: "retry-me" });

    expect(lines.some(([level, , fields]) => level === "debug" && JSON.stringify(fields).includes("/api/v1/device"))).toBe(true);
    expect(lines.some(([level, message]) => level === "warn" && message.includes("idempotencyKey ignored"))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(TEST_KEY);
  });

  it("refuses an unknown option, naming the one that was probably meant", () => {
    expect(() => new OmletClient({ apiKey: "k", interceptors: [] } as never)).toThrow(/Unknown option `interceptors`.*`middleware`/);
    expect(() => new OmletClient({ apiKey: "k", timout: 5 } as never)).toThrow(/`timout`.*`timeout`/);
  });

  it("sends createGroup once after a 503, also with an idempotency key (Omlet does not deduplicate)", async () => {
    const { fetch, requests } = scriptedFetch(json(503, { message: "busy" }));
    await expect(testClient(fetch).createGroup("Orchard", { idempotencyKey: "g-1" })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.has("idempotency-key")).toBe(false);
  });

  it("rejects malformed keys and base urls up front", () => {
    expect(() => new OmletClient({ apiKey: "two words" })).toThrow(ConfigError);
    expect(() => new OmletClient({ apiKey: "k", baseUrl: "ftp://omlet.test" })).toThrow(ConfigError);
    expect(() => new OmletClient({ apiKey: "k", baseUrl: "not a url" })).toThrow(ConfigError);
    expect(new OmletClient({ apiKey: "k" }).baseUrl).toBe("https://x107.omlet.co.uk/api/v1");
  });
});

describe("reading devices", () => {
  it("returns every device kind without tripping over missing sections or mixed types", async () => {
    const { fetch } = scriptedFetch(json(200, [doorWithLight(), fan(), feeder(), batteryDoorWithoutLight()]));
    const devices = await testClient(fetch).getDevices();
    const statuses = devices.map(deviceStatus);

    expect(statuses.map((s) => [s.deviceType, s.power, s.wifiStrength])).toEqual([
      ["Autodoor", "mains", -55],
      ["Fan", "mains", -47],
      ["Feeder", "battery", -66],
      ["Autodoor", "battery", -74],
    ]);
    expect(statuses[0]).toMatchObject({ door: "open", light: "off", lightFitted: true, fan: undefined });
    expect(statuses[1]).toMatchObject({ fan: "off", door: undefined, light: undefined });
    expect(statuses[2]).toMatchObject({ feeder: "open", door: undefined, nextConnection: new Date("2025-09-02T05:50:00Z") });
    expect(statuses[3]).toMatchObject({ lightFitted: false, connected: false, batteryLevel: 58 });
  });

  it("fills in a missing invites list on the user", async () => {
    const { fetch } = scriptedFetch(json(200, { emailAddress: "kim@example.org", firstName: "Kim" }));
    const user = await testClient(fetch).getUser();
    expect(user.invites).toEqual([]);
  });

  it("accepts events as a bare array or inside a data envelope", async () => {
    const event = { deviceId: "Pz4kWm82QrTd1VxN", parameterSetName: "door", parameterName: "state", newValue: "open" };
    const { fetch, requests } = sequenceFetch(json(200, [event]), json(200, { data: [event], current_page: 2 }));
    const omlet = testClient(fetch);
    expect(await omlet.getEvents()).toEqual([event]);
    expect(await omlet.getEvents({ page: 2 })).toEqual([event]);
    expect(requests[1]?.url.search).toBe("?page=2");
  });
});

describe("writes", () => {
  it("sends only the configuration fields that were given", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    await testClient(fetch).updateConfiguration("Pz4kWm82QrTd1VxN", {
      door: { openTime: "06:45", closeTime: undefined },
      light: {},
    });
    expect(requests[0]?.method).toBe("PATCH");
    expect(requests[0]?.url.pathname).toBe("/api/v1/device/Pz4kWm82QrTd1VxN/configuration");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ door: { openTime: "06:45" } });
  });

  it("refuses empty or null configuration updates without calling the API", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    await expect(omlet.updateConfiguration("Pz4kWm82QrTd1VxN", { door: {} })).rejects.toBeInstanceOf(ValidationError);
    const withNull = { door: { openTime: null } } as unknown as Parameters<OmletClient["updateConfiguration"]>[1];
    await expect(omlet.updateConfiguration("Pz4kWm82QrTd1VxN", withNull)).rejects.toThrow(/door\.openTime/);
    expect(requests).toHaveLength(0);
  });

  it("names the member to remove in the emailAddress query parameter and in the JSON body", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    await testClient(fetch).removeUser("Gq2LmS7xTn4RwY8c", "sam+coop@example.com");
    expect(requests[0]?.method).toBe("DELETE");
    expect(requests[0]?.url.pathname).toBe("/api/v1/group/Gq2LmS7xTn4RwY8c/user");
    expect(requests[0]?.url.searchParams.get("emailAddress")).toBe("sam+coop@example.com");
    // The official SDKs name the member in a JSON body instead; both carry the same address.
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ emailAddress: "sam+coop@example.com" });
    expect(requests[0]?.headers.get("content-type")).toBe("application/json");
  });

  it("renames a group under both names and percent-encodes path ids", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    await omlet.updateGroup("a/b", "Top paddock");
    await omlet.updateGroupName("a/b", { groupName: "Lower field" });
    expect(requests.map((r) => [r.url.pathname, JSON.parse(r.body)])).toEqual([
      ["/api/v1/group/a%2Fb", { groupName: "Top paddock" }],
      ["/api/v1/group/a%2Fb", { groupName: "Lower field" }],
    ]);
  });

  it("accepts and declines invites from the user's invite list", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    await omlet.acceptInvite({ groupId: "Iv3Qw" });
    await omlet.rejectInvite("Iv4Er");
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(["POST /api/v1/invite/Iv3Qw", "DELETE /api/v1/invite/Iv4Er"]);
  });
});

describe("errors", () => {
  it("turns {message} bodies into typed errors carrying that message, without the key", async () => {
    const { fetch } = scriptedFetch(json(404, { message: "Device not found" }));
    const error = await testClient(fetch).getDeviceById("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as NotFoundError).message).toContain("Device not found");
    expect(String(error)).not.toContain(TEST_KEY);
    expect(JSON.stringify(error)).not.toContain(TEST_KEY);
  });

  it("keeps the password out of a refused login whose server echoes the request", async () => {
    const password = "Hunter2-coop-door!";
    const { fetch } = scriptedFetch(async (request) =>
      json(401, { message: "Login failed", echo: await request.text() }, { "x-echo": password }),
    );
    const error = await testClient(fetch).login("kim@example.org", password).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginFailedError);
    const { inspect } = await import("node:util");
    const rendered = [JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), String(error), (error as Error).stack].join("\n");
    expect(rendered).not.toContain(password);
  });

  it("maps a refused login and field errors to Omlet-specific classes", async () => {
    const { fetch } = sequenceFetch(
      json(401, { message: "Login failed" }),
      json(400, { message: "The given data was invalid.", errors: { emailAddress: ["must be a valid email address"] } }),
      json(403, { message: "Only group admins can change this group." }),
    );
    const omlet = testClient(fetch);
    const login = await omlet.login("kim@example.org", "wrong").catch((e: unknown) => e);
    expect(login).toBeInstanceOf(LoginFailedError);
    expect(login).toBeInstanceOf(AuthenticationError);

    const fields = await omlet.updateAccount({ emailAddress: "nope" }).catch((e: unknown) => e);
    expect(fields).toBeInstanceOf(InvalidFieldsError);
    expect((fields as InvalidFieldsError).fieldErrors).toEqual({ emailAddress: ["must be a valid email address"] });

    await expect(omlet.updateGroup("Gq2LmS7xTn4RwY8c", "x")).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("never repeats an action after a server error, even when given an idempotency key", async () => {
    const { fetch, requests } = scriptedFetch(json(503, { message: "Service unavailable" }));
    const omlet = testClient(fetch);
    const device = doorWithLight("closed");
    await expect(omlet.door(device).open()).rejects.toBeInstanceOf(InternalServerError);
    await expect(omlet.performAction(requireAction(device, "close"), { idempotencyKey: "k-1" })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.has("idempotency-key")).toBe(false);
  });

  it("retries a read after a 503 (reads are idempotent)", async () => {
    vi.useFakeTimers();
    try {
      const { fetch, requests } = sequenceFetch(json(503, { message: "busy" }, { "retry-after": "1" }), json(200, []));
      const pending = testClient(fetch).getDevices();
      await vi.advanceTimersByTimeAsync(1_500);
      await expect(pending).resolves.toEqual([]);
      expect(requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
