import type { Logger, RequestOptions } from "@openapp/core";
import type { ServerConfig } from "../../models/servers.js";
import type { LoginForm, LoginResponse } from "../../models/wire-types.js";
import type { IdentityEndpoints } from "./identity-endpoints.js";

/** What `POST /login` answered. */
export interface LoginResult {
  /** HTTP status of the answer. */
  status: number;
  /** Headers of the answer (the session cookie arrives in `Set-Cookie`). */
  headers: Headers;
  /** Absent for a 204 or an empty body. */
  body: LoginResponse | undefined;
}

/** What the client lends a strategy while it logs in or refreshes. */
export interface AuthContext {
  /** The server the client talks to. */
  server: ServerConfig;
  /** The client's logger. */
  logger: Logger;
  /**
   * For identity providers outside Overkiz: the client's fetch with its timeout, logging and
   * redaction, but without Overkiz credentials or client middleware. Error answers throw a
   * core `ApiError` (with status and parsed body).
   */
  fetch: (input: Request) => Promise<Response>;
  /** `POST /login` with a form body, without session or bearer; error answers are thrown typed. */
  submitLoginForm(form: LoginForm): Promise<LoginResult>;
  /** A cheap authenticated call that fails typed when the credentials are not accepted. */
  verifyAccess(): Promise<void>;
  /** The caller's options of the call that triggered the login (signal, timeout). */
  requestOptions: RequestOptions | undefined;
  /** Milliseconds since the epoch; the client's injectable clock. */
  now(): number;
  /** Identity provider URLs and app identifiers (defaults plus the client's overrides). */
  identity: IdentityEndpoints;
}

/**
 * How requests are authenticated. The client calls `login()` before the first authenticated
 * request and again after `onUnauthorized()` returned true; `apply()` runs on every attempt
 * and must leave exactly one credential in the headers (a session cookie or a bearer token).
 */
export interface AuthStrategy {
  /** Short name for logs, e.g. "session" or "bearer". */
  readonly name: string;
  /** True once requests can be authorized without another `login()`. */
  isAuthenticated(): boolean;
  /**
   * Signs in (or checks or fetches the token) so the next requests are authorized.
   * @throws {BadCredentialsError} (or a brand's subclass) when the credentials are refused.
   */
  login(context: AuthContext): Promise<void>;
  /** Writes the credentials into one attempt's headers (core's `Auth.apply`). */
  apply(headers: Headers): void | Promise<void>;
  /**
   * Called when the server answered "Not authenticated". Drops stale credentials and tells the
   * client whether a fresh `login()` can help (a fixed token cannot).
   */
  onUnauthorized(): boolean | Promise<boolean>;
  /** Values that must never appear in messages or logs. */
  secrets(): readonly string[];
  /**
   * Runs before each authenticated call once logged in, to renew credentials that are about to
   * expire. Resolves true when new credentials were obtained (the client then replaces its event
   * listener); a strategy that can no longer refresh drops its credentials so the client logs in.
   */
  refresh?(context: AuthContext): Promise<boolean>;
  /** Releases whatever the strategy holds (timers, refresh tokens). */
  close?(): void | Promise<void>;
}

/** A gateway reachable through an account directory (Rexel). */
export interface DirectoryGateway {
  /** Gateway id, e.g. `1234-5678-9012`. */
  gatewayId: string;
  /** The home (site) the gateway belongs to. */
  homeId: string;
  /** Name of the home, when the directory gives one. */
  homeLabel: string | undefined;
  /** The directory's `externalId` of the gateway, when it gives one. */
  externalId: string | undefined;
  /** The directory entry as received. */
  raw: Record<string, unknown>;
}

/** Strategies whose account spans several gateways and whose calls name one (Rexel). */
export interface GatewaySelectingStrategy extends AuthStrategy {
  /** The selected gateway; undefined until one is selected or discovered. */
  readonly gatewayId: string | undefined;
  /** The gateways of the account's directory; signs in first when needed. */
  discoverGateways(context: AuthContext): Promise<DirectoryGateway[]>;
  /** The gateway every following request is for (sent as the `gatewayId` header); no request is made. */
  selectGateway(gatewayId: string): void;
}

/** Whether the strategy offers a gateway directory (Rexel). */
export function isGatewaySelecting(strategy: AuthStrategy): strategy is GatewaySelectingStrategy {
  const candidate = strategy as Partial<GatewaySelectingStrategy>;
  return typeof candidate.discoverGateways === "function" && typeof candidate.selectGateway === "function";
}

/** Removes every credential so a strategy can set exactly one. */
export function clearCredentials(headers: Headers): void {
  headers.delete("authorization");
  headers.delete("cookie");
}

/** Sets `Authorization: Bearer <token>` as the only credential. */
export function setBearer(headers: Headers, token: string): void {
  clearCredentials(headers);
  headers.set("Authorization", `Bearer ${token}`);
}
