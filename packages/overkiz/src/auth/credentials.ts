import { ConfigError } from "@openapp/core";
import type { ServerConfig } from "../servers.js";
import { BearerTokenStrategy } from "./bearer-token.js";
import { PasswordLoginStrategy } from "./session-login.js";
import type { AuthStrategy } from "./strategy.js";

export interface PasswordCredentials {
  username: string;
  password: string;
}

export interface TokenCredentials {
  token: string;
}

/** Plain credentials, or any AuthStrategy for flows the SDK does not build in. */
export type Credentials = PasswordCredentials | TokenCredentials | AuthStrategy;

function isStrategy(value: Credentials): value is AuthStrategy {
  return typeof (value as AuthStrategy).authorize === "function" && typeof (value as AuthStrategy).login === "function";
}

/** Picks the strategy for a server and a kind of credentials; refuses mixes that cannot work. */
export function strategyFor(server: ServerConfig, credentials: Credentials | undefined): AuthStrategy {
  if (!credentials || typeof credentials !== "object") {
    throw new ConfigError("`credentials` is required: { username, password }, { token } or an AuthStrategy");
  }
  if (isStrategy(credentials)) return credentials;
  const hasToken = "token" in credentials;
  const hasPassword = "username" in credentials || "password" in credentials;
  if (hasToken && hasPassword) throw new ConfigError("Pass either { token } or { username, password }, not both");
  if (hasToken) return new BearerTokenStrategy(credentials.token);
  if (server.apiType === "local") {
    throw new ConfigError("The local API only accepts a token: pass credentials: { token }");
  }
  return new PasswordLoginStrategy(credentials.username, credentials.password);
}
