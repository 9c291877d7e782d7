import { ApiError, ConfigError, SdkError } from "@openapp/core";
import { describe, expect, it, vi } from "vitest";
import {
  AccessDeniedToGatewayError,
  ActionGroupSetupNotFoundError,
  ApplicationNotAllowedError,
  BadCredentialsError,
  BaseOverkizError,
  DuplicateActionOnDeviceError,
  ExecutionQueueFullError,
  InvalidCommandError,
  InvalidEventListenerIdError,
  InvalidTokenError,
  MaintenanceError,
  MissingAPIKeyError,
  MissingAuthorizationTokenError,
  NoGatewaySelectedError,
  NoOverkizUserError,
  NoRegisteredEventListenerError,
  NoSuchActionGroupError,
  NoSuchDeviceError,
  NoSuchResourceError,
  NoSuchTokenError,
  NotAuthenticatedError,
  OverkizClient,
  OverkizError,
  type OverkizErrorClass,
  ResourceAccessDeniedError,
  ServiceUnavailableError,
  SessionAndBearerInSameRequestError,
  TooManyAttemptsBannedError,
  TooManyConcurrentRequestsError,
  TooManyExecutionsError,
  TooManyRequestsError,
  UnknownObjectError,
  UnknownUserError,
  UnsupportedOperationError,
  classifyOverkizError,
} from "../../src/index.js";
import { TEST_SERVER, scriptedFetch } from "../helpers.js";

interface Row {
  side: "cloud" | "local";
  status: number;
  body: unknown;
  expected: OverkizErrorClass;
}

const error = (errorCode: string, message: string | null) => ({ errorCode, error: message });
const maintenancePage =
  "<html><head><title>Service unavailable</title></head><body><h1>TaHoma is down for maintenance</h1></body></html>";
const proxyPage = "<html><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>";

