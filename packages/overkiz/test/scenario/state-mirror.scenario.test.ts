/**
 * The live state mirror against `prism proxy --errors`: a burst of events, a device removed and
 * one added, a gateway down and up (it may have missed something: read again), an execution to
 * its outcome, a token refresh (the listener is replaced and drained: no gap, no new setup read)
 * and a listener expiry (a gap: the setup is read again and the differences are reported).
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { type MirrorChange, OverkizClient } from "../../src/index.js";
import { shutterDevice } from "../fixtures/shutter.js";
import { useScenarioHarness } from "./harness.js";

const h = useScenarioHarness();

const GATEWAY = "0815-4711-2301";
const SHUTTER = `io://${GATEWAY}/6112754`;
const AWNING = `io://${GATEWAY}/6112755`;
const LIGHT = `io://${GATEWAY}/6112756`;
const L1 = "b70f6d96-0a19-0483-72d9-ac5f6bd70001";
const L2 = "b70f6d96-0a19-0483-72d9-ac5f6bd70002";
const L3 = "b70f6d96-0a19-0483-72d9-ac5f6bd70003";
const EXEC = "1a041f08-a73e-4f18-8fb4-880f32890f8b";
const listenerGone = { status: 400, body: { errorCode: "UNSPECIFIED_ERROR", error: '"No registered event listener."' } };

const device = shutterDevice;

const setup = (devices: unknown[]) => ({
  status: 200,
  body: { gateways: [{ gatewayId: GATEWAY, alive: true, connectivity: { status: "OK", protocolVersion: "2025.4.4-9" } }], devices },
});

const closure = (deviceURL: string, value: number, timestamp = 1_763_712_000_000 + value) => ({
  name: "DeviceStateChangedEvent",
  timestamp,
  deviceURL,
  deviceStates: [{ name: "core:ClosureState", type: 1, value: String(value) }],
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("state mirror", () => {
  it("follows events across a token refresh and a listener expiry, reading the setup again only after the gap", async () => {
    h.upstream.on("POST", "/somfy/token",
      { status: 200, body: { access_token: "mirror-access-1", refresh_token: "mirror-refresh-1", expires_in: 3600 } },
      { status: 200, body: { access_token: "mirror-access-2", refresh_token: "mirror-refresh-2", expires_in: 3600 } },
    );
    h.upstream.on("POST", "/events/register", { status: 200, body: { id: L1 } }, { status: 200, body: { id: L2 } }, { status: 200, body: { id: L3 } });
    h.upstream.on("GET", "/exec/current", { status: 200, body: [] });
    // Initial setup: three devices. After the gateway came back: as the events said. After the
    // expiry: the awning moved while nobody listened.
    h.upstream.on("GET", "/setup",
      setup([device(SHUTTER, "Shutter", 0), device(AWNING, "Awning", 0), device(LIGHT, "Light", 0)]),
      setup([device(SHUTTER, "Shutter", 100), device(AWNING, "Awning", 0)]),
      setup([device(SHUTTER, "Shutter", 99), device(AWNING, "Awning", 77)]),
    );
    const burst = Array.from({ length: 200 }, (_, i) => closure(SHUTTER, i % 101, 1_763_712_000_000 + i));
    h.upstream.on("POST", `/events/${L1}/fetch`,
      { status: 200, body: burst },
      {
        status: 200,
        body: [
          { name: "DeviceRemovedEvent", timestamp: 1_763_712_100_000, deviceURL: LIGHT, controllableName: "io:RollerShutterGenericIOComponent" },
          { name: "GatewayDownEvent", timestamp: 1_763_712_100_001, gatewayId: GATEWAY },
          { name: "GatewayAliveEvent", timestamp: 1_763_712_100_002, gatewayId: GATEWAY },
          { name: "ExecutionRegisteredEvent", timestamp: 1_763_712_100_003, execId: EXEC, label: "Close", actions: [{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [{ type: 1, value: "100" }] }] }] },
          { name: "ExecutionStateChangedEvent", timestamp: 1_763_712_100_004, execId: EXEC, newState: "COMPLETED", oldState: "IN_PROGRESS", timeToNextState: -1 },
          closure(SHUTTER, 100),
        ],
      },
      // Drained after the token refresh.
      { status: 200, body: [closure(AWNING, 10)] },
    );
    h.upstream.on("POST", `/events/${L2}/fetch`, { status: 200, body: [closure(AWNING, 10), closure(AWNING, 20)] }, listenerGone);
    h.upstream.on("POST", `/events/${L3}/fetch`, { status: 200, body: [] });
    for (const id of [L1, L2, L3]) h.upstream.on("POST", `/events/${id}/unregister`, { status: 200, body: [] });

    let now = Date.UTC(2026, 10, 21, 8, 0, 0);
    const client = new OverkizClient({
      server: h.server({ key: "somfy_europe" }),
      credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
      identityEndpoints: { somfy: { tokenUrl: `${h.upstream.origin}/somfy/token` } },
      middleware: [h.recorder],
      now: () => now,
    });
    const mirror = client.createStateMirror({ intervalMs: 5, maxBufferedChanges: 10_000 });
    const seen: MirrorChange[] = [];
    mirror.on((change) => {
      seen.push(change);
      // The access token expires once the burst's follow-up batch has been applied.
      if (change.type === "states" && change.deviceURL === SHUTTER && change.states[0]?.value === 100 && seen.some((c) => c.type === "execution")) now += 3_600_000;
    });
    const iterated: MirrorChange[] = [];
    const iterator = mirror.changes();
    const draining = (async () => {
      for await (const change of iterator) iterated.push(change);
    })();

    await mirror.start();
    expect(mirror.value(SHUTTER, "core:ClosureState")).toBe(0);
    expect(mirror.devices).toHaveLength(3);

    await until(() => mirror.resyncCount === 2, "the resync after the listener expiry");
    await mirror.stop();
    await draining;

    // The burst was applied in order; the last value wins; the removed device is gone.
    const shutterValues = seen.filter((c) => c.type === "states" && c.deviceURL === SHUTTER).map((c) => (c.type === "states" ? c.states[0]?.value : undefined));
    expect(shutterValues.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(mirror.device(LIGHT)).toBeUndefined();
    expect(seen).toContainEqual({ type: "deviceRemoved", deviceURL: LIGHT });
    expect(seen.filter((c) => c.type === "gateway")).toEqual([
      { type: "gateway", gatewayId: GATEWAY, alive: false },
      { type: "gateway", gatewayId: GATEWAY, alive: true },
    ]);
    expect(mirror.recentExecutions).toEqual([{ execId: EXEC, state: "COMPLETED", label: "Close", deviceURLs: [SHUTTER], final: true, failureType: undefined }]);
    expect(mirror.runningExecutions).toEqual([]);
    // After the expiry the setup was read again: the awning's 77 (moved during the gap) and the shutter's 99.
    expect(mirror.value(AWNING, "core:ClosureState")).toBe(77);
    expect(mirror.value(SHUTTER, "core:ClosureState")).toBe(99);
    expect(seen.at(-1)).toEqual({ type: "resynced", reason: "event listener expired" });
    // The gateway back after being down was read again (nothing differed but the outcome of what
    // it may have missed); the token refresh replaced the listener without a gap (drained,
    // duplicates skipped): no setup read for it.
    expect(seen.filter((c) => c.type === "resynced")).toEqual([
      { type: "resynced", reason: `gateway ${GATEWAY} back after being down` },
      { type: "resynced", reason: "event listener expired" },
    ]);
    expect(h.requestsTo("/setup")).toHaveLength(3);
    expect(h.requestsTo("/exec/current")).toHaveLength(3);
    const awningValues = seen.filter((c) => c.type === "states" && c.deviceURL === AWNING).map((c) => (c.type === "states" ? c.states[0]?.value : undefined));
    expect(awningValues).toEqual([10, 20, 77]);
    expect(iterated).toEqual(seen);
    expect(mirror.running).toBe(false);
    expect(h.requestsTo(`/events/${L3}/unregister`)).toHaveLength(1);
    expect(client.eventListenerId).toBeUndefined();
  });

  it("adds a created device by reading it, and stops cleanly mid-wait", async () => {
    const NEW = `io://${GATEWAY}/7000001`;
    h.upstream.on("POST", "/events/register", { status: 200, body: { id: L1 } });
    h.upstream.on("GET", "/exec/current", { status: 200, body: [] });
    h.upstream.on("GET", "/setup", setup([device(SHUTTER, "Shutter", 0)]));
    h.upstream.on("GET", `/setup/devices/${encodeURIComponent(NEW)}`, { status: 200, body: device(NEW, "New shutter", 50) });
    h.upstream.on("POST", `/events/${L1}/fetch`,
      { status: 200, body: [{ name: "DeviceCreatedEvent", timestamp: 1_763_712_000_000, deviceURL: NEW }, { name: "DeviceUnavailableEvent", timestamp: 1_763_712_000_001, deviceURL: SHUTTER }] },
      { status: 200, body: [] },
    );
    h.upstream.on("POST", `/events/${L1}/unregister`, { status: 200, body: [] });
    const client = new OverkizClient({ server: h.server(), credentials: { token: "mirror-token-0001" }, middleware: [h.recorder] });
    const mirror = client.createStateMirror({ intervalMs: 5 });
    await mirror.start();
    await until(() => mirror.device(NEW) !== undefined, "the created device");
    expect(mirror.value(NEW, "core:ClosureState")).toBe(50);
    await until(() => mirror.isAvailable(SHUTTER) === false, "the unavailable shutter");
    await mirror.stop();
    expect(h.requestsTo(`/events/${L1}/unregister`)).toHaveLength(1);
    await expect(mirror.stop()).resolves.toBeUndefined();
  });
});

describe("state mirror losses", () => {
  const running = (execId: string) => ({
    id: execId,
    description: "Execution : Close",
    owner: "jane.doe@example.com",
    state: "IN_PROGRESS",
    startTime: 1_763_712_000_000,
    actionGroup: { label: "Close", actions: [{ deviceURL: SHUTTER, commands: [{ name: "close" }] }] },
  });

  it("a replaced listener that cannot be drained, a listener dropped by the app and a gateway reboot each read everything again", async () => {
    h.upstream.on("POST", "/login",
      { status: 200, headers: { "set-cookie": "JSESSIONID=S1; Path=/" }, body: { success: true } },
      { status: 200, headers: { "set-cookie": "JSESSIONID=S2; Path=/" }, body: { success: true } },
    );
    h.upstream.on("POST", "/events/register", { status: 200, body: { id: L1 } }, { status: 200, body: { id: L2 } }, { status: 200, body: { id: L3 } });
    // At start the execution runs; after the reboot it is gone (its final event never came).
    h.upstream.on("GET", "/exec/current", { status: 200, body: [running(EXEC)] }, { status: 200, body: [running(EXEC)] }, { status: 200, body: [running(EXEC)] }, { status: 200, body: [] });
    h.upstream.on("GET", "/setup", setup([device(SHUTTER, "Shutter", 0)]), setup([device(SHUTTER, "Shutter", 37)]), setup([device(SHUTTER, "Shutter", 68)]), setup([device(SHUTTER, "Shutter", 70)]));
    // The drain after the second sign-in (session S2) fails.
    const busy = { status: 503, headers: { "content-type": "text/html" }, body: "<html>busy</html>" };
    h.upstream.on("POST", `/events/${L1}/fetch`, (request) => (request.headers.cookie?.includes("S2") ? busy : { status: 200, body: [] }));
    h.upstream.on("POST", `/events/${L2}/fetch`, { status: 200, body: [] });
    h.upstream.on("POST", `/events/${L3}/fetch`, { status: 200, body: [] }, { status: 200, body: [{ name: "GatewayBootEvent", timestamp: 1_763_712_100_000, gatewayId: GATEWAY }] }, { status: 200, body: [] });
    for (const id of [L1, L2, L3]) h.upstream.on("POST", `/events/${id}/unregister`, { status: 200, body: [] });

    const client = new OverkizClient({ server: h.server(), credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" }, middleware: [h.recorder] });
    const mirror = client.createStateMirror({ intervalMs: 5 });
    const resyncs: string[] = [];
    mirror.on((change) => {
      if (change.type === "resynced") resyncs.push(change.reason);
    });
    await mirror.start();
    expect(mirror.runningExecutions.map((e) => [e.execId, e.state, e.deviceURLs])).toEqual([[EXEC, "IN_PROGRESS", [SHUTTER]]]);

    // Another call signs in again: the mirror registers L2 and drains L1, which answers 503.
    await client.login();
    await until(() => resyncs.length === 1, "the resync after the failed drain");
    expect(resyncs).toEqual(["the replaced event listener could not be drained"]);
    expect(mirror.value(SHUTTER, "core:ClosureState")).toBe(37);

    // The app drops the listener the mirror follows.
    await client.unregisterEventListener();
    await until(() => resyncs.length === 2, "the resync after the dropped listener");
    expect(resyncs[1]).toBe("event listener dropped while it may hold events");
    expect(mirror.value(SHUTTER, "core:ClosureState")).toBe(68);

    await until(() => resyncs.length === 3, "the resync after the reboot");
    expect(resyncs[2]).toBe(`gateway ${GATEWAY} rebooted`);
    expect(mirror.value(SHUTTER, "core:ClosureState")).toBe(70);
    expect(mirror.runningExecutions).toEqual([]);
    expect(mirror.recentExecutions).toEqual([{ execId: EXEC, state: "UNKNOWN", label: "Close", deviceURLs: [SHUTTER], final: true }]);
    await mirror.stop();
    expect(h.requestsTo(`/events/${L1}/unregister`)).toHaveLength(1);
    expect(h.requestsTo(`/events/${L3}/unregister`)).toHaveLength(1);
  });
});

describe("state mirror parameters", () => {
  it("reports bad parameters from start(), never synchronously", async () => {
    const client = new OverkizClient({ server: h.server(), credentials: { token: "mirror-token-0002" } });
    const mirror = client.createStateMirror({ intervalMs: -1 });
    await expect(mirror.start()).rejects.toThrow(/intervalMs must be a positive number/);
    await expect(client.createStateMirror({ bogus: 1 } as never).start()).rejects.toThrow(/bogus/);
    expect(mirror.running).toBe(false);
  });
});

describe("state mirror and a long-lived signal", () => {
  it("leaves no listener on the signal given to start() and changes() once stopped, however often it restarts", async () => {
    h.upstream.on("POST", "/events/register", { status: 200, body: { id: L1 } });
    h.upstream.on("GET", "/setup", setup([device(SHUTTER, "Shutter", 0)]));
    h.upstream.on("POST", `/events/${L1}/fetch`, { status: 200, body: [] });
    h.upstream.on("POST", `/events/${L1}/unregister`, { status: 200, body: [] });
    const client = new OverkizClient({ server: h.server(), credentials: { token: "mirror-token-0003" } });
    const app = new AbortController();
    for (let run = 0; run < 3; run++) {
      const mirror = client.createStateMirror({ intervalMs: 5 });
      await mirror.start({ signal: app.signal });
      const changes = mirror.changes({ signal: app.signal });
      expect(getEventListeners(app.signal, "abort")).toHaveLength(1);
      await changes.return?.();
      await mirror.stop();
    }
    expect(getEventListeners(app.signal, "abort")).toHaveLength(0);
  });
});
