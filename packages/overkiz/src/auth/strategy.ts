import type { Logger, RequestOptions } from "@openapp/core";
import type { ServerConfig } from "../servers.js";
import type { LoginForm, LoginResponse } from "../types.js";

/** What `POST /login` answered. */
export interface LoginResult {
  status: number;
  headers: Headers;
  /** Absent for a 204 or an empty body. */
  body: LoginResponse | undefined;
}

/** What the client lends a strategy while it logs in. */
export interface AuthContext {
  server: ServerConfig;
  logger: Logger;
  /** Plain fetch for identity providers outside Overkiz; never carries the Overkiz credentials. */
  fetch: (input: Request) => Promise<Response>;
  /** `POST /login` with a form body, without session or bearer; error answers are thrown typed. */
  submitLoginForm(form: LoginForm): Promise<LoginResult>;
  /** A cheap authenticated call that fails typed when the credentials are not accepted. */
  verifyAccess(): Promise<void>;
  /** The caller's options of the call that triggered the login (signal, timeout). */
  requestOptions: RequestOptions | undefined;
}

/**
 * How requests are authenticated. The client calls `login()` before the first authenticated
 * request and again after `onUnauthorized()` returned true; `authorize()` runs on every attempt
 * and must leave exactly one credential on the request (a session cookie or a bearer token).
 */
export interface AuthStrategy {
  /** Short name for logs, e.g. "session" or "bearer". */
  readonly name: string;
  /** True once requests can be authorized without another `login()`. */
  isAuthenticated(): boolean;
  login(context: AuthContext): Promise<void>;
  authorize(request: Request): void | Promise<void>;
  /**
   * Called when the server answered "Not authenticated". Drops stale credentials and tells the
   * client whether a fresh `login()` can help (a fixed token cannot).
   */
  onUnauthorized(): boolean | Promise<boolean>;
  /** Values that must never appear in messages or logs. */
  secrets(): readonly string[];
  /** Releases whatever the strategy holds (timers, refresh tokens). */
  close?(): void | Promise<void>;
}

/** Removes every credential so a strategy can set exactly one. */
export function clearCredentials(request: Request): void {
  request.headers.delete("authorization");
  request.headers.delete("cookie");
}
