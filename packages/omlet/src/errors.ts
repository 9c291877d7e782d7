import { type ApiErrorInit, AuthenticationError, BadRequestError, type ErrorMapper, TimeoutError, asRecord } from "@openapp/core";

/** `POST /login` refused the email address or password. */
export class LoginFailedError extends AuthenticationError { override readonly name: string = "LoginFailedError"; }

/** A 400 whose body names the offending fields (`{message, errors: {field: [...]}}`). */
export class InvalidFieldsError extends BadRequestError {
  override readonly name: string = "InvalidFieldsError";
  /** Field name → problems, as the server listed them. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;

  constructor(init: ApiErrorInit, fieldErrors: Record<string, string[]>) {
    super(init);
    this.fieldErrors = fieldErrors;
  }
}

/** `waitForState` gave up: the device did not settle into the wanted state in time. */
export class StateTimeoutError extends TimeoutError {
  override readonly name: string = "StateTimeoutError";
  /** The device that was waited on. */
  readonly deviceId: string;
  /** What the last poll saw, so callers can tell "still pending" from "wrong state". */
  readonly lastDevice: unknown;

  constructor(deviceId: string, timeoutMs: number, lastDevice: unknown, lastSeen: string) {
    super(timeoutMs);
    this.message = `Device ${deviceId} did not reach the expected state within ${timeoutMs} ms (last seen: ${lastSeen})`;
    this.deviceId = deviceId;
    this.lastDevice = lastDevice;
  }
}

/** `errors` is documented as an object of field → messages; accept a single string per field too. */
function fieldErrorsOf(body: unknown): Record<string, string[]> | undefined {
  const errors = asRecord(asRecord(body)?.errors);
  if (!errors) return undefined;
  const entries = Object.entries(errors).map(([field, problems]) => {
    const list = Array.isArray(problems) ? problems : [problems];
    return [field, list.filter((p): p is string => typeof p === "string")] as const;
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function isLoginRequest(init: ApiErrorInit): boolean {
  if (init.method !== "POST") return false;
  try {
    return new URL(init.url).pathname.replace(/\/+$/, "").endsWith("/login");
  } catch {
    return false;
  }
}

/**
 * Omlet answers errors as `{message}`; core already turns those into status classes with
 * that message. This refines the two cases callers handle differently.
 */
export const omletErrorMapper: ErrorMapper = (init) => {
  if (init.status === 401 && isLoginRequest(init)) return new LoginFailedError(init);
  const fieldErrors = init.status === 400 ? fieldErrorsOf(init.body) : undefined;
  if (fieldErrors) return new InvalidFieldsError(init, fieldErrors);
  return undefined;
};
