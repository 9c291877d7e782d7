/** Node-only helpers (`@openapp/overkiz/node`): verified TLS for the local gateway API. */
export * from "./index.js";
export {
  type LocalGatewayFetchOptions,
  acceptedGatewayNames,
  checkGatewayIdentity,
  createLocalGatewayFetch,
} from "./internal/gateway-tls.js";
