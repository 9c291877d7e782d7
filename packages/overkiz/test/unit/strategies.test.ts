import { createHash } from "node:crypto";
import { ConfigError, ConnectionError, TimeoutError } from "@openapp/core";
import type { PeerCertificate } from "node:tls";
import { describe, expect, it } from "vitest";
import {
  BadCredentialsError,
  BearerTokenStrategy,
  BrandtLoginStrategy,
  CozyTouchServiceError,
  CozytouchLoginStrategy,
  InvalidTokenError,
  JwtLoginStrategy,
  LoginLockedError,
  NexityBadCredentialsError,
  NexityLoginStrategy,
  NexityServiceError,
  NotAuthenticatedError,
  OverkizClient,
  PasswordLoginStrategy,
  RexelOAuthStrategy,
  RexelTokenStrategy,
  SERVERS,
  ServiceUnavailableError,
  SomfyOAuthStrategy,
  SomfyServiceError,
  SsoTokenLoginStrategy,
  TooManyAttemptsBannedError,
  TooManyRequestsError,
  assertRexelConsent,
  jwtClaims,
  localServer,
  pkceChallenge,
  resolveIdentityEndpoints,
  strategyFor,
} from "../../src/index.js";
import { acceptedGatewayNames, checkGatewayIdentity } from "../../src/node.js";
import { isLoginRefusal } from "../../src/internal/login-guard.js";
import { LOCAL_TEST_SERVER, TEST_SERVER, json, loginOk, scriptedFetch } from "../helpers.js";

