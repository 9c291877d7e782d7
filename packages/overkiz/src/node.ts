/** Node-only helpers (`@openapp/overkiz/node`): TLS for the local gateway API. */
import type { FetchLike, Logger } from "@openapp/core";
import { createTlsFetch } from "@openapp/core/node";

export * from "./index.js";

export interface LocalGatewayFetchOptions {
  /** PEM of the Overkiz root CA that signs gateway certificates (download it once from Overkiz). */
  ca?: string | Buffer | Array<string | Buffer> | undefined;
  /**
   * Name in the gateway certificate when connecting by IP address or when mDNS names differ
   * (the certificate may name `<pin>.local` while the host is `gateway-<pin>.local`).
   */
  servername?: string | undefined;
  /** Skips certificate verification; an explicit, loudly logged opt-in. Prefer `ca`. */
  insecureSkipVerify?: boolean | undefined;
  logger?: Logger | undefined;
}

/**
 * A fetch for `new OverkizClient({ server: localServer(host), fetch: createLocalGatewayFetch({ ca }) })`:
 * verifies the gateway's certificate against the CA you pass.
 */
export function createLocalGatewayFetch(options: LocalGatewayFetchOptions): FetchLike {
  return createTlsFetch(options);
}
