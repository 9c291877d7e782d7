import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ExecutionState,
  NoRegisteredEventListenerError,
  OverkizClient,
  type OverkizEvent,
  TooManyConcurrentRequestsError,
  parseEvents,
} from "../../src/index.js";
import { recordingLogger } from "@openapp/testing";
import { TEST_SERVER, json, overkizError, scriptedFetch } from "../helpers.js";

const token = { token: "events-token-0001" };
const listenerGone = () => overkizError(400, "UNSPECIFIED_ERROR", '"No registered event listener."');
const concurrent = () => overkizError(400, "RESOURCE_ACCESS_DENIED", "too many concurrent requests");

const cloudBatch = [
  { timestamp: 1714566000120, gatewayId: "0815-4711-2301", name: "GatewaySynchronizationEndedEvent" },
  {
    timestamp: 1714566001410,
    setupOID: "0f4ad6f1-75ef-4d39-aa51-4c3f748f9dbf",
    deviceURL: "io://0815-4711-2301/930117#2",
    deviceStates: [
      { name: "core:ElectricEnergyConsumptionState", type: 1, value: "18342500" },
      { name: "core:ConsumptionTariff3State", type: 0 },
      { name: "core:MovingState", type: 6, value: "true" },
    ],
    name: "DeviceStateChangedEvent",
  },
  {
    timestamp: 1714566000120,
    execId: "1a041f08-a73e-4f18-8fb4-880f32890f8b",
    label: "Close living room",
    actions: [{ deviceURL: "io://0815-4711-2301/6112754", commands: [{ name: "setClosure", parameters: [{ type: 1, value: "100" }] }] }],
    source: "mobile:ios",
    owner: "jane.doe@example.com",
    name: "ExecutionRegisteredEvent",
  },
  {
    timestamp: 1714566021985,
    execId: "1a041f08-a73e-4f18-8fb4-880f32890f8b",
    newState: "COMPLETED",
    oldState: "IN_PROGRESS",
    timeToNextState: -1,
    name: "ExecutionStateChangedEvent",
  },
  { timestamp: 1714566022010, gatewayId: "0815-4711-2301", protocolType: 1, name: "RefreshAllDevicesStatesCompletedEvent" },
  { timestamp: 1714566022100, deviceURL: "io://0815-4711-2301/6112754", name: "DeviceUnavailableEvent" },
  { timestamp: 1714566022200, zoneOID: "z-1", label: "Ground floor", deviceURLs: [], name: "ZoneUpdatedEvent" },
  { timestamp: 1714566022300, name: "DeviceStateChangedEvent" },
  { timestamp: 1714566022400, name: "DeviceStateChangedEvent", deviceURL: "io://0815-4711-2301/1", deviceStates: [{ name: "x", type: 1, value: "n/a" }] },
  "not an event",
  { timestamp: 1714566022500 },
];

describe("parseEvents", () => {
  it("types the known families, keeps the rest as `other` and drops non-events", () => {
    // A state whose value does not fit its declared type no longer degrades its event: the value is kept.
    const { logger, lines } = recordingLogger();
    const events = parseEvents(cloudBatch, logger);

    expect(events.map((event) => `${event.kind}:${event.name}`)).toEqual([
      "gateway:GatewaySynchronizationEndedEvent",
      "deviceStateChanged:DeviceStateChangedEvent",
      "executionRegistered:ExecutionRegisteredEvent",
      "executionStateChanged:ExecutionStateChangedEvent",
      "other:RefreshAllDevicesStatesCompletedEvent",
      "device:DeviceUnavailableEvent",
      "zone:ZoneUpdatedEvent",
      "other:DeviceStateChangedEvent",
      "deviceStateChanged:DeviceStateChangedEvent",
    ]);
    const warnings = lines.filter((line) => line.level === "warn").map((line) => line.message);
    expect(warnings.filter((message) => message.startsWith("dropping"))).toHaveLength(2);
    expect(warnings).toContain("event kept untyped: it lacks what its family requires");
    expect(warnings).toContain("state value does not fit its declared data type; kept as received");
    const last = events.at(-1);
    expect(last?.kind === "deviceStateChanged" && last.deviceStates[0]?.value).toBe("n/a");
  });

  it("casts the string values of cloud state events by data type", () => {
    const changed = parseEvents(cloudBatch).find((event) => event.kind === "deviceStateChanged");
    if (changed?.kind !== "deviceStateChanged") throw new Error("expected a DeviceStateChangedEvent");
    const [energy, tariff, moving] = changed.deviceStates;
    expect(energy?.valueAsInt()).toBe(18342500);
    expect(tariff?.value).toBeNull();
    expect(moving?.valueAsBool()).toBe(true);
  });

  it("maps execution states and marks the final one", () => {
    const event = parseEvents(cloudBatch).find((e): e is Extract<OverkizEvent, { kind: "executionStateChanged" }> => e.kind === "executionStateChanged");
    expect(event?.newState).toBe(ExecutionState.COMPLETED);
    expect(event?.oldState).toBe(ExecutionState.IN_PROGRESS);
    expect(event?.isFinal).toBe(true);
  });
});

