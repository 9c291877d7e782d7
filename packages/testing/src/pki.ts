/**
 * A throw-away certificate authority made at test time with node:crypto alone (no openssl binary,
 * no certificate library): what a test needs to serve HTTPS the way a local gateway does.
 */
import { type KeyObject, generateKeyPairSync, randomBytes, sign } from "node:crypto";

/** A private key and its certificate (PEM), as `node:https` takes them. */
export interface TlsIdentity {
  key: string;
  cert: string;
}

/** A private CA made for one test run. */
export interface TestAuthority {
  /** PEM of the root certificate: what a client trusts (`createLocalGatewayFetch({ ca })`). */
  ca: string;
  /** A server identity for `dnsName` (its only subject alternative name), signed by this CA. */
  issue(dnsName: string): TlsIdentity;
}

// A minimal DER writer for X.509 v3 certificates (ECDSA P-256, SHA-256).

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

/** Makes a CA named `name` (a fresh P-256 key, valid from an hour ago for two days). */
export function createTestAuthority(name = "OpenApp Test Root CA"): TestAuthority {
  const caPair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const ca = certificate(name, name, caPair.publicKey, caPair.privateKey, [
    ext("2.5.29.19", true, seq(der(0x01, Buffer.from([0xff])))),
    ext("2.5.29.15", true, der(0x03, Buffer.from([1, 0x06]))),
  ]);
  const issue = (dnsName: string): TlsIdentity => {
    const pair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const cert = certificate(dnsName, name, pair.publicKey, caPair.privateKey, [
      ext("2.5.29.17", false, seq(der(0x82, Buffer.from(dnsName)))),
      ext("2.5.29.19", false, seq()),
      ext("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"))),
    ]);
    return { key: pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string, cert };
  };
  return { ca, issue };
}
