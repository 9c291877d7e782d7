import { execFileSync } from "node:child_process";
import { type KeyObject, createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A private CA and leaf certificates signed by it, made fresh for one test run. */
export interface TestPki {
  /** PEM of the root CA, as a user would pass it to `createLocalGatewayFetch({ ca })`. */
  ca: string;
  /** Leaf for `<pin>.local`: what a real gateway presents. */
  gateway: { key: string; cert: string };
  /** Leaf signed by the same CA for another name: the hostname-mismatch case. */
  impostor: { key: string; cert: string };
  /** How the certificates were made (`openssl` or `node:crypto`). */
  via: string;
}

/** Makes the CA and both leaves with the `openssl` CLI in a temp dir, or with node:crypto when it is absent. */
export function createTestPki(gatewayName: string, impostorName: string): TestPki {
  if (hasOpenssl()) return withOpenssl(gatewayName, impostorName);
  return withNodeCrypto(gatewayName, impostorName);
}

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function withOpenssl(gatewayName: string, impostorName: string): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "openapp-faults-pki-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  try {
    run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key");
    run(
      "req", "-x509", "-new", "-key", "ca.key", "-sha256", "-days", "2", "-subj", "/CN=OpenApp Faults Test Root CA", "-out", "ca.pem",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    );
    const leaf = (name: string, file: string) => {
      run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", `${file}.key`);
      run("req", "-new", "-key", `${file}.key`, "-subj", `/CN=${name}`, "-out", `${file}.csr`);
      writeFileSync(
        join(dir, `${file}.ext`),
        `subjectAltName=DNS:${name}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
      );
      run("x509", "-req", "-in", `${file}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", `0x${randomBytes(8).toString("hex")}`,
        "-days", "2", "-sha256", "-extfile", `${file}.ext`, "-out", `${file}.pem`);
      // PKCS#8 for node:tls, whatever the openssl version writes by default.
      const key = createPrivateKey(readFileSync(join(dir, `${file}.key`))).export({ type: "pkcs8", format: "pem" }) as string;
      return { key, cert: readFileSync(join(dir, `${file}.pem`), "utf8") };
    };
    const gateway = leaf(gatewayName, "gateway");
    const impostor = leaf(impostorName, "impostor");
    return { ca: readFileSync(join(dir, "ca.pem"), "utf8"), gateway, impostor, via: "openssl" };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- node:crypto fallback: a minimal DER writer for X.509 v3 (ECDSA P-256, SHA-256) ----

const der = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const length = body.length;
  const head =
    length < 0x80 ? Buffer.from([tag, length]) : length < 0x100 ? Buffer.from([tag, 0x81, length]) : Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([head, body]);
};
const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * a + b];
  for (const value of rest) {
    const groups: number[] = [];
    let v = value;
    do {
      groups.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    bytes.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return der(0x06, Buffer.from(bytes));
};
const utf8 = (text: string) => der(0x0c, Buffer.from(text));
const integer = (bytes: Buffer) => der(0x02, bytes[0] !== undefined && bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const time = (date: Date) => der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-:T]/g, "")}Z`));
const name = (cn: string) => seq(der(0x31, seq(oid("2.5.4.3"), utf8(cn))));
const ext = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [der(0x01, Buffer.from([0xff]))] : []), der(0x04, value));
const ECDSA_SHA256 = seq(oid("1.2.840.10045.4.3.2"));

function certificate(subject: string, issuer: string, publicKey: KeyObject, signer: KeyObject, extensions: Buffer[]): string {
  const now = Date.now();
  const tbs = seq(
    der(0xa0, integer(Buffer.from([2]))),
    integer(randomBytes(8)),
    ECDSA_SHA256,
    name(issuer),
    seq(time(new Date(now - 3_600_000)), time(new Date(now + 2 * 86_400_000))),
    name(subject),
    publicKey.export({ type: "spki", format: "der" }),
    der(0xa3, seq(...extensions)),
  );
  const signature = sign("sha256", tbs, signer);
  const cert = seq(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
  return `-----BEGIN CERTIFICATE-----\n${cert.toString("base64").replace(/.{64}/g, "$&\n").replace(/\n?$/, "\n")}-----END CERTIFICATE-----\n`;
}

function withNodeCrypto(gatewayName: string, impostorName: string): TestPki {
  const caPair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const caName = "OpenApp Faults Test Root CA";
  const ca = certificate(caName, caName, caPair.publicKey, caPair.privateKey, [
    ext("2.5.29.19", true, seq(der(0x01, Buffer.from([0xff])))),
    ext("2.5.29.15", true, der(0x03, Buffer.from([1, 0x06]))),
  ]);
  const leaf = (dns: string) => {
    const pair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const cert = certificate(dns, caName, pair.publicKey, caPair.privateKey, [
      ext("2.5.29.17", false, seq(der(0x82, Buffer.from(dns)))),
      ext("2.5.29.19", false, seq()),
      ext("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"))),
    ]);
    return { key: pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string, cert };
  };
  return { ca, gateway: leaf(gatewayName), impostor: leaf(impostorName), via: "node:crypto" };
}
