import { isIP } from "node:net";
import { type PeerCertificate, checkServerIdentity } from "node:tls";
import { ConfigError, type FetchLike, type Logger } from "@openapp/core";
import { assertBooleanOptOut, createTlsFetch } from "@openapp/core/node";

/** Options of `createLocalGatewayFetch()`: the CA to trust, and how host names are checked. */
export interface LocalGatewayFetchOptions {
  /** PEM of the Overkiz root CA that signs gateway certificates (download it once from Overkiz). */
  ca?: string | Buffer | Array<string | Buffer> | undefined;
  /**
   * The gateway's PIN (`1234-5678-9012`). Needed when you connect by IP address: the
   * certificate then has to name `<pin>.local` (or `gateway-<pin>.local`).
   */
  gatewayPin?: string | undefined;
  /** Exact name the certificate must carry, overriding the rules above. Also sent as SNI. */
  servername?: string | undefined;
  /** Skips certificate verification; an explicit, loudly logged opt-in. Prefer `ca`. */
  insecureSkipVerify?: boolean | undefined;
  /** Receives the warning when certificate verification is turned off. */
  logger?: Logger | undefined;
}

const PIN = /^\d{4}-\d{4}-\d{4}$/;
const GATEWAY_HOST = /^gateway-(\d{4}-\d{4}-\d{4})\.local\.?$/i;

/**
 * Names a gateway certificate may carry for a connection to `hostname`. Gateways name their
 * certificate `<pin>.local` while mDNS announces `gateway-<pin>.local`; an IP address says
 * nothing about which gateway answers, so there the PIN is needed. When the PIN is given, only
 * that gateway's names are accepted.
 */
export function acceptedGatewayNames(hostname: string, options: { gatewayPin?: string | undefined; servername?: string | undefined } = {}): string[] {
  if (options.servername) return [options.servername.toLowerCase()];
  const pin = options.gatewayPin ?? GATEWAY_HOST.exec(hostname)?.[1];
  const names = pin ? [`${pin}.local`, `gateway-${pin}.local`] : [];
  if (!options.gatewayPin && isIP(hostname) === 0) names.push(hostname.toLowerCase().replace(/\.$/, ""));
  return [...new Set(names)];
}

/** Carries Node's own code, so the SDK reports it as a TLS failure and never retries it. */
function altnameError(message: string): Error {
  return Object.assign(new Error(message), { code: "ERR_TLS_CERT_ALTNAME_INVALID" });
}

/**
 * `checkServerIdentity` for gateways. It only runs once the chain has been verified against
 * the CA, so it decides the name alone: the certificate must carry one of the accepted names.
 */
export function checkGatewayIdentity(
  hostname: string,
  certificate: PeerCertificate,
  options: { gatewayPin?: string | undefined; servername?: string | undefined } = {},
): Error | undefined {
  const names = acceptedGatewayNames(hostname, options);
  if (names.length === 0) {
    return altnameError(`Connected to the gateway by IP address (${hostname}); pass gatewayPin so its certificate name <pin>.local can be checked`);
  }
  if (names.some((name) => checkServerIdentity(name, certificate) === undefined)) return undefined;
  const subject = certificate.subjectaltname ?? certificate.subject?.CN ?? "no name";
  return altnameError(`The gateway certificate (${subject}) names none of ${names.join(", ")}`);
}

/**
 * A fetch for `new OverkizClient({ server: localServer(host), fetch: createLocalGatewayFetch({ ca }) })`.
 * The certificate chain is always verified against the CA you pass; only the host-name rule
 * is the gateway's own (see `acceptedGatewayNames`).
 */
export function createLocalGatewayFetch(options: LocalGatewayFetchOptions): FetchLike {
  const { ca, gatewayPin, servername, insecureSkipVerify } = options;
  assertBooleanOptOut(insecureSkipVerify);
  if (!ca && !insecureSkipVerify) {
    throw new ConfigError("createLocalGatewayFetch needs the Overkiz root CA as `ca`; verification can only be skipped with insecureSkipVerify: true");
  }
  if (gatewayPin !== undefined && !PIN.test(gatewayPin)) throw new ConfigError(`gatewayPin must look like 1234-5678-9012, got ${JSON.stringify(gatewayPin)}`);
  // Core announces the opt-out (process warning and log line) once, when the fetch is made.
  if (insecureSkipVerify) return createTlsFetch({ insecureSkipVerify: true, logger: options.logger });
  return createTlsFetch({
    ca,
    servername,
    logger: options.logger,
    checkServerIdentity: (hostname, certificate) => checkGatewayIdentity(hostname, certificate, { gatewayPin, servername }),
  });
}