// One row per observed error payload (NOTES §3.3).
const rows: Row[] = [
  { side: "cloud", status: 400, body: error("AUTHENTICATION_ERROR", "Too many requests, try again later : login with xxx@xxx.tld"), expected: TooManyRequestsError },
  { side: "cloud", status: 400, body: error("AUTHENTICATION_ERROR", "Bad credentials"), expected: BadCredentialsError },
  { side: "cloud", status: 400, body: error("AUTHENTICATION_ERROR", "An API key is required to access this setup"), expected: MissingAPIKeyError },
  { side: "cloud", status: 400, body: error("AUTHENTICATION_ERROR", "No such user account : user@example.tld"), expected: UnknownUserError },
  { side: "cloud", status: 400, body: error("AUTHENTICATION_ERROR", "Something nobody has seen before"), expected: BadCredentialsError },
  { side: "cloud", status: 401, body: error("RESOURCE_ACCESS_DENIED", "Not authenticated"), expected: NotAuthenticatedError },
  { side: "cloud", status: 403, body: error("RESOURCE_ACCESS_DENIED", "No such user account : user@example.tld"), expected: NoOverkizUserError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Missing authorization token."), expected: MissingAuthorizationTokenError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "too many concurrent requests"), expected: TooManyConcurrentRequestsError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Server busy, please try again later. (Too many executions)"), expected: TooManyExecutionsError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Access denied to gateway #1234-5678-1234 for action ADD_TOKEN"), expected: AccessDeniedToGatewayError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Your setup cannot be accessed through this application"), expected: ApplicationNotAllowedError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Security exception : Device setup mismatch"), expected: ResourceAccessDeniedError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Security exception : Gateway #1234-5678-1234 does not belong to setup SETUP-1"), expected: ResourceAccessDeniedError },
  { side: "cloud", status: 400, body: error("RESOURCE_ACCESS_DENIED", "Something else entirely"), expected: ResourceAccessDeniedError },
  { side: "cloud", status: 400, body: error("EXEC_QUEUE_FULL", "Execution queue is full on gateway: #1234-5678-9012 (soft limit: 10)"), expected: ExecutionQueueFullError },
  { side: "cloud", status: 400, body: error("UNSPECIFIED_ERROR", "Invalid event listener id : abc-123-def"), expected: InvalidEventListenerIdError },
  { side: "cloud", status: 400, body: error("UNSPECIFIED_ERROR", '"No registered event listener."'), expected: NoRegisteredEventListenerError },
  { side: "cloud", status: 400, body: error("UNSPECIFIED_ERROR", "Invalid token : abc-123-def"), expected: InvalidTokenError },
  { side: "cloud", status: 400, body: error("UNSPECIFIED_ERROR", "Not such token with UUID: abc-123-def"), expected: NoSuchTokenError },
  { side: "cloud", status: 400, body: error("UNSPECIFIED_ERROR", "Cannot use JSESSIONID and bearer token in same request"), expected: SessionAndBearerInSameRequestError },
  { side: "cloud", status: 400, body: error("UNSPECIFIED_ERROR", "Too many attempts with an invalid token, temporarily banned"), expected: TooManyAttemptsBannedError },
  { side: "cloud", status: 400, body: error("UNSUPPORTED_OPERATION", "No such command : fakeCommand"), expected: InvalidCommandError },
  { side: "cloud", status: 400, body: error("INVALID_API_CALL", "No such resource"), expected: NoSuchResourceError },
  { side: "cloud", status: 404, body: error("NO_SUCH_ACTION_GROUP", "No such action group : 0f4ad6f1-75ef-4d39-aa51-4c3f748f9dbf"), expected: NoSuchActionGroupError },
  { side: "cloud", status: 400, body: error("INVALID_FIELD_VALUE", "Unable to determine action group setup (no setup for gateway #1234-5678-9012)"), expected: ActionGroupSetupNotFoundError },
  { side: "cloud", status: 400, body: error("NO_SUCH_RESSOURCE", "No such controllable : io:NonExistentDeviceControllable"), expected: OverkizError },
  { side: "cloud", status: 400, body: error("NO_SUCH_RESSOURCE", "No such core UI profile or form-factor : NonExistentProfile"), expected: OverkizError },
  { side: "cloud", status: 503, body: maintenancePage, expected: MaintenanceError },
  { side: "cloud", status: 503, body: "", expected: ServiceUnavailableError },
  { side: "cloud", status: 500, body: "<html><body>Internal error</body></html>", expected: ServiceUnavailableError },
  { side: "cloud", status: 502, body: proxyPage, expected: ServiceUnavailableError },
  { side: "cloud", status: 504, body: "<html><body>504 Gateway Time-out</body></html>", expected: ServiceUnavailableError },
  { side: "local", status: 401, body: error("RESOURCE_ACCESS_DENIED", "Not authenticated."), expected: NotAuthenticatedError },
  { side: "local", status: 401, body: error("RESOURCE_ACCESS_DENIED", "Missing authorization token."), expected: MissingAuthorizationTokenError },
  { side: "local", status: 400, body: error("UNSPECIFIED_ERROR", '"No registered event listener."'), expected: NoRegisteredEventListenerError },
  { side: "local", status: 400, body: error("UNSPECIFIED_ERROR", "Unknown object."), expected: UnknownObjectError },
  { side: "local", status: 400, body: error("UNSPECIFIED_ERROR", null), expected: OverkizError },
  { side: "local", status: 400, body: error("NO_SUCH_DEVICE", 'No such device : "io://1234-5678-9012/1"'), expected: NoSuchDeviceError },
  { side: "local", status: 400, body: error("DUPLICATE_FIELD_OR_VALUE", "Another action exists on the same device : rts://1234-5678-9012/16756006"), expected: DuplicateActionOnDeviceError },
  { side: "local", status: 400, body: error("INVALID_FIELD_VALUE", "Unable to determine action group setup (gateway unknown)"), expected: ActionGroupSetupNotFoundError },
  { side: "local", status: 400, body: error("INVALID_PARAMETER", "Bad parameters. (setClosure expects 1)"), expected: OverkizError },
  { side: "local", status: 400, body: error("DBUS_ERROR", "Bus error"), expected: OverkizError },
  { side: "local", status: 400, body: error("MISSING_PARAMETERS", 'Malformed "action group". (missing parameter)'), expected: OverkizError },
  { side: "local", status: 400, body: error("MISSING_PARAMETERS", 'Malformed "fetch id". (missing parameter)'), expected: OverkizError },
  { side: "local", status: 400, body: error("MISSING_PARAMETERS", 'Malformed "execution id". (missing parameter)'), expected: OverkizError },
  { side: "local", status: 400, body: error("MISSING_PARAMETERS", 'Malformed "parameters". (missing parameter)'), expected: OverkizError },
];

function answer(row: Row): Response {
  if (typeof row.body === "string") return new Response(row.body || null, { status: row.status, headers: { "content-type": "text/html" } });
  return new Response(JSON.stringify(row.body), { status: row.status, headers: { "content-type": "application/json" } });
}

/** Refusals that prove nothing ran are resent after their backoff: fake time runs the waits out. */
async function withFakeTime<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers();
  try {
    const pending = run();
    await vi.runAllTimersAsync();
    return await pending;
  } finally {
    vi.useRealTimers();
  }
}

describe("error mapping through the client (NOTES §3.3)", () => {
  it.each(rows.map((row) => ({ ...row, name: row.expected.name, text: JSON.stringify(row.body).slice(0, 70) })))(
    "$side $status $text → $name",
    async (row) => {
      const { fetch } = scriptedFetch({ "GET /setup/places": [answer(row)] });
      const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "test-token-0001" }, fetch, maxRetries: 0 });
      const thrown = await withFakeTime(() => client.getPlaces().catch((e: unknown) => e));
      expect(thrown).toBeInstanceOf(row.expected);
      expect(thrown?.constructor).toBe(row.expected);
      expect(thrown).toBeInstanceOf(BaseOverkizError);
      expect(thrown).toBeInstanceOf(ApiError);
      expect((thrown as ApiError).status).toBe(row.status);
      expect((thrown as Error).name).toBe(row.expected.name);
    },
  );
});

