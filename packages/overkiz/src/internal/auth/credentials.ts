import { ConfigError, type SecretSource } from "@openapp/core";
import type { ServerConfig } from "../../models/servers.js";
import { BearerTokenStrategy } from "./bearer-token.js";
import { BrandtLoginStrategy } from "./brandt.js";
import { CozytouchLoginStrategy } from "./cozytouch.js";
import { NexityLoginStrategy } from "./nexity.js";
import { RexelOAuthStrategy, type RexelOAuthOptions, RexelTokenStrategy } from "./rexel.js";
import { JwtLoginStrategy, PasswordLoginStrategy, SsoTokenLoginStrategy } from "./session-login.js";
import { SomfyOAuthStrategy } from "./somfy.js";
import type { AuthStrategy } from "./strategy.js";

/** E-mail and password; the server decides how they are used (session, OAuth, partner login). */
export interface PasswordCredentials {
  /** Account e-mail (or user name). */
  username: string;
  /** Account password. */
  password: string;
}

/** A bearer token or a callback returning the current one (local API, generic bearer, Rexel). */
export interface TokenCredentials {
  /** The bearer token, or a callback that returns the current one. */
  token: SecretSource;
  /** Rexel only: the gateway to use, skipping discovery. */
  gatewayId?: string | undefined;
}

/** A partner JWT exchanged for a session (`POST /login` with `jwt`). */
export interface JwtCredentials {
  /** The JWT, or a callback that returns the current one. */
  jwt: SecretSource;
}

/** A single-sign-on token exchanged for a session (`POST /login` with `userId` and `ssoToken`). */
export interface SsoTokenCredentials {
  /** Account the SSO token belongs to. */
  userId: string;
  /** The SSO token, or a callback that returns the current one. */
  ssoToken: SecretSource;
}

/** Rexel, SDK-owned OAuth: the code from the sign-in redirect, or a refresh token kept from before. */
export type RexelOAuthCredentials = RexelOAuthOptions;

/** Plain credentials, or any AuthStrategy for flows the SDK does not build in. */
export type Credentials = PasswordCredentials | TokenCredentials | JwtCredentials | SsoTokenCredentials | RexelOAuthCredentials | AuthStrategy;

type Kind = "password" | "token" | "jwt" | "ssoToken" | "rexelOAuth";

const KIND_FIELDS: Record<Kind, readonly string[]> = {
  password: ["username", "password"],
  token: ["token"],
  jwt: ["jwt"],
  ssoToken: ["ssoToken"],
  rexelOAuth: ["authorizationCode", "codeVerifier", "refreshToken"],
};

const COZYTOUCH_SERVERS = new Set(["atlantic_cozytouch", "thermor_cozytouch", "sauter_cozytouch"]);

function isStrategy(value: object): value is AuthStrategy {
  const candidate = value as Partial<AuthStrategy> & { authorize?: unknown };
  if (typeof candidate.authorize === "function" && typeof candidate.apply !== "function") {
    throw new ConfigError("AuthStrategy.authorize(request) was renamed apply(headers): write the credentials into the headers it receives");
  }
  return typeof (value as AuthStrategy).apply === "function" && typeof (value as AuthStrategy).login === "function";
}

function kindOf(credentials: object): Kind {
  const kinds = (Object.keys(KIND_FIELDS) as Kind[]).filter((kind) => KIND_FIELDS[kind].some((field) => field in credentials));
  if (kinds.length === 1 && kinds[0]) return kinds[0];
  if (kinds.length === 0) throw new ConfigError("credentials must be { username, password }, { token }, { jwt }, { userId, ssoToken }, Rexel OAuth, or an AuthStrategy");
  throw new ConfigError(`Pass one kind of credentials, not several (got ${kinds.join(" + ")})`);
}

function rexelStrategy(kind: Kind, credentials: object): AuthStrategy {
  if (kind === "token") {
    const { token, gatewayId } = credentials as TokenCredentials;
    return new RexelTokenStrategy(token, { gatewayId });
  }
  if (kind === "rexelOAuth") return new RexelOAuthStrategy(credentials as RexelOAuthCredentials);
  throw new ConfigError("Rexel signs in through its own page: pass { authorizationCode, codeVerifier } (see buildAuthorizeUrl), a refreshToken, or { token }");
}

function passwordStrategy(server: ServerConfig, { username, password }: PasswordCredentials): AuthStrategy {
  if (server.key === "somfy_europe") return new SomfyOAuthStrategy({ username, password });
  if (server.key !== undefined && COZYTOUCH_SERVERS.has(server.key)) return new CozytouchLoginStrategy(username, password);
  if (server.key === "nexity") return new NexityLoginStrategy(username, password);
  if (server.key === "brandt") return new BrandtLoginStrategy(username, password);
  return new PasswordLoginStrategy(username, password);
}

/**
 * Picks the strategy for a server and a kind of credentials, following the vendor's rules:
 * local → token; Rexel → its OAuth or a token; a token anywhere else → bearer; a password →
 * the brand's own sign-in (Somfy Europe OAuth, Cozytouch, Nexity, Brandt) or the plain session.
 */
export function strategyFor(server: ServerConfig, credentials: Credentials | undefined): AuthStrategy {
  if (!credentials || typeof credentials !== "object") {
    throw new ConfigError("`credentials` is required: { username, password }, { token } or an AuthStrategy");
  }
  if (isStrategy(credentials)) return credentials;
  const kind = kindOf(credentials);
  if (server.apiType === "local") {
    if (kind !== "token") throw new ConfigError("The local API only accepts a token: pass credentials: { token }");
    return new BearerTokenStrategy((credentials as TokenCredentials).token);
  }
  if (server.key === "rexel") return rexelStrategy(kind, credentials);
  switch (kind) {
    case "token":
      return new BearerTokenStrategy((credentials as TokenCredentials).token);
    case "jwt":
      return new JwtLoginStrategy((credentials as JwtCredentials).jwt);
    case "ssoToken": {
      const { userId, ssoToken } = credentials as SsoTokenCredentials;
      return new SsoTokenLoginStrategy(userId, ssoToken);
    }
    case "rexelOAuth":
      throw new ConfigError("authorizationCode / refreshToken credentials are for the rexel server");
    default:
      return passwordStrategy(server, credentials as PasswordCredentials);
  }
}
