import type { WireLocalToken } from "./wire-types.js";

/** A local API token; `expirationTime` (epoch ms) is often absent. */
export type LocalToken = WireLocalToken;

/** Types a wire local token. */
export function parseLocalToken(raw: WireLocalToken): LocalToken {
  return { ...raw };
}

/** Whether the token has an expiry and it has passed. */
export function isLocalTokenExpired(token: LocalToken, now: number = Date.now()): boolean {
  return typeof token.expirationTime === "number" && token.expirationTime <= now;
}
