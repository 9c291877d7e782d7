/**
 * Every sign-in strategy end to end. Overkiz calls go through `prism proxy --errors` to a
 * scripted upstream; identity providers (OAuth servers, Cognito, Cozytouch, Brandt, Rexel's
 * directory) are scripted on the same upstream and reached directly.
 */
import { randomBytes } from "node:crypto";
import type { Received } from "@openapp/testing";
import { describe, expect, it } from "vitest";
import {
  BadCredentialsError,
  InvalidTokenError,
  LoginLockedError,
  NexityBadCredentialsError,
  NoGatewaySelectedError,
  type OAuthTokens,
  OverkizClient,
  SomfyBadCredentialsError,
  buildAuthorizeUrl,
  createPkcePair,
  pkceChallenge,
} from "../../src/index.js";
import { fakeJwt, form, loginAnswer, place, useScenarioHarness } from "./harness.js";

const h = useScenarioHarness();
const account = { username: "jane.doe@example.com", password: "correct-horse-battery" };
const placesAnswer = { status: 200, body: place };

function manualClock(start = Date.UTC(2026, 10, 21, 8, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const line = (r: Received) => `${r.method} ${r.path}`;

describe("plain session login", () => {
  it("logs in once and reuses the JSESSIONID cookie on every call", async () => {
    h.upstream.on("POST", "/login", loginAnswer("5A1B9C3D7E2F4A6B"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const client = new OverkizClient({ server: h.server(), credentials: account, middleware: [h.recorder] });

    await client.getPlaces();
    await client.getPlaces();

    expect(h.upstream.requests.map((r) => `${line(r)} ${r.headers.cookie ?? "-"}`)).toEqual([
      "POST /login -",
      "GET /setup/places JSESSIONID=5A1B9C3D7E2F4A6B",
      "GET /setup/places JSESSIONID=5A1B9C3D7E2F4A6B",
    ]);
    expect(form(h.upstream.requests[0])).toEqual({ userId: account.username, userPassword: account.password });
  });

  it("opens the session with a JWT from an async callback", async () => {
    h.upstream.on("POST", "/login", loginAnswer("0C1D2E3F4A5B6C7D"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const jwt = fakeJwt({ sub: "jane" });
    const client = new OverkizClient({ server: h.server(), credentials: { jwt: async () => jwt }, middleware: [h.recorder] });

    await client.getPlaces();

    expect(form(h.requestsTo("/login")[0])).toEqual({ jwt });
    expect(h.requestsTo("/setup/places")[0]?.headers.cookie).toBe("JSESSIONID=0C1D2E3F4A5B6C7D");
  });

  it("opens the session with an SSO token and its user id", async () => {
    h.upstream.on("POST", "/login", loginAnswer("1D2E3F4A5B6C7D8E"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const client = new OverkizClient({
      server: h.server(),
      credentials: { userId: "jane.doe_-_example.com", ssoToken: "sso-7b1f0c2e9d8a4c6b" },
      middleware: [h.recorder],
    });

    await client.getPlaces();

    expect(form(h.requestsTo("/login")[0])).toEqual({ userId: "jane.doe_-_example.com", ssoToken: "sso-7b1f0c2e9d8a4c6b" });
  });
});

describe("login back-off", () => {
  it("pauses logins after a refusal, says for how long, grows ×4 and resets on success", async () => {
    const refused = { status: 400, body: { errorCode: "AUTHENTICATION_ERROR", error: "Bad credentials" } };
    h.upstream.on("POST", "/login", refused, refused, loginAnswer("2E3F4A5B6C7D8E9F"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const clock = manualClock();
    const client = new OverkizClient({ server: h.server(), credentials: account, middleware: [h.recorder], now: clock.now });

    await expect(client.login()).rejects.toBeInstanceOf(BadCredentialsError);
    const paused = (await client.getPlaces().catch((e: unknown) => e)) as LoginLockedError;
    expect(paused).toBeInstanceOf(LoginLockedError);
    expect(paused.message).toMatch(/paused for another 60 s after 1 refused attempt/);
    expect(paused.retryAfterMs).toBe(60_000);
    expect(h.requestsTo("/login")).toHaveLength(1);

    clock.advance(60_000);
    await expect(client.login()).rejects.toBeInstanceOf(BadCredentialsError);
    clock.advance(239_000);
    await expect(client.login()).rejects.toThrow(/another 1 s after 2 refused attempts?/);
    expect(h.requestsTo("/login")).toHaveLength(2);

    clock.advance(1_000);
    await client.getPlaces();
    expect(h.requestsTo("/login")).toHaveLength(3);
    expect(h.requestsTo("/setup/places")[0]?.headers.cookie).toBe("JSESSIONID=2E3F4A5B6C7D8E9F");
  });
});

describe("Somfy Europe OAuth", () => {
  it("signs in with the password grant, sends the bearer, and refreshes 5 s before expiry", async () => {
    h.upstream.on("POST", "/somfy/token",
      { status: 200, body: { access_token: "somfy-access-1", refresh_token: "somfy-refresh-1", expires_in: 3600, token_type: "bearer" } },
      { status: 200, body: { access_token: "somfy-access-2", refresh_token: "somfy-refresh-2", expires_in: 3600, token_type: "bearer" } },
    );
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const clock = manualClock();
    const client = new OverkizClient({
      server: h.server({ key: "somfy_europe" }),
      credentials: account,
      identityEndpoints: { somfy: { tokenUrl: `${h.upstream.origin}/somfy/token`, clientId: "somfy-app", clientSecret: "somfy-app-secret" } },
      middleware: [h.recorder],
      now: clock.now,
    });

    await client.getPlaces();
    clock.advance(3_594_000); // 6 s before expiry: still fresh
    await client.getPlaces();
    clock.advance(1_000); // 5 s before expiry: refreshed
    await client.getPlaces();

    expect(h.upstream.requests.map((r) => `${line(r)} ${r.headers.authorization ?? "-"}`)).toEqual([
      "POST /somfy/token -",
      "GET /setup/places Bearer somfy-access-1",
      "GET /setup/places Bearer somfy-access-1",
      "POST /somfy/token -",
      "GET /setup/places Bearer somfy-access-2",
    ]);
    const [passwordGrant, refreshGrant] = h.requestsTo("/somfy/token").map(form);
    expect(passwordGrant).toEqual({ grant_type: "password", username: account.username, password: account.password, client_id: "somfy-app", client_secret: "somfy-app-secret" });
    expect(refreshGrant).toEqual({ grant_type: "refresh_token", refresh_token: "somfy-refresh-1", client_id: "somfy-app", client_secret: "somfy-app-secret" });
    expect(h.requestsTo("/login")).toHaveLength(0);
    expect(h.requestsTo("/setup/places").every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it("maps a refused password grant to SomfyBadCredentialsError", async () => {
    h.upstream.on("POST", "/somfy/token", { status: 400, body: { message: "error.invalid.grant" } });
    const client = new OverkizClient({
      server: h.server({ key: "somfy_europe" }),
      credentials: account,
      identityEndpoints: { somfy: { tokenUrl: `${h.upstream.origin}/somfy/token` } },
    });
    const error = (await client.login().catch((e: unknown) => e)) as SomfyBadCredentialsError;
    expect(error).toBeInstanceOf(SomfyBadCredentialsError);
    expect(error).toBeInstanceOf(BadCredentialsError);
    expect(error.message).toContain("error.invalid.grant");
    expect(error.message).not.toContain(account.password);
  });
});

describe("Cozytouch", () => {
  it("gets an Atlantic token, trades it for a JWT and opens the session with it", async () => {
    const jwt = fakeJwt({ sub: "GA-PRIVATEPERSON/jane.doe@example.com" });
    h.upstream.on("POST", "/atlantic/token", { status: 200, body: { token_type: "Bearer", access_token: "atl-access-51f0", expires_in: 3600 } });
    h.upstream.on("GET", "/atlantic/magellan/accounts/jwt", { status: 200, body: `"${jwt}"` });
    h.upstream.on("POST", "/login", loginAnswer("3F4A5B6C7D8E9F0A"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const client = new OverkizClient({
      server: h.server({ key: "thermor_cozytouch" }),
      credentials: account,
      identityEndpoints: {
        cozytouch: { tokenUrl: `${h.upstream.origin}/atlantic/token`, jwtUrl: `${h.upstream.origin}/atlantic/magellan/accounts/jwt`, clientCredentials: "Y2xpZW50OnNlY3JldA==" },
      },
      middleware: [h.recorder],
    });

    await client.getPlaces();

    expect(h.upstream.requests.map(line)).toEqual(["POST /atlantic/token", "GET /atlantic/magellan/accounts/jwt", "POST /login", "GET /setup/places"]);
    const [token, jwtRequest, login, places] = h.upstream.requests;
    expect(token?.headers.authorization).toBe("Basic Y2xpZW50OnNlY3JldA==");
    expect(form(token)).toEqual({ grant_type: "password", username: `GA-PRIVATEPERSON/${account.username}`, password: account.password });
    expect(jwtRequest?.headers.authorization).toBe("Bearer atl-access-51f0");
    expect(form(login)).toEqual({ jwt });
    expect(places?.headers.cookie).toBe("JSESSIONID=3F4A5B6C7D8E9F0A");
  });
});

describe("Brandt", () => {
  it("opens a Smart Control session, reads the JWT with its cookie, and logs in with it", async () => {
    const jwt = fakeJwt({ sub: "brandt-user-4411" });
    h.upstream.on("POST", "/brandt/sessions.json",
      { status: 201, headers: { "set-cookie": "_smartcontrol_session=9f8e7d6c5b4a; path=/; HttpOnly" }, body: { client: { email: account.username } } },
    );
    h.upstream.on("GET", "/brandt/profile/jwt.json", (request) =>
      request.headers.cookie === "_smartcontrol_session=9f8e7d6c5b4a" ? { status: 200, body: { client: { jwt } } } : { status: 401, body: { error: ["not signed in"] } },
    );
    h.upstream.on("POST", "/login", loginAnswer("4A5B6C7D8E9F0A1B"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const client = new OverkizClient({
      server: h.server({ key: "brandt" }),
      credentials: account,
      identityEndpoints: { brandt: { sessionUrl: `${h.upstream.origin}/brandt/sessions.json`, jwtUrl: `${h.upstream.origin}/brandt/profile/jwt.json` } },
      middleware: [h.recorder],
    });

    await client.getPlaces();

    expect(h.upstream.requests.map(line)).toEqual(["POST /brandt/sessions.json", "GET /brandt/profile/jwt.json", "POST /login", "GET /setup/places"]);
    expect(JSON.parse(h.upstream.requests[0]?.body ?? "")).toEqual({ client: { email: account.username, password: account.password, partner: "brandt-electromenager" } });
    expect(form(h.requestsTo("/login")[0])).toEqual({ jwt });
  });

  it("reports Brandt's own reason for a refusal", async () => {
    h.upstream.on("POST", "/brandt/sessions.json", { status: 401, body: { error: ["Invalid email or password."] } });
    const client = new OverkizClient({
      server: h.server({ key: "brandt" }),
      credentials: account,
      identityEndpoints: { brandt: { sessionUrl: `${h.upstream.origin}/brandt/sessions.json` } },
    });
    await expect(client.login()).rejects.toThrow(/Brandt sign-in failed: Invalid email or password/);
  });
});

describe("Nexity (Cognito SRP)", () => {
  const idToken = fakeJwt({ sub: "5f0c1d2e", email: account.username, token_use: "id", exp: 2_000_000_000 });
  const cognitoTarget = (request: Received) => request.headers["x-amz-target"]?.replace("AWSCognitoIdentityProviderService.", "");

  function scriptCognito(refuse = false) {
    h.upstream.on("POST", "/cognito/", (request) => {
      const target = cognitoTarget(request);
      if (refuse) return { status: 400, body: { __type: "NotAuthorizedException", message: "Incorrect username or password." } };
      if (target === "InitiateAuth") {
        return {
          status: 200,
          body: {
            ChallengeName: "PASSWORD_VERIFIER",
            ChallengeParameters: {
              SALT: randomBytes(16).toString("hex"),
              SECRET_BLOCK: randomBytes(64).toString("base64"),
              SRP_B: `1${randomBytes(383).toString("hex")}`,
              USERNAME: "5f0c1d2e",
              USER_ID_FOR_SRP: "5f0c1d2e",
            },
          },
        };
      }
      return { status: 200, body: { AuthenticationResult: { IdToken: idToken, AccessToken: fakeJwt({ token_use: "access" }), RefreshToken: "cognito-refresh", ExpiresIn: 3600, TokenType: "Bearer" }, ChallengeParameters: {} } };
    });
  }

  const nexityEndpoints = () => ({
    nexity: { cognitoEndpoint: `${h.upstream.origin}/cognito/`, ssoTokenUrl: `${h.upstream.origin}/nexity/domotic/token` },
  });

  it("runs SRP through the Cognito library, trades the id token for an SSO token and logs in", async () => {
    scriptCognito();
    h.upstream.on("GET", "/nexity/domotic/token", { status: 200, body: { token: "nexity-sso-2c4e6a8b" } });
    h.upstream.on("POST", "/login", loginAnswer("5B6C7D8E9F0A1B2C"));
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const client = new OverkizClient({ server: h.server({ key: "nexity" }), credentials: account, identityEndpoints: nexityEndpoints(), middleware: [h.recorder] });

    await client.getPlaces();

    const cognito = h.requestsTo("/cognito/");
    expect(cognito.map(cognitoTarget)).toEqual(["InitiateAuth", "RespondToAuthChallenge"]);
    const initiate = JSON.parse(cognito[0]?.body ?? "") as { AuthFlow: string; ClientId: string; AuthParameters: Record<string, string> };
    expect(initiate.AuthFlow).toBe("USER_SRP_AUTH");
    expect(initiate.ClientId).toBe("3mca95jd5ase5lfde65rerovok");
    expect(initiate.AuthParameters.USERNAME).toBe(account.username);
    expect(initiate.AuthParameters.SRP_A).toMatch(/^[0-9a-f]{200,}$/);
    const respond = JSON.parse(cognito[1]?.body ?? "") as { ChallengeResponses: Record<string, string> };
    expect(Buffer.from(respond.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE ?? "", "base64")).toHaveLength(32);
    expect(respond.ChallengeResponses.USERNAME).toBe("5f0c1d2e");
    expect(JSON.stringify(cognito.map((r) => r.body))).not.toContain(account.password);

    expect(h.requestsTo("/nexity/domotic/token")[0]?.headers.authorization).toBe(idToken);
    expect(form(h.requestsTo("/login")[0])).toEqual({ ssoToken: "nexity-sso-2c4e6a8b", userId: "jane.doe_-_example.com" });
    expect(h.requestsTo("/setup/places")[0]?.headers.cookie).toBe("JSESSIONID=5B6C7D8E9F0A1B2C");
  });

  it("maps a Cognito refusal to NexityBadCredentialsError", async () => {
    scriptCognito(true);
    const client = new OverkizClient({ server: h.server({ key: "nexity" }), credentials: account, identityEndpoints: nexityEndpoints() });
    const error = (await client.login().catch((e: unknown) => e)) as NexityBadCredentialsError;
    expect(error).toBeInstanceOf(NexityBadCredentialsError);
    expect(error.code).toBe("NotAuthorizedException");
    expect(h.requestsTo("/login")).toHaveLength(0);
  });
});

describe("Rexel", () => {
  const consentToken = (n: number) => fakeJwt({ sub: "rexel-user", consent: "homeassistant", n });
  const rexelEndpoints = () => ({ rexel: { tokenUrl: `${h.upstream.origin}/rexel/oauth2/v2.0/token`, directoryUrl: `${h.upstream.origin}/rexel/api/` } });

  function scriptDirectory(homes: { id: string; label: string; gateways: string[] }[]) {
    h.upstream.on("GET", "/rexel/api/homes", { status: 200, body: homes.map(({ id, label }) => ({ id, label })) });
    h.upstream.on("GET", "/rexel/api/overkizgateways", (request) => {
      const home = homes.find((candidate) => candidate.id === request.query.get("homeId"));
      return { status: 200, body: (home?.gateways ?? []).map((gatewayId) => ({ gatewayId, externalId: `ext-${gatewayId}` })) };
    });
  }

  it("builds the PKCE authorize URL", async () => {
    const { codeVerifier, codeChallenge } = await createPkcePair();
    expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(codeChallenge).toBe(await pkceChallenge(codeVerifier));
    const url = new URL(buildAuthorizeUrl({ codeChallenge, state: "s-42" }));
    expect(`${url.origin}${url.pathname}`).toBe("https://consumerlogin.rexelservices.fr/670998c0-f737-4d75-a32f-ba9292755b70/oauth2/v2.0/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      p: "b2c_1a_signinonlyhomeassistant",
      response_type: "code",
      response_mode: "query",
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
      state: "s-42",
    });
    expect(url.searchParams.has("code_verifier")).toBe(false);
  });

  it("exchanges the code, asks which gateway, sends gatewayId on every call and refreshes", async () => {
    const { codeVerifier } = await createPkcePair();
    h.upstream.on("POST", "/rexel/oauth2/v2.0/token",
      { status: 200, body: { access_token: consentToken(1), refresh_token: "rexel-refresh-1", expires_in: 300 } },
      { status: 200, body: { access_token: consentToken(2), refresh_token: "rexel-refresh-2", expires_in: 300 } },
    );
    scriptDirectory([
      { id: "home-1", label: "Maison", gateways: ["0815-4711-2301"] },
      { id: "home-2", label: "Chalet", gateways: ["0815-4711-2302"] },
    ]);
    h.upstream.on("GET", "/setup/places", placesAnswer);
    const clock = manualClock();
    const persisted: OAuthTokens[] = [];
    const client = new OverkizClient({
      server: h.server({ key: "rexel" }),
      credentials: { authorizationCode: "code-3c1f", codeVerifier, onTokens: (tokens) => void persisted.push(tokens) },
      identityEndpoints: rexelEndpoints(),
      middleware: [h.recorder],
      now: clock.now,
    });

    await expect(client.getPlaces()).rejects.toThrow(NoGatewaySelectedError);
    await expect(client.discoverGateways()).resolves.toMatchObject([
      { gatewayId: "0815-4711-2301", homeId: "home-1", homeLabel: "Maison" },
      { gatewayId: "0815-4711-2302", homeId: "home-2", homeLabel: "Chalet" },
    ]);
    client.selectGateway("0815-4711-2302");
    await client.getPlaces();
    clock.advance(296_000);
    await client.getPlaces();

    const tokenCalls = h.requestsTo("/rexel/oauth2/v2.0/token");
    expect(tokenCalls.map((r) => r.query.get("p"))).toEqual(["b2c_1a_signinonlyhomeassistant", "b2c_1a_signinonlyhomeassistant"]);
    expect(form(tokenCalls[0])).toMatchObject({ grant_type: "authorization_code", code: "code-3c1f", code_verifier: codeVerifier, client_id: "2b635ede-c3fb-43bc-8d23-f6d17f80e96d" });
    expect(form(tokenCalls[1])).toMatchObject({ grant_type: "refresh_token", refresh_token: "rexel-refresh-1" });
    expect(h.requestsTo("/rexel/api/homes")[0]?.headers.authorization).toBe(`Bearer ${consentToken(1)}`);
    const places = h.requestsTo("/setup/places");
    expect(places.map((r) => [r.headers.authorization, r.headers.gatewayid])).toEqual([
      [`Bearer ${consentToken(1)}`, "0815-4711-2302"],
      [`Bearer ${consentToken(2)}`, "0815-4711-2302"],
    ]);
    expect(persisted.map((tokens) => tokens.refreshToken)).toEqual(["rexel-refresh-1", "rexel-refresh-2"]);
  });

  it("refuses a token without the consent claim, and never reuses the code", async () => {
    h.upstream.on("POST", "/rexel/oauth2/v2.0/token", { status: 200, body: { access_token: fakeJwt({ sub: "rexel-user" }), expires_in: 300 } });
    const client = new OverkizClient({
      server: h.server({ key: "rexel" }),
      credentials: { authorizationCode: "code-9a9a", codeVerifier: "v".repeat(43), gatewayId: "0815-4711-2301" },
      identityEndpoints: rexelEndpoints(),
      loginBackoff: false,
    });
    await expect(client.getPlaces()).rejects.toThrow(InvalidTokenError);
    await expect(client.getPlaces()).rejects.toThrow(/already used/);
    expect(h.requestsTo("/setup/places")).toHaveLength(0);
  });

  it("lets the app own the token (callback) and picks the only gateway by itself", async () => {
    scriptDirectory([{ id: "home-1", label: "Maison", gateways: ["0815-4711-2301"] }]);
    h.upstream.on("GET", "/setup/places", placesAnswer);
    let current = consentToken(7);
    const client = new OverkizClient({
      server: h.server({ key: "rexel" }),
      credentials: { token: async () => current },
      identityEndpoints: rexelEndpoints(),
      middleware: [h.recorder],
    });

    await client.getPlaces();
    current = consentToken(8);
    await client.getPlaces();

    expect(h.requestsTo("/setup/places").map((r) => [r.headers.authorization, r.headers.gatewayid])).toEqual([
      [`Bearer ${consentToken(7)}`, "0815-4711-2301"],
      [`Bearer ${consentToken(8)}`, "0815-4711-2301"],
    ]);
    expect(h.requestsTo("/rexel/oauth2")).toHaveLength(0);
  });
});

describe("generic bearer", () => {
  it("reads an async token callback on every request", async () => {
    h.upstream.on("GET", "/setup/places", placesAnswer);
    let n = 0;
    const client = new OverkizClient({ server: h.server(), credentials: { token: async () => `app-token-${++n}` }, middleware: [h.recorder] });
    await client.getPlaces();
    await client.getPlaces();
    expect(h.requestsTo("/setup/places").map((r) => r.headers.authorization)).toEqual(["Bearer app-token-1", "Bearer app-token-2"]);
  });
});