describe("event listener", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("registers on first fetch and reuses the listener", async () => {
    const script = scriptedFetch({
      "POST /events/register": [json(200, { id: "listener-1" })],
      "POST /events/listener-1/fetch": [json(200, cloudBatch.slice(0, 2)), json(200, [])],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });

    expect(await client.fetchEvents()).toHaveLength(2);
    expect(await client.fetchEvents()).toEqual([]);
    expect(client.eventListenerId).toBe("listener-1");
    expect(script.count("POST", "/events/register")).toBe(1);
  });

  it("registers a new listener once when the old one expired", async () => {
    // Core's retry loop waits through a (0 ms) timer before a re-login or re-registration resend.
    vi.useRealTimers();
    const script = scriptedFetch({
      "POST /events/register": [json(200, { id: "listener-1" }), json(200, { id: "listener-2" })],
      "POST /events/listener-1/fetch": [listenerGone()],
      "POST /events/listener-2/fetch": [json(200, cloudBatch.slice(0, 1))],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await client.registerEventListener();

    const events = await client.fetchEvents();

    expect(events).toHaveLength(1);
    expect(client.eventListenerId).toBe("listener-2");
    expect(script.requests.map((r) => r.path)).toEqual(["/events/register", "/events/listener-1/fetch", "/events/register", "/events/listener-2/fetch"]);
  });

  it("does not loop when the new listener is gone too", async () => {
    // Core's retry loop waits through a (0 ms) timer before a re-login or re-registration resend.
    vi.useRealTimers();
    const script = scriptedFetch({
      "POST /events/register": [json(200, { id: "listener-1" }), json(200, { id: "listener-2" })],
      "POST /events/listener-1/fetch": [listenerGone()],
      "POST /events/listener-2/fetch": [listenerGone()],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await client.registerEventListener();
    await expect(client.fetchEvents()).rejects.toBeInstanceOf(NoRegisteredEventListenerError);
    expect(script.count("POST", "/events/register")).toBe(2);
  });

  it("backs off on 'too many concurrent requests'", async () => {
    const script = scriptedFetch({
      "POST /events/register": [concurrent(), json(200, { id: "listener-1" })],
      "POST /events/listener-1/fetch": [concurrent(), concurrent(), json(200, [])],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, random: () => 1 });

    const registered = client.registerEventListener();
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(registered).resolves.toBe("listener-1");

    const fetched = client.fetchEvents();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000);
    await expect(fetched).resolves.toEqual([]);
    expect(script.count("POST", "/events/listener-1/fetch")).toBe(3);
  });

  it("gives up on concurrent-request refusals after five attempts", async () => {
    const script = scriptedFetch({ "POST /events/register": [concurrent()] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, random: () => 1 });
    const pending = client.registerEventListener().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await pending).toBeInstanceOf(TooManyConcurrentRequestsError);
    expect(script.count("POST", "/events/register")).toBe(5);
  });

  it("unregisters on close()", async () => {
    const script = scriptedFetch({
      "POST /events/register": [json(200, { id: "listener-1" })],
      "POST /events/listener-1/unregister": [json(200, [])],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await client.registerEventListener();
    await client.close();
    expect(script.count("POST", "/events/listener-1/unregister")).toBe(1);
    expect(client.eventListenerId).toBeUndefined();
  });
});
