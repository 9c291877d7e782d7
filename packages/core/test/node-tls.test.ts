import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, ConnectionError, Transport } from "../src/index.js";
import { createTlsFetch } from "../src/node.js";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface TestPki {
  ca: string;
  key: string;
  cert: string;
}

/** A throwaway CA and a server certificate naming only `gateway-1234.local`, like a local gateway. */
function createPki(dir: string): TestPki {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Test Gateway CA");
  run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=gateway-1234.local");
  run(
    "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "2",
    "-extfile", "san.cnf",
  );
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return { ca: read("ca.crt"), key: read("server.key"), cert: read("server.crt") };
}

describe.skipIf(!hasOpenssl())("createTlsFetch against a gateway with a private CA", () => {
  let dir: string;
  let pki: TestPki;
  let server: Server;
  let origin: string;
  let onHang: (() => void) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "core-tls-"));
    execFileSync("sh", ["-c", "printf 'subjectAltName=DNS:gateway-1234.local\\n' > san.cnf"], { cwd: dir });
    pki = createPki(dir);
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
    rmSync(dir, { recursive: true, force: true });
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
