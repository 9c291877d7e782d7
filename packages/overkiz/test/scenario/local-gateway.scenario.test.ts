/**
 * The local gateway API over verified TLS. A loopback HTTPS "gateway" with a certificate from a
 * CA generated at test time forwards to `prism proxy --errors` and the scripted upstream, so
 * the local calls are contract-checked too.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ConnectionError, OverkizClient, ValidationError, createLocalGatewayFetch, localServer } from "../../src/node.js";
import { type TestAuthority, createTestAuthority, recordingLogger } from "@openapp/testing";
import { useScenarioHarness } from "./harness.js";

const h = useScenarioHarness();
const PIN = "1234-5678-9012";
const LOCAL_PREFIX = "/enduser-mobile-web/1/enduserAPI";
const TOKEN = "b3f1c0de9a7e4d2c8f10";

let overkizCa: TestAuthority;
let otherCa: TestAuthority;
let gateway: Server;
let port: number;
const gatewayPaths: string[] = [];

/** The gateway: TLS with `<pin>.local`, the local path prefix, everything else answered by Prism. */
function startGateway(authority: TestAuthority): Promise<Server> {
  const server = createServer(authority.issue(`${PIN}.local`), async (request, response) => {
    gatewayPaths.push(request.url ?? "");
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !["host", "content-length", "connection"].includes(entry[0])),
    );
    const forwarded = await fetch(`${h.prism.url}${(request.url ?? "").replace(LOCAL_PREFIX, "")}`, {
      method: request.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const passOn = [...forwarded.headers].filter(([name]) => !["content-encoding", "transfer-encoding", "content-length", "connection"].includes(name));
    response.writeHead(forwarded.status, Object.fromEntries(passOn));
    response.end(Buffer.from(await forwarded.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  overkizCa = createTestAuthority("Test Overkiz Root CA");
  otherCa = createTestAuthority("Someone Else's CA");
  gateway = await startGateway(overkizCa);
  port = (gateway.address() as AddressInfo).port;
});

afterAll(async () => {
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
});

afterEach(() => {
  vi.restoreAllMocks();
  gatewayPaths.length = 0;
});

function scriptGateway() {
  h.upstream.on("GET", "/setup/gateways", { status: 200, body: [{ gatewayId: PIN, connectivity: { status: "OK", protocolVersion: "2025.3.2-5" } }] });
}

function client(fetchOptions: Parameters<typeof createLocalGatewayFetch>[0]) {
  return new OverkizClient({
    server: localServer("127.0.0.1", { port }),
    credentials: { token: TOKEN },
    fetch: createLocalGatewayFetch(fetchOptions),
    middleware: [h.recorder],
    maxRetries: 0,
  });
}

/** Every message along an error's `cause` chain. */
function causes(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) messages.push(`${(current as { code?: string }).code ?? ""} ${current.message}`);
  return messages.join(" | ");
}

describe("local gateway over TLS", () => {
  it("verifies the chain against the CA passed and accepts the <pin>.local name for an IP connection", async () => {
    scriptGateway();
    const local = client({ ca: overkizCa.ca, gatewayPin: PIN });

    await local.login();
    const gateways = await local.getGateways();

    expect(gateways.map((g) => g.gatewayId)).toEqual([PIN]);
    // The first read is login() checking the token.
    expect(gatewayPaths).toEqual([`${LOCAL_PREFIX}/setup/gateways`, `${LOCAL_PREFIX}/setup/gateways`]);
    expect(h.requestsTo("/setup/gateways")[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("fails with a CA that did not sign the gateway", async () => {
    const local = client({ ca: otherCa.ca, gatewayPin: PIN });
    const error = await local.login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(causes(error)).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify/i);
    expect(h.upstream.requests).toHaveLength(0);
  });

  it("refuses an IP connection without the gateway PIN, and a certificate for another gateway", async () => {
    const noPin = await client({ ca: overkizCa.ca }).login().catch((e: unknown) => e);
    expect(causes(noPin)).toMatch(/pass gatewayPin/);
    const otherGateway = await client({ ca: overkizCa.ca, gatewayPin: "9999-8888-7777" }).login().catch((e: unknown) => e);
    expect(causes(otherGateway)).toMatch(/names none of 9999-8888-7777\.local/);
    // The reason and Node's code are in the error itself, and a certificate problem is never retried.
    expect(otherGateway).toMatchObject({ code: "ERR_TLS_CERT_ALTNAME_INVALID" });
    expect((otherGateway as Error).message).toMatch(/TLS verification failed \(ERR_TLS_CERT_ALTNAME_INVALID: The gateway certificate .* names none of/);
    expect(h.upstream.requests).toHaveLength(0);
  });

  it("with insecureSkipVerify connects anyway and warns once", async () => {
    scriptGateway();
    const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const { logger, lines } = recordingLogger();
    const local = client({ insecureSkipVerify: true, logger });

    await local.login();
    await local.getGateways({ refresh: true });

    expect(h.requestsTo("/setup/gateways")).toHaveLength(2);
    expect(lines.filter((line) => line.level === "warn").map((line) => line.message)).toEqual([expect.stringMatching(/verification is disabled/)]);
    expect(emitWarning).toHaveBeenCalledTimes(1);
  });

  it("refuses execution modes before sending anything", async () => {
    const local = client({ ca: overkizCa.ca, gatewayPin: PIN });
    await expect(local.executeActionGroup([{ deviceURL: "io://1234-5678-9012/6112754", commands: ["close"] }], { mode: "highPriority" })).rejects.toThrow(
      ValidationError,
    );
    expect(gatewayPaths).toEqual([]);
  });
});
