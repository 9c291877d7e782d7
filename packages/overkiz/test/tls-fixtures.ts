/**
 * A throw-away certificate authority and gateway certificate, generated in pure Node at test
 * time (keys by node:crypto, certificates by node-forge), so no openssl binary is needed.
 */
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

interface TestCertificate {
  certPem: string;
  keyPem: string;
}

export interface TestAuthority extends TestCertificate {
  issue(commonName: string, altNames?: string[]): TestCertificate;
}

function rsaKeys(): forge.pki.rsa.KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey) };
}

let serial = 1;

function baseCertificate(publicKey: forge.pki.PublicKey, commonName: string): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, "0");
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  cert.setSubject([{ name: "commonName", value: commonName }]);
  return cert;
}

export function createTestAuthority(name = "Test Overkiz Root CA"): TestAuthority {
  const keys = rsaKeys();
  const ca = baseCertificate(keys.publicKey, name);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
  ]);
  ca.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(ca),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    issue(commonName, altNames = [commonName]) {
      const leafKeys = rsaKeys();
      const leaf = baseCertificate(leafKeys.publicKey, commonName);
      leaf.setIssuer(ca.subject.attributes);
      leaf.setExtensions([
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: altNames.map((value) => ({ type: 2, value })) },
      ]);
      leaf.sign(keys.privateKey, forge.md.sha256.create());
      return { certPem: forge.pki.certificateToPem(leaf), keyPem: forge.pki.privateKeyToPem(leafKeys.privateKey) };
    },
  };
}
