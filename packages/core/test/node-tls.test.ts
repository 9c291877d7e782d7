import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { createTestAuthority } from "@openapp/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, ConnectionError, Transport } from "../src/index.js";
import { createTlsFetch } from "../src/node.js";

describe("createTlsFetch against a gateway with a private CA", () => {
  /** A throwaway CA and a server certificate naming only `gateway-1234.local`, like a local gateway. */
  const authority = createTestAuthority("Test Gateway CA");
  const pki = { ca: authority.ca, ...authority.issue("gateway-1234.local") };
  let server: Server;
  let origin: string;
  let onHang: (() => void) | undefined;

  beforeAll(async () => {
    server = createServer({ key: pki.key, cert: pki.cert }, (request, response) => {
      if (request.url === "/hang") {
        onHang?.();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"gateways":1}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("fails verification with the default fetch and does not retry it", async () => {
    const error = await new Transport({ maxRetries: 2 }).fetch(`${origin}/setup`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain("TLS verification failed");
  });

  it("connects when given the CA and the certificate's host name", async () => {
    const fetch = createTlsFetch({ ca: pki.ca, servername: "gateway-1234.local" });
    const response = await new Transport({ fetch }).fetch(`${origin}/setup`);
    expect(await response.json()).toEqual({ gateways: 1 });
  });

  it("lets checkServerIdentity apply a device's own naming rule while the chain stays verified", async () => {
    const seen: string[] = [];
    const fetch = createTlsFetch({
      ca: pki.ca,
      checkServerIdentity: (hostname, certificate) => {
        seen.push(`${hostname} ${certificate.subjectaltname}`);
        return certificate.subjectaltname === "DNS:gateway-1234.local" ? undefined : new Error("wrong gateway");
      },
    });
    const response = await new Transport({ fetch }).fetch(`${origin}/setup`);
    expect(response.status).toBe(200);
    expect(seen).toEqual(["127.0.0.1 DNS:gateway-1234.local"]);
  });

  it("cancels the connection with the signal the transport passes in init", async () => {
    const fetch = createTlsFetch({ ca: pki.ca, servername: "gateway-1234.local" });
    const controller = new AbortController();
    onHang = () => controller.abort(new Error("attempt deadline"));
    await expect(fetch(new Request(`${origin}/hang`), { signal: controller.signal })).rejects.toThrow();
    onHang = undefined;
  });

  it("still checks the host name when only the CA is given", async () => {
    const fetch = createTlsFetch({ ca: pki.ca });
    await expect(new Transport({ fetch, maxRetries: 0 }).fetch(`${origin}/setup`)).rejects.toBeInstanceOf(ConnectionError);
  });

  it("skips verification only on explicit opt-in, and warns about it", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => warnings.push(warning.code ?? "");
    process.on("warning", onWarning);
    const logged: string[] = [];
    const fetch = createTlsFetch({
      insecureSkipVerify: true,
      logger: { debug() {}, info() {}, warn: (message) => logged.push(message), error() {} },
    });
    const response = await new Transport({ fetch }).fetch(`${origin}/setup`);
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    expect(response.status).toBe(200);
    expect(warnings).toContain("OPENAPP_INSECURE_TLS");
    expect(logged[0]).toMatch(/verification is disabled/);
  });

  it("refuses to build a fetch with neither a CA nor the opt-in", () => {
    expect(() => createTlsFetch({})).toThrow(ConfigError);
  });
});