const account = { username: "jane.doe@example.com", password: "correct-horse-battery" };
const fakeJwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`;

describe("strategyFor: server + kind of credentials", () => {
  it.each([
    ["somfy_europe", SomfyOAuthStrategy],
    ["somfy_america", PasswordLoginStrategy],
    ["somfy_oceania", PasswordLoginStrategy],
    ["atlantic_cozytouch", CozytouchLoginStrategy],
    ["thermor_cozytouch", CozytouchLoginStrategy],
    ["sauter_cozytouch", CozytouchLoginStrategy],
    ["nexity", NexityLoginStrategy],
    ["brandt", BrandtLoginStrategy],
    ["hi_kumo_europe", PasswordLoginStrategy],
  ] as const)("a password on %s uses %o", (key, Strategy) => {
    expect(strategyFor(SERVERS[key], account)).toBeInstanceOf(Strategy);
  });

  it("picks the token, JWT, SSO and Rexel strategies", () => {
    expect(strategyFor(SERVERS.somfy_europe, { token: "t" })).toBeInstanceOf(BearerTokenStrategy);
    expect(strategyFor(localServer("192.168.1.10"), { token: async () => "t" })).toBeInstanceOf(BearerTokenStrategy);
    expect(strategyFor(SERVERS.flexom, { jwt: "a.b.c" })).toBeInstanceOf(JwtLoginStrategy);
    expect(strategyFor(SERVERS.nexity, { userId: "jane_-_example.com", ssoToken: "s" })).toBeInstanceOf(SsoTokenLoginStrategy);
    expect(strategyFor(SERVERS.rexel, { token: "t", gatewayId: "0815-4711-2301" })).toBeInstanceOf(RexelTokenStrategy);
    expect(strategyFor(SERVERS.rexel, { authorizationCode: "c", codeVerifier: "v" })).toBeInstanceOf(RexelOAuthStrategy);
    expect(strategyFor(SERVERS.rexel, { refreshToken: "r" })).toBeInstanceOf(RexelOAuthStrategy);
  });

  it("refuses what cannot work, before any request", () => {
    expect(() => strategyFor(SERVERS.rexel, account)).toThrow(/Rexel signs in through its own page/);
    expect(() => strategyFor(SERVERS.somfy_europe, { refreshToken: "r" })).toThrow(/for the rexel server/);
    expect(() => strategyFor(SERVERS.rexel, { authorizationCode: "c" })).toThrow(/both authorizationCode and codeVerifier/);
    expect(() => strategyFor(localServer("192.168.1.10"), { jwt: "a.b.c" })).toThrow(/only accepts a token/);
    expect(() => strategyFor(SERVERS.flexom, { jwt: "a.b.c", token: "t" } as never)).toThrow(/one kind of credentials/);
    expect(() => strategyFor(SERVERS.flexom, { token: "  " })).toThrow(ConfigError);
    expect(() => strategyFor(SERVERS.flexom, {} as never)).toThrow(ConfigError);
  });
});

describe("token callbacks", () => {
  it("retries once with a renewed token from the callback after 'Not authenticated'", async () => {
    let n = 0;
    const notAuthenticated = json(401, { errorCode: "RESOURCE_ACCESS_DENIED", error: "Not authenticated" });
    const script = scriptedFetch({ "GET /setup/places": [notAuthenticated, json(200, { oid: "root" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: async () => `token-${++n}` }, fetch: script.fetch });
    await expect(client.getPlaces()).resolves.toEqual({ oid: "root" });
    expect(script.requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("refuses an empty token from a callback", async () => {
    const script = scriptedFetch({});
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: async () => "" }, fetch: script.fetch });
    await expect(client.getPlaces()).rejects.toThrow(/The token callback's answer must be a non-empty string/);
    expect(script.requests).toHaveLength(0);
  });

  it("refuses a token with a newline as a ConfigError, fixed at construction and from a callback before sending", async () => {
    const script = scriptedFetch({});
    const fixed = () => new OverkizClient({ server: TEST_SERVER, credentials: { token: "tok_abc\nX-Injected: 1" }, fetch: script.fetch });
    expect(fixed).toThrow(ConfigError);
    expect(fixed).toThrow(/The token must be a non-empty string without whitespace or control characters/);
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: async () => "tok_abc\r\nX-Injected: 1" }, fetch: script.fetch });
    await expect(client.getPlaces()).rejects.toBeInstanceOf(ConfigError);
    expect(script.requests).toHaveLength(0);
  });
});

describe("login back-off", () => {
  it("does not pause after a network failure: it says nothing about the credentials", async () => {
    const script = scriptedFetch({
      "POST /login": [
        () => {
          throw new TypeError("fetch failed");
        },
      ],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: account, fetch: script.fetch, maxRetries: 0 });
    await expect(client.login()).rejects.toBeInstanceOf(ConnectionError);
    await expect(client.login()).rejects.toBeInstanceOf(ConnectionError);
    expect(script.count("POST", "/login")).toBe(2);
  });

  const refusalOf = (status: number, errorCode: string, error: string) => json(status, { errorCode, error });

  it.each([
    ["a 503", new Response("", { status: 503 })],
    ["a 502 proxy page", new Response("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } })],
    ["a maintenance page", new Response("<html>The service is down for maintenance</html>", { status: 503, headers: { "content-type": "text/html" } })],
    ["a 500 with an errorCode", refusalOf(500, "UNSPECIFIED_ERROR", "Internal error")],
    ["an unrecognised 400", refusalOf(400, "INVALID_PARAMETER", "Bad parameters")],
  ])("does not pause after %s: it says nothing about the credentials", async (_what, answer) => {
    const script = scriptedFetch({ "POST /login": [answer, loginOk()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: account, fetch: script.fetch, maxRetries: 0 });
    await expect(client.login()).rejects.not.toBeInstanceOf(LoginLockedError);
    await expect(client.login()).resolves.toBeUndefined();
    expect(script.count("POST", "/login")).toBe(2);
  });

  it.each([
    ["bad credentials", refusalOf(400, "AUTHENTICATION_ERROR", "Bad credentials")],
    ["too many login attempts", refusalOf(400, "AUTHENTICATION_ERROR", "Too many requests, try again later : login with jane.doe@example.com")],
    ["a temporary ban", refusalOf(400, "UNSPECIFIED_ERROR", "Too many attempts with an invalid token, temporarily banned")],
    ["an unknown account", refusalOf(400, "AUTHENTICATION_ERROR", "No such user account : jane.doe@example.com")],
    ["an unrecognised authentication error", refusalOf(401, "AUTHENTICATION_ERROR", "Account locked")],
    ["success=false", json(200, { success: false })],
    ["a bare 429", new Response("", { status: 429 })],
  ])("pauses after %s", async (_what, answer) => {
    const script = scriptedFetch({ "POST /login": [answer, loginOk()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: account, fetch: script.fetch, maxRetries: 0 });
    await expect(client.login()).rejects.not.toBeInstanceOf(LoginLockedError);
    await expect(client.login()).rejects.toBeInstanceOf(LoginLockedError);
    expect(script.count("POST", "/login")).toBe(1);
  });

  it("a 503 during the re-login after an expired session does not stop the next call", async () => {
    const notAuthenticated = refusalOf(401, "RESOURCE_ACCESS_DENIED", "Not authenticated");
    const script = scriptedFetch({
      "POST /login": [loginOk("S1"), new Response("", { status: 503 }), loginOk("S2")],
      "GET /setup/gateways": [json(200, []), notAuthenticated, json(200, [])],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: account, fetch: script.fetch, maxRetries: 0 });
    const read = () => client.getGateways({ refresh: true });
    await expect(read()).resolves.toEqual([]);
    await expect(read()).rejects.not.toBeInstanceOf(LoginLockedError);
    await expect(read()).resolves.toEqual([]);
    expect(script.count("POST", "/login")).toBe(3);
  });

  it.each([
    ["Somfy", "somfy_europe", "POST /somfy/token"],
    ["Cozytouch", "atlantic_cozytouch", "POST /atlantic/token"],
  ] as const)("%s: a 5xx or 408 from the identity provider does not pause, its refusal does", async (_brand, key, route) => {
    const [, path] = route.split(" ") as [string, string];
    const base = "https://identity.test";
    const refused = json(400, key === "somfy_europe" ? { message: "error.invalid.grant" } : { error: "invalid_grant", error_description: "Bad credentials" });
    const answers = [new Response("", { status: 503 }), new Response("", { status: 408 }), refused];
    const fetch = async (input: Request) => {
      if (!input.url.startsWith(base)) throw new Error(`unexpected ${input.url}`);
      return (answers.shift() as Response).clone();
    };
    const identityEndpoints = key === "somfy_europe" ? { somfy: { tokenUrl: `${base}${path}` } } : { cozytouch: { tokenUrl: `${base}${path}` } };
    const client = new OverkizClient({ server: { ...SERVERS[key], endpoint: TEST_SERVER.endpoint }, credentials: account, fetch, identityEndpoints, maxRetries: 0 });
    for (let i = 0; i < 3; i++) await expect(client.login()).rejects.not.toBeInstanceOf(LoginLockedError);
    await expect(client.login()).rejects.toBeInstanceOf(LoginLockedError);
  });

  it("names the refusals by class: every brand's bad credentials and lockouts, never a service failure", () => {
    const init = (status: number) => ({ status, message: "m", method: "POST", url: "https://overkiz.test/login" });
    const refusals = [
      new BadCredentialsError(init(400)),
      new NexityBadCredentialsError(init(400)),
      new TooManyRequestsError(init(400)),
      new TooManyAttemptsBannedError(init(400)),
      new InvalidTokenError(init(401)),
      new NotAuthenticatedError(init(401)),
    ];
    const failures = [
      new ServiceUnavailableError(init(503)),
      new NexityServiceError(init(400)),
      new SomfyServiceError(init(200)),
      new CozyTouchServiceError(init(401)),
      new BadCredentialsError(init(503)),
      new ConnectionError("reset"),
      new TimeoutError(30_000),
    ];
    expect(refusals.filter((error) => !isLoginRefusal(error)).map((error) => error.name)).toEqual([]);
    expect(failures.filter((error) => isLoginRefusal(error)).map((error) => error.name)).toEqual([]);
  });

  it("caps the pause and can be configured or turned off", async () => {
    let now = 0;
    const refused = json(400, { errorCode: "AUTHENTICATION_ERROR", error: "Bad credentials" });
    const script = scriptedFetch({ "POST /login": [refused] });
    const client = new OverkizClient({
      server: TEST_SERVER,
      credentials: account,
      fetch: script.fetch,
      now: () => now,
      loginBackoff: { initialDelayMs: 10_000, multiplier: 10, maxDelayMs: 300_000 },
    });
    const pauses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      await client.login().catch(() => undefined);
      const locked = (await client.login().catch((e: unknown) => e)) as LoginLockedError;
      pauses.push(locked.retryAfterMs);
      now += locked.retryAfterMs;
    }
    expect(pauses).toEqual([10_000, 100_000, 300_000, 300_000]);

    const unguarded = new OverkizClient({ server: TEST_SERVER, credentials: account, fetch: script.fetch, loginBackoff: false });
    await unguarded.login().catch(() => undefined);
    await expect(unguarded.login()).rejects.not.toBeInstanceOf(LoginLockedError);
    expect(() => new OverkizClient({ server: TEST_SERVER, credentials: account, loginBackoff: { multiplier: 0.5 } })).toThrow(ConfigError);
  });
});

describe("OAuth helpers", () => {
  it("reads JWT claims and checks Rexel's consent claim", () => {
    expect(jwtClaims(fakeJwt({ consent: "homeassistant", exp: 1 }))).toEqual({ consent: "homeassistant", exp: 1 });
    expect(jwtClaims("not-a-jwt")).toBeUndefined();
    expect(() => assertRexelConsent(fakeJwt({ consent: "homeassistant" }))).not.toThrow();
    expect(() => assertRexelConsent(fakeJwt({ consent: "revoked" }))).toThrow(InvalidTokenError);
    expect(() => assertRexelConsent("opaque-token")).toThrow(/consent is missing or revoked/);
  });

  it("computes the RFC 7636 S256 challenge", async () => {
    // Checked against node:crypto, an implementation independent of the WebCrypto one used.
    const verifier = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";
    expect(await pkceChallenge(verifier)).toBe(createHash("sha256").update(verifier).digest("base64url"));
  });

  it("validates identity endpoint overrides", () => {
    expect(resolveIdentityEndpoints({ somfy: { tokenUrl: "http://127.0.0.1:9/token" } }).somfy.tokenUrl).toBe("http://127.0.0.1:9/token");
    expect(() => resolveIdentityEndpoints({ somfy: { tokenUrl: "http://accounts.example.com/token" } })).toThrow(/https/);
    expect(() => resolveIdentityEndpoints({ unknown: {} } as never)).toThrow(/Unknown identityEndpoints/);
  });

  it("a local token that the gateway refuses is not retried", async () => {
    const script = scriptedFetch({ "GET /setup/gateways": [json(401, { errorCode: "RESOURCE_ACCESS_DENIED", error: "Not authenticated." })] });
    const client = new OverkizClient({ server: LOCAL_TEST_SERVER, credentials: { token: "f00dfeed" }, fetch: script.fetch });
    await expect(client.login()).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(script.requests).toHaveLength(1);
  });
});

describe("gateway certificate names", () => {
  const certificate = (...names: string[]) => ({ subject: { CN: names[0] }, subjectaltname: names.map((n) => `DNS:${n}`).join(", ") }) as unknown as PeerCertificate;

  it("accepts <pin>.local for gateway-<pin>.local, and only through the PIN for an IP", () => {
    expect(acceptedGatewayNames("gateway-1234-5678-9012.local")).toEqual(["1234-5678-9012.local", "gateway-1234-5678-9012.local"]);
    expect(acceptedGatewayNames("192.168.1.10")).toEqual([]);
    expect(acceptedGatewayNames("192.168.1.10", { gatewayPin: "1234-5678-9012" })).toEqual(["1234-5678-9012.local", "gateway-1234-5678-9012.local"]);
    expect(acceptedGatewayNames("tahoma.home.arpa")).toEqual(["tahoma.home.arpa"]);
    expect(acceptedGatewayNames("192.168.1.10", { servername: "box.local" })).toEqual(["box.local"]);
  });

  it("checks the certificate's names against them", () => {
    const cert = certificate("1234-5678-9012.local");
    expect(checkGatewayIdentity("gateway-1234-5678-9012.local", cert)).toBeUndefined();
    expect(checkGatewayIdentity("192.168.1.10", cert, { gatewayPin: "1234-5678-9012" })).toBeUndefined();
    expect(checkGatewayIdentity("gateway-9999-9999-9999.local", cert)?.message).toMatch(/names none of/);
    expect(checkGatewayIdentity("192.168.1.10", cert)?.message).toMatch(/pass gatewayPin/);
    expect(checkGatewayIdentity("192.168.1.10", cert, { gatewayPin: "1234-5678-9999" })).toBeInstanceOf(Error);
  });
});