describe("error hierarchy", () => {
  it("keeps pyoverkiz's catchable families", () => {
    for (const cls of [NotAuthenticatedError, MissingAuthorizationTokenError, AccessDeniedToGatewayError, ApplicationNotAllowedError, NoOverkizUserError]) {
      expect(cls.prototype).toBeInstanceOf(ResourceAccessDeniedError);
    }
    expect(MaintenanceError.prototype).toBeInstanceOf(ServiceUnavailableError);
    expect(TooManyRequestsError.prototype).not.toBeInstanceOf(BadCredentialsError);
    expect(BaseOverkizError.prototype).toBeInstanceOf(SdkError);
  });

  it("makes NoGatewaySelectedError a BaseOverkizError and a ConfigError, never an answer", () => {
    const error = new NoGatewaySelectedError("The Rexel account has 2 gateways; call selectGateway(id)");
    expect(error).toBeInstanceOf(BaseOverkizError);
    expect(error).toBeInstanceOf(NoGatewaySelectedError);
    expect(error).toBeInstanceOf(ConfigError);
    // Not an API answer: the login guard and retries only count ApiErrors.
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ResourceAccessDeniedError);
    expect(error.name).toBe("NoGatewaySelectedError");
    expect(String(error)).toBe("NoGatewaySelectedError: The Rexel account has 2 gateways; call selectGateway(id)");
    // Answers of the API are still told apart as before.
    expect(new BadCredentialsError({ status: 400, message: "Bad credentials", method: "POST", url: "https://x.test/login" })).not.toBeInstanceOf(
      NoGatewaySelectedError,
    );
  });

  it.each(["discoverGateways", "selectGateway"] as const)("refuses %s() outside Rexel with UnsupportedOperationError before any request", async (method) => {
    const { fetch, requests } = scriptedFetch({});
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "test-token-0001" }, fetch });
    const call = async () => (method === "discoverGateways" ? client.discoverGateways() : client.selectGateway("1234-5678-9012"));
    const thrown = await call().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(UnsupportedOperationError);
    expect(thrown).toBeInstanceOf(BaseOverkizError);
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).not.toBeInstanceOf(ApiError);
    expect(thrown).not.toBeInstanceOf(NoGatewaySelectedError);
    expect((thrown as Error).name).toBe("UnsupportedOperationError");
    expect((thrown as Error).message).toContain(`${method}() is only available`);
    expect(requests).toHaveLength(0);
  });

  it("carries the error code, the body and a redacted URL", async () => {
    const { fetch } = scriptedFetch({
      "GET /setup/devices/io%3A%2F%2F1234-5678-9012%2F1/states": [
        new Response(JSON.stringify({ errorCode: "NO_SUCH_DEVICE", error: 'No such device : "io://1234-5678-9012/1"' }), { status: 400 }),
      ],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "test-token-0001" }, fetch });
    const thrown = (await client.getState("io://1234-5678-9012/1").catch((e: unknown) => e)) as NoSuchDeviceError;
    expect(thrown).toBeInstanceOf(NoSuchDeviceError);
    expect(thrown.code).toBe("NO_SUCH_DEVICE");
    expect(thrown.body).toEqual({ errorCode: "NO_SUCH_DEVICE", error: 'No such device : "io://1234-5678-9012/1"' });
    expect(thrown.method).toBe("GET");
    expect(thrown.message).toContain("No such device");
    expect(String(thrown)).not.toContain("test-token-0001");
  });
});

describe("classifyOverkizError", () => {
  it("treats a JSON body without errorCode as an unmapped Overkiz error", () => {
    expect(classifyOverkizError({ status: 400, body: { message: "nope" }, isJson: true })).toBe(OverkizError);
    expect(classifyOverkizError({ status: 500, body: { message: "nope" }, isJson: true })).toBe(OverkizError);
  });

  it("uses the message-only fallbacks for any error code", () => {
    expect(classifyOverkizError({ status: 400, body: error("WHATEVER", "Unknown user : x"), isJson: true })).toBe(UnknownUserError);
    expect(classifyOverkizError({ status: 400, body: error("WHATEVER", "Too many executions"), isJson: true })).toBe(TooManyExecutionsError);
  });

  it("maps UNSUPPORTED_OPERATION without a command message to UnsupportedOperationError", () => {
    expect(classifyOverkizError({ status: 400, body: error("UNSUPPORTED_OPERATION", "Operation not supported"), isJson: true })).toBe(
      UnsupportedOperationError,
    );
  });

  it("maps a non-JSON 4xx to OverkizError", () => {
    expect(classifyOverkizError({ status: 404, body: "Not Found", isJson: false })).toBe(OverkizError);
  });
});
