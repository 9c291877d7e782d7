import { ConfigError, isHeaderSafeToken } from "@openapp/core";

const SEPARATOR = "_openapp_";
const API_ROOT = "/api/v1";
const EXPECTED_FORM = `expected {base_url}${SEPARATOR}{secret} as the dashboard issues it`;

export interface ParsedApiKey {
  /** The whole key: it is the credential, prefix included. */
  key: string;
  secret: string;
  /** The API root the key belongs to. */
  baseUrl: string;
  /** True for a 1.0 key, `{origin}_openapp_{secret}`: its prefix is a bare origin. */
  bareOrigin: boolean;
}

/**
 * A bare origin gets the API root appended; a prefix with a path (`…/api/v1`) is used as is.
 * Messages never quote the key: a malformed one may be nothing but the secret.
 */
function baseUrlFromPrefix(prefix: string): { baseUrl: string; bareOrigin: boolean } {
  let url: URL;
  try {
    url = new URL(prefix);
  } catch {
    throw new ConfigError(`The OpenApp API key does not start with an absolute URL; ${EXPECTED_FORM}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`The OpenApp API key's URL must use http: or https:, got ${url.protocol}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError("The OpenApp API key's URL must not contain credentials, a query or a fragment");
  }
  const base = prefix.replace(/\/+$/, "");
  const bareOrigin = url.pathname === "/";
  return { baseUrl: bareOrigin ? `${base}${API_ROOT}` : base, bareOrigin };
}

/** Splits `{base_url}_openapp_{secret}` at the first separator; the secret may contain it again. */
export function parseApiKey(value: string): ParsedApiKey {
  const key = value.trim();
  if (key === "") throw new ConfigError("The OpenApp API key is empty");
  // Headers would reject these, or a proxy would mangle them into another credential.
  if (!isHeaderSafeToken(key)) throw new ConfigError("The OpenApp API key contains whitespace or control characters");
  const at = key.indexOf(SEPARATOR);
  if (at < 0) throw new ConfigError(`The OpenApp API key has no "${SEPARATOR}" separator; ${EXPECTED_FORM}`);
  const secret = key.slice(at + SEPARATOR.length);
  if (secret === "") throw new ConfigError(`The OpenApp API key has an empty secret after "${SEPARATOR}"`);
  return { key, secret, ...baseUrlFromPrefix(key.slice(0, at)) };
}
