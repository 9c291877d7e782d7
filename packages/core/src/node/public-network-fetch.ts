import { type LookupAddress, lookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent } from "undici";
import { isPrivateHost } from "../uploads.js";
import type { FetchLike } from "../transport.js";
import { forwardTo } from "./tls-fetch.js";

/** Node's lookup, refusing names that resolve to loopback, link-local or private addresses. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const found = addresses as LookupAddress[];
    const blocked = found.find((address) => isPrivateHost(address.family === 6 ? `[${address.address}]` : address.address));
    if (blocked || found.length === 0) {
      const refusal = Object.assign(new Error(`${hostname} resolves to a private address (${blocked?.address ?? "none"}); refused`), {
        code: "ERR_PRIVATE_ADDRESS",
      });
      return callback(refusal, "", 0);
    }
    const first = found[0] as LookupAddress;
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
    return callback(null, first.address, first.family);
  });
};

/**
 * A `fetch` for downloading user-supplied URLs on a server: names that resolve to loopback,
 * link-local or private addresses are refused after DNS, so a public-looking name cannot reach
 * the server's own network. Pass it as `downloadFetch` (OpenApp) for `uploadImageFromUrl`.
 */
export function createPublicNetworkFetch(): FetchLike {
  return forwardTo(new Agent({ connect: { lookup: publicOnlyLookup } }));
}
