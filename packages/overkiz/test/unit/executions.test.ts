import { AbortError, TimeoutError, ValidationError } from "@openapp/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ExecutionMode,
  ExecutionQueueFullError,
  ExecutionState,
  OverkizClient,
  ServiceUnavailableError,
  TooManyExecutionsError,
  command,
} from "../../src/index.js";
import { LOCAL_TEST_SERVER, SHUTTER_URL, TEST_SERVER, json, loginOk, overkizError, scriptedFetch } from "../helpers.js";

const token = { token: "exec-token-0001" };
const busy = () => overkizError(400, "RESOURCE_ACCESS_DENIED", "Server busy, please try again later. (Too many executions)");
const started = (execId = "1a041f08-a73e-4f18-8fb4-880f32890f8b") => json(200, { execId });

describe("executeActionGroup payload", () => {
  it("sends the wire keys, drops empty parameters and returns the execId", async () => {
    const script = scriptedFetch({ "POST /exec/apply": [started()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });

    const execId = await client.executeActionGroup(
      [
        { deviceURL: SHUTTER_URL, commands: [{ name: "setClosure", parameters: [40] }] },
        { deviceURL: "rts://0815-4711-2301/16730914", commands: ["close", command("identify"), { name: "my", parameters: [] }] },
      ],
      { label: "Evening" },
    );

    expect(execId).toBe("1a041f08-a73e-4f18-8fb4-880f32890f8b");
    expect(JSON.parse(script.requests[0]?.body ?? "")).toEqual({
      label: "Evening",
      actions: [
        { deviceURL: SHUTTER_URL, commands: [{ name: "setClosure", parameters: [40] }] },
        { deviceURL: "rts://0815-4711-2301/16730914", commands: [{ name: "close" }, { name: "identify" }, { name: "my" }] },
      ],
    });
  });

  it("uses the mode path and sends an explicit null label", async () => {
    const script = scriptedFetch({ "POST /exec/apply/highPriority": [started()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }], { mode: ExecutionMode.HIGH_PRIORITY, label: null });
    expect(JSON.parse(script.requests[0]?.body ?? "")).toMatchObject({ label: null });
  });

  // Two actions for one device are merged now (as pyoverkiz does); see command-check.test.ts.
  it("refuses an empty list, non-finite parameters and modes on the local API before sending", async () => {
    const script = scriptedFetch({});
    const cloud = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const local = new OverkizClient({ server: LOCAL_TEST_SERVER, credentials: token, fetch: script.fetch });
    await expect(cloud.executeActionGroup([])).rejects.toThrow(ValidationError);
    await expect(cloud.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: [{ name: "setClosure", parameters: [Number.NaN] }] }])).rejects.toThrow(
      ValidationError,
    );
    await expect(local.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }], { mode: "internal" })).rejects.toThrow(ValidationError);
    expect(script.requests).toHaveLength(0);
  });
});

describe("execution retries", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("backs off and resends after 'Too many executions' (a refusal: nothing ran)", async () => {
    const script = scriptedFetch({ "POST /exec/apply": [busy(), busy(), started("after-busy")] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, random: () => 0.5 });

    const pending = client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }]);
    await vi.advanceTimersByTimeAsync(499);
    expect(script.count("POST", "/exec/apply")).toBe(1);
    await vi.advanceTimersByTimeAsync(1); // first wait: 0.5 × 1 s
    expect(script.count("POST", "/exec/apply")).toBe(2);
    await vi.advanceTimersByTimeAsync(1000); // second wait: 0.5 × 2 s

    await expect(pending).resolves.toBe("after-busy");
    expect(script.count("POST", "/exec/apply")).toBe(3);
  });

  it("gives up after five attempts", async () => {
    const script = scriptedFetch({ "POST /exec/apply": [busy()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, random: () => 1 });

    const pending = client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }]).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(await pending).toBeInstanceOf(TooManyExecutionsError);
    expect(script.count("POST", "/exec/apply")).toBe(5);
  });

  it("stops waiting when the caller aborts", async () => {
    const script = scriptedFetch({ "POST /exec/apply": [busy()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, random: () => 1 });
    const controller = new AbortController();

    const pending = client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }], {}, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();

    expect(await pending).toBeInstanceOf(AbortError);
    expect(script.count("POST", "/exec/apply")).toBe(1);
  });

  it("never resends after a 5xx or a timeout: the command may have reached the gateway", async () => {
    const serverError = scriptedFetch({ "POST /exec/apply": [new Response("<html>oops</html>", { status: 502 }), started()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: serverError.fetch, maxRetries: 3 });
    await expect(client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }])).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(serverError.count("POST", "/exec/apply")).toBe(1);

    const hanging = scriptedFetch({
      "POST /exec/apply": [
        (request) =>
          new Promise<Response>((_resolve, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
      ],
    });
    const slow = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: hanging.fetch, timeout: 1_000, maxRetries: 3 });
    const pending = slow.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }]).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(hanging.count("POST", "/exec/apply")).toBe(1);
  });

  it("does not retry a full execution queue", async () => {
    const queueFull = overkizError(400, "EXEC_QUEUE_FULL", "Execution queue is full on gateway: #0815-4711-2301 (soft limit: 10)");
    const script = scriptedFetch({ "POST /exec/apply": [queueFull, started()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await expect(client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }])).rejects.toBeInstanceOf(ExecutionQueueFullError);
    expect(script.count("POST", "/exec/apply")).toBe(1);
  });

  it("resends once after re-login when the session had expired (refused, nothing ran)", async () => {
    // Core's retry loop waits through a (0 ms) timer before a re-login or re-registration resend.
    vi.useRealTimers();
    const script = scriptedFetch({
      "POST /login": [loginOk("3F2A9C1E7F0B3A5D"), loginOk("6E8C1B2A3F4E5D6C")],
      "POST /exec/apply": [overkizError(401, "RESOURCE_ACCESS_DENIED", "Not authenticated"), started("after-login")],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { username: "u@example.com", password: "pw" }, fetch: script.fetch });
    await expect(client.executeActionGroup([{ deviceURL: SHUTTER_URL, commands: ["close"] }])).resolves.toBe("after-login");
    expect(script.count("POST", "/exec/apply")).toBe(2);
    expect(script.count("POST", "/login")).toBe(2);
  });
});

describe("current executions", () => {
  it("maps states onto the enum and unknown values to UNKNOWN", async () => {
    const script = scriptedFetch({
      "GET /exec/current": [
        json(200,[
          { id: "e1", description: "Execution : a", owner: "jane@example.com", state: "IN_PROGRESS", executionType: "Immediate execution", executionSubType: "MANUAL_CONTROL" },
          { id: "e2", description: "Execution : b", owner: "jane@example.com", state: "WARPING", executionType: "Quantum execution" },
        ]),
      ],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    const [first, second] = await client.getCurrentExecutions();
    expect(first).toMatchObject({ id: "e1", state: ExecutionState.IN_PROGRESS, executionSubType: "MANUAL_CONTROL" });
    expect(second).toMatchObject({ id: "e2", state: "UNKNOWN", executionType: "UNKNOWN" });
    expect(second).not.toHaveProperty("executionSubType");
  });

  it.each([
    ["cloud", {}],
    ["local", []],
  ])("returns null for a finished execution (%s answer)", async (_side, answer) => {
    const script = scriptedFetch({ "GET /exec/current/e1": [json(200, answer)] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await expect(client.getCurrentExecution("e1")).resolves.toBeNull();
  });
});
