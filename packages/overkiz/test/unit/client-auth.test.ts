import { ConfigError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import {
  BadCredentialsError,
  type Middleware,
  NotAuthenticatedError,
  OverkizClient,
  TooManyRequestsError,
  localServer,
} from "../../src/index.js";
import { LOCAL_TEST_SERVER, TEST_SERVER, json, loginOk, overkizError, scriptedFetch } from "../helpers.js";

const credentials = { username: "jane.doe@example.com", password: "correct-horse-battery" };
const notAuthenticated = () => overkizError(401, "RESOURCE_ACCESS_DENIED", "Not authenticated");

describe("session login", () => {
  it("posts a form, keeps the JSESSIONID cookie and sends it on later calls", async () => {
    const script = scriptedFetch({ "POST /login": [loginOk("SESSION-ABC")], "GET /setup/places": [json(200, { oid: "root" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });

    await client.login();
    await client.getPlaces();

    const [login, places] = script.requests;
    expect(login?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(login?.body)).toEqual(new URLSearchParams({ userId: credentials.username, userPassword: credentials.password }));
    expect(login?.headers.get("cookie")).toBeNull();
    expect(places?.headers.get("cookie")).toBe("JSESSIONID=SESSION-ABC");
    expect(places?.headers.get("authorization")).toBeNull();
  });

  it("logs in by itself before the first call, only once for concurrent calls", async () => {
    const script = scriptedFetch({ "POST /login": [loginOk()], "GET /setup/places": [json(200, { oid: "root" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });

    await Promise.all([client.getPlaces(), client.getPlaces(), client.getPlaces()]);

    expect(script.count("POST", "/login")).toBe(1);
    expect(script.count("GET", "/setup/places")).toBe(3);
  });

  it("accepts a 204 login answer", async () => {
    const script = scriptedFetch({
      "POST /login": [new Response(null, { status: 204, headers: { "set-cookie": "JSESSIONID=NOBODY; Path=/" } })],
      "GET /setup/places": [json(200, { oid: "root" })],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });
    await client.getPlaces();
    expect(script.requests[1]?.headers.get("cookie")).toBe("JSESSIONID=NOBODY");
  });

  it("re-logs in once on Not authenticated and repeats the call", async () => {
    const script = scriptedFetch({
      "POST /login": [loginOk("FIRST"), loginOk("SECOND")],
      "GET /setup/places": [notAuthenticated(), json(200, { oid: "root" })],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });

    await expect(client.getPlaces()).resolves.toEqual({ oid: "root" });

    expect(script.requests.map((r) => `${r.method} ${r.path} ${r.headers.get("cookie") ?? ""}`)).toEqual([
      "POST /login ",
      "GET /setup/places JSESSIONID=FIRST",
      "POST /login ",
      "GET /setup/places JSESSIONID=SECOND",
    ]);
  });

  it("gives up after one re-login when the server keeps refusing", async () => {
    const script = scriptedFetch({ "POST /login": [loginOk()], "GET /setup/places": [notAuthenticated()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });

    await expect(client.getPlaces()).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(script.count("POST", "/login")).toBe(2);
    expect(script.count("GET", "/setup/places")).toBe(2);
  });

  it("does not log in twice when concurrent calls see the same expired session", async () => {
    let places = 0;
    const script = scriptedFetch({
      "POST /login": [loginOk("FIRST"), loginOk("SECOND"), loginOk("THIRD")],
      "GET /setup/places": [(request) => (request.headers.get("cookie") === "JSESSIONID=FIRST" ? notAuthenticated() : json(200, { oid: `root-${++places}` }))],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });
    await client.login();

    await Promise.all([client.getPlaces(), client.getPlaces()]);

    expect(script.count("POST", "/login")).toBe(2);
  });

  it("never retries bad credentials", async () => {
    const script = scriptedFetch({ "POST /login": [overkizError(400, "AUTHENTICATION_ERROR", "Bad credentials")] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch, maxRetries: 5 });

    await expect(client.getPlaces()).rejects.toBeInstanceOf(BadCredentialsError);
    expect(script.requests).toHaveLength(1);
  });

  it("never retries a throttled login", async () => {
    const throttled = overkizError(400, "AUTHENTICATION_ERROR", "Too many requests, try again later : login with jane.doe@example.com");
    const script = scriptedFetch({ "POST /login": [throttled] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch, maxRetries: 5 });

    await expect(client.login()).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(script.requests).toHaveLength(1);
  });

  it("treats success=false as bad credentials", async () => {
    const script = scriptedFetch({ "POST /login": [json(200, { success: false })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });
    await expect(client.login()).rejects.toBeInstanceOf(BadCredentialsError);
  });

  it("does not re-login when a failed re-login is bad credentials", async () => {
    const script = scriptedFetch({
      "POST /login": [loginOk(), overkizError(400, "AUTHENTICATION_ERROR", "Bad credentials")],
      "GET /setup/places": [notAuthenticated()],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });
    await expect(client.getPlaces()).rejects.toBeInstanceOf(BadCredentialsError);
    expect(script.count("POST", "/login")).toBe(2);
  });

  it("keeps the password out of error messages", async () => {
    const echo = overkizError(400, "AUTHENTICATION_ERROR", `Bad credentials for password ${credentials.password}`);
    const script = scriptedFetch({ "POST /login": [echo] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });
    const thrown = (await client.login().catch((e: unknown) => e)) as Error;
    expect(thrown).toBeInstanceOf(BadCredentialsError);
    expect(thrown.message).not.toContain(credentials.password);
  });
});

describe("bearer token", () => {
  it("sends only the bearer token, never a cookie", async () => {
    const script = scriptedFetch({ "GET /setup/places": [json(200, { oid: "root" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "abc123token" }, fetch: script.fetch });
    await client.getPlaces({ headers: { Cookie: "JSESSIONID=SNEAKY" } });
    const [request] = script.requests;
    expect(request?.headers.get("authorization")).toBe("Bearer abc123token");
    expect(request?.headers.get("cookie")).toBeNull();
  });

  it("does not retry Not authenticated with a fixed token", async () => {
    const script = scriptedFetch({ "GET /setup/places": [notAuthenticated()] });
    const client = new OverkizClient({ server: LOCAL_TEST_SERVER, credentials: { token: "abc123token" }, fetch: script.fetch });
    await expect(client.getPlaces()).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(script.requests).toHaveLength(1);
  });

  it("checks a local token on login with a cheap read", async () => {
    const script = scriptedFetch({ "GET /setup/gateways": [json(200, [{ gatewayId: "0815-4711-2301" }])] });
    const client = new OverkizClient({ server: LOCAL_TEST_SERVER, credentials: { token: "abc123token" }, fetch: script.fetch });
    await client.login();
    expect(script.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /setup/gateways"]);
  });
});

describe("cookie and bearer never travel together", () => {
  it("the session strategy drops an Authorization header a caller added", async () => {
    const script = scriptedFetch({ "POST /login": [loginOk("S1")], "GET /setup/places": [json(200, { oid: "root" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch });
    await client.getPlaces({ headers: { Authorization: "Bearer leftover" } });
    const places = script.requests[1];
    expect(places?.headers.get("cookie")).toBe("JSESSIONID=S1");
    expect(places?.headers.get("authorization")).toBeNull();
  });

  it("client middleware sees the final authenticated request", async () => {
    const seen: Array<[string | null, string | null]> = [];
    const spy: Middleware = (request, next) => {
      seen.push([request.headers.get("cookie"), request.headers.get("authorization")]);
      return next(request);
    };
    const script = scriptedFetch({ "POST /login": [loginOk("S2")], "GET /setup/places": [json(200, { oid: "root" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch: script.fetch, middleware: [spy] });
    await client.getPlaces();
    expect(seen).toEqual([
      [null, null],
      ["JSESSIONID=S2", null],
    ]);
  });
});

describe("configuration", () => {
  it("refuses an unknown server key and lists the valid ones", () => {
    expect(() => new OverkizClient({ server: "somfy_mars" as never, credentials })).toThrow(ConfigError);
    expect(() => new OverkizClient({ server: "somfy_mars" as never, credentials })).toThrow(/somfy_europe.*somfy_america|somfy_america/);
  });

  it("refuses a password for the local API", () => {
    expect(() => new OverkizClient({ server: localServer("192.168.1.10"), credentials })).toThrow(/only accepts a token/);
  });

  it("refuses plain http to a remote host", () => {
    const server = { ...TEST_SERVER, endpoint: "http://overkiz.example/enduser-mobile-web/enduserAPI/" };
    expect(() => new OverkizClient({ server, credentials })).toThrow(/https/);
  });

  it("refuses mixed credentials", () => {
    expect(() => new OverkizClient({ server: TEST_SERVER, credentials: { ...credentials, token: "t" } as never })).toThrow(ConfigError);
  });
});
