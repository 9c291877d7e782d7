import { ConfigError } from "@openapp/core";

/**
 * A token, or a function that returns the current one. Apps that run their own OAuth flow pass a
 * callback so every request picks up the token they refreshed.
 */
export type TokenSource = string | (() => string | Promise<string>);

/** Refuses an empty string or a non-function before anything is sent. */
export function checkedTokenSource(source: TokenSource, what: string): TokenSource {
  if (typeof source === "function") return source;
  if (typeof source !== "string" || source.trim() === "") {
    throw new ConfigError(`${what} must be a non-empty string or a function returning one`);
  }
  return source.trim();
}

/** The current value of a token source; an empty answer from a callback is a ConfigError. */
export async function resolveToken(source: TokenSource, what: string): Promise<string> {
  const value = typeof source === "function" ? await source() : source;
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`${what} callback returned no token`);
  return value.trim();
}
