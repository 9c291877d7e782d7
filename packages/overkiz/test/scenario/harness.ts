/**
 * Shared setup of the scenario tests: a scripted loopback upstream behind `prism proxy --errors`
 * for Overkiz calls (both directions contract-checked), while identity providers, which the
 * Overkiz spec does not describe, are scripted on the same upstream and reached directly.
 */
import { type PrismServer, type Received, ScriptedServer, startPrism, violationRecorder } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { Middleware, ServerConfig } from "../../src/index.js";

export interface Harness {
  upstream: ScriptedServer;
  prism: PrismServer;
  /** Collects Prism's `sl-violations`; every test fails on any. */
  recorder: Middleware;
  /** A server config whose endpoint is the Prism proxy. */
  server(overrides?: Partial<ServerConfig>): ServerConfig;
  /** Upstream requests whose path starts with `prefix`. */
  requestsTo(prefix: string): Received[];
}

export function useScenarioHarness(): Harness {
  const violations = violationRecorder();
  const harness = {
    recorder: violations.middleware as Middleware,
    server(overrides: Partial<ServerConfig> = {}): ServerConfig {
      return { name: "Prism proxy", endpoint: `${harness.prism.url}/`, manufacturer: "Test", apiType: "cloud", ...overrides };
    },
    requestsTo(prefix: string): Received[] {
      return harness.upstream.requests.filter((request) => request.path.startsWith(prefix));
    },
  } as Harness;

  beforeAll(async () => {
    harness.upstream = await ScriptedServer.start();
    harness.prism = await startPrism({ spec: "openapi/overkiz/openapi.yaml", mode: "proxy", upstream: harness.upstream.origin });
  });
  afterAll(async () => {
    await harness.prism?.stop();
    await harness.upstream?.close();
  });
  beforeEach(() => {
    harness.upstream.requests.length = 0;
  });
  afterEach(() => {
    expect(violations.take()).toEqual([]);
  });
  return harness;
}

/** An unsigned JWT with the given claims (identity providers in these tests do not sign). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}

export const form = (request: Received | undefined) => Object.fromEntries(new URLSearchParams(request?.body ?? ""));

export const loginAnswer = (session: string) => ({
  status: 200,
  headers: { "set-cookie": `JSESSIONID=${session}; Path=/enduser-mobile-web; Secure; HttpOnly` },
  body: { success: true, roles: [{ name: "ENDUSER" }] },
});

export const place = { oid: "7c26474b-2091-49bf-83cc-a76777e5f70c", label: "Home", type: 200, subPlaces: [] };
