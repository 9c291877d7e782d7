/**
 * The runtime features against `prism proxy --errors`: the event stream across a listener
 * expiry and a token refresh, and the action queue merging concurrent executions.
 */
import { describe, expect, it } from "vitest";
import { OverkizClient, type OverkizEvent } from "../../src/index.js";
import { form, useScenarioHarness } from "./harness.js";

const h = useScenarioHarness();

const L1 = "a70f6d96-0a19-0483-72d9-ac5f6bd70001";
const L2 = "a70f6d96-0a19-0483-72d9-ac5f6bd70002";
const L3 = "a70f6d96-0a19-0483-72d9-ac5f6bd70003";
const SHUTTER = "io://0815-4711-2301/6112754";

/** A state change whose closure value tells the events apart. */
function closureEvent(closure: number) {
  return {
    name: "DeviceStateChangedEvent",
    timestamp: 1_763_712_000_000 + closure,
    setupOID: "0f4ad6f1-75ef-4d39-aa51-4c3f748f9dbf",
    deviceURL: SHUTTER,
    deviceStates: [{ name: "core:ClosureState", type: 1, value: String(closure) }],
  };
}

const closureOf = (event: OverkizEvent) => (event.kind === "deviceStateChanged" ? event.deviceStates[0]?.valueAsInt() : undefined);
const listenerGone = { status: 400, body: { errorCode: "UNSPECIFIED_ERROR", error: '"No registered event listener."' } };

describe("event stream", () => {
  it("survives a token refresh and a listener expiry without losing or repeating queued events", async () => {
    h.upstream.on("POST", "/somfy/token",
      { status: 200, body: { access_token: "somfy-access-1", refresh_token: "somfy-refresh-1", expires_in: 3600 } },
      { status: 200, body: { access_token: "somfy-access-2", refresh_token: "somfy-refresh-2", expires_in: 3600 } },
    );
    h.upstream.on("POST", "/events/register", { status: 200, body: { id: L1 } }, { status: 200, body: { id: L2 } }, { status: 200, body: { id: L3 } });
    // L1 delivers 10 and 20, and still holds 30 when the token is refreshed.
    h.upstream.on("POST", `/events/${L1}/fetch`, { status: 200, body: [closureEvent(10), closureEvent(20)] }, { status: 200, body: [closureEvent(30)] });
    // L2 was registered before L1 was drained, so it saw 30 too; then it expires.
    h.upstream.on("POST", `/events/${L2}/fetch`, { status: 200, body: [closureEvent(30), closureEvent(40)] }, listenerGone);
    h.upstream.on("POST", `/events/${L3}/fetch`, { status: 200, body: [closureEvent(50)] }, { status: 200, body: [] });
    for (const id of [L1, L2, L3]) h.upstream.on("POST", `/events/${id}/unregister`, { status: 200, body: [] });

    let now = Date.UTC(2026, 10, 21, 8, 0, 0);
    const client = new OverkizClient({
      server: h.server({ key: "somfy_europe" }),
      credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
      identityEndpoints: { somfy: { tokenUrl: `${h.upstream.origin}/somfy/token` } },
      middleware: [h.recorder],
      now: () => now,
    });

    const seen: number[] = [];
    // A tiny interval keeps the loopback round-trips quick; the rate itself is measured in bench/.
    for await (const event of client.events({ intervalMs: 5 })) {
      seen.push(closureOf(event) ?? -1);
      if (closureOf(event) === 20) now += 3_600_000; // the access token expires before the next poll
      if (closureOf(event) === 50) break;
    }

    expect(seen).toEqual([10, 20, 30, 40, 50]);
    const calls = h.upstream.requests.filter((r) => !r.path.startsWith("/somfy")).map((r) => `${r.method} ${r.path.replace(/a70f6d96-0a19-0483-72d9-ac5f6bd7000/, "L")} ${r.headers.authorization?.slice(-1)}`);
    expect(calls).toEqual([
      "POST /events/register 1",
      "POST /events/L1/fetch 1",
      "POST /events/register 2",
      "POST /events/L1/fetch 2",
      "POST /events/L1/unregister 2",
      "POST /events/L2/fetch 2",
      "POST /events/L2/fetch 2",
      "POST /events/register 2",
      "POST /events/L3/fetch 2",
      "POST /events/L3/unregister 2",
    ]);
    expect(form(h.requestsTo("/somfy/token")[1])).toMatchObject({ grant_type: "refresh_token", refresh_token: "somfy-refresh-1" });
    expect(client.eventListenerId).toBeUndefined();
  });
});

describe("action queue", () => {
  it("merges 20 concurrent executions for 5 devices into one exec/apply with 5 actions", async () => {
    h.upstream.on("POST", "/exec/apply", { status: 200, body: { execId: "ee7a5676-c68f-43a3-956d-6f5efc745954" } });
    const client = new OverkizClient({
      server: h.server(),
      credentials: { token: "queue-token-0001" },
      middleware: [h.recorder],
      actionQueue: { delayMs: 50, maxActions: 20 },
    });
    const devices = [1, 2, 3, 4, 5].map((n) => `io://0815-4711-2301/611275${n}`);

    const calls = Array.from({ length: 20 }, (_, i) =>
      client.executeActionGroup([{ deviceURL: devices[i % 5] as string, commands: [{ name: "setClosure", parameters: [i * 5] }] }]),
    );
    expect(client.pendingActionsCount).toBe(5);
    const execIds = await Promise.all(calls);

    expect(new Set(execIds)).toEqual(new Set(["ee7a5676-c68f-43a3-956d-6f5efc745954"]));
    const applies = h.requestsTo("/exec/apply");
    expect(applies).toHaveLength(1);
    const body = JSON.parse(applies[0]?.body ?? "") as { label: string; actions: { deviceURL: string; commands: { parameters: number[] }[] }[] };
    expect(body.actions.map((action) => action.deviceURL)).toEqual(devices);
    expect(body.actions.map((action) => action.commands.map((command) => command.parameters[0]))).toEqual([
      [0, 25, 50, 75],
      [5, 30, 55, 80],
      [10, 35, 60, 85],
      [15, 40, 65, 90],
      [20, 45, 70, 95],
    ]);
    expect(client.pendingActionsCount).toBe(0);
  });
});
