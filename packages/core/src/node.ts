/** Node-only helpers; the main entry stays free of `node:` imports for browsers and edge runtimes. */
export { fileFromPath } from "./node/file-from-path.js";
export { assertBooleanOptOut, createTlsFetch, /** @public */ type TlsFetchOptions } from "./node/tls-fetch.js";
export { createPublicNetworkFetch } from "./node/public-network-fetch.js";
