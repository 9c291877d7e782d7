import { ConfigError } from "./errors.js";
import { redactUrl } from "./redact.js";

/**
 * Validates a base URL before any request: absolute, http(s), no query or fragment.
 * The trailing slash is removed because generated paths start with one.
 */
export function normalizeBaseUrl(value: string, label = "baseUrl"): string {
  const trimmed = value.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new ConfigError(`${label} must be an absolute http(s) URL, got ${JSON.stringify(redactUrl(trimmed))}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ConfigError(`${label} must use http: or https:, got ${parsed.protocol}`);
  }
  if (parsed.search || parsed.hash) throw new ConfigError(`${label} must not contain a query or fragment`);
  return trimmed.replace(/\/+$/, "");
}
