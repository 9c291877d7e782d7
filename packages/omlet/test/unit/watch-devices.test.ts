import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  ConfigError,
  type Device,
  type DeviceChanges,
  InternalServerError,
  type WaitProgress,
  deviceChanges,
  sectionState,
} from "../../src/index.js";
import { batteryDoorWithoutLight, doorWithLight, fan } from "../fixtures/devices.js";
import { json, noContent, scriptedFetch, testClient } from "../helpers.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** An upstream whose device list the test edits; every read and action is recorded. */
function coop(initial: Device[]) {
  let devices = initial;
  const { fetch, requests } = scriptedFetch((request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path === "/api/v1/device") return json(200, devices);
    if (request.method === "POST" && path.includes("/action/")) return noContent();
    return json(404, { message: `unexpected ${request.method} ${path}` });
  });
  const reads = () => requests.filter((r) => r.method === "GET").length;
  const actions = () => requests.filter((r) => r.method === "POST").length;
  return { fetch, requests, reads, actions, set: (next: Device[]) => void (devices = next) };
}

/** Takes the next batch without awaiting forever: timers are advanced until it arrives. */
async function nextBatch(iterator: AsyncIterator<DeviceChanges>, advanceMs = 0): Promise<DeviceChanges> {
  const next = iterator.next();
  await vi.advanceTimersByTimeAsync(advanceMs);
  const result = await next;
  if (result.done) throw new Error("watcher ended");
  return result.value;
}

describe("deviceChanges", () => {
  it("names added and removed devices, changed state and configuration leaves, and settled sections", () => {
    const before = [doorWithLight("openpending"), fan("off")];
    const after = [{ ...doorWithLight("open"), lastConnected: "later" }, batteryDoorWithoutLight()];
    after[0]!.configuration!.door!.closeTime = "20:30";
    const changes = deviceChanges(before, after);
    expect(changes.map((c) => [c.type, c.deviceId])).toEqual([
      ["changed", "Pz4kWm82QrTd1VxN"],
      ["settled", "Pz4kWm82QrTd1VxN"],
      ["added", "Bt9eHq3JmV6sKa0D"],
      ["removed", "Fa7nUq1CwZ5rLp3E"],
    ]);
    const [changed, settled] = changes;
    expect(changed?.type === "changed" && changed.fields).toEqual([
      { path: "configuration.door.closeTime", oldValue: "20:05", newValue: "20:30" },
      { path: "state.door.state", oldValue: "openpending", newValue: "open" },
    ]);
    expect(settled).toMatchObject({ type: "settled", section: "door", from: "openpending", to: "open" });
  });

  it("ignores readings that differ only outside state and configuration", () => {
    expect(deviceChanges([doorWithLight()], [{ ...doorWithLight(), lastConnected: "2026-01-01T00:00:00Z" }])).toEqual([]);
  });
});

describe("watchDevices", () => {
  it("yields the first reading, then only readings that changed, every 300 s by default", async () => {
    const upstream = coop([doorWithLight("closed")]);
    const watcher = testClient(upstream.fetch).watchDevices();
    const first = await nextBatch(watcher);
    expect(first.reason).toBe("initial");
    expect(first.changes.map((c) => c.type)).toEqual(["added"]);
    expect(upstream.reads()).toBe(1);

    const pending = watcher.next();
    await vi.advanceTimersByTimeAsync(299_999);
    expect(upstream.reads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(upstream.reads()).toBe(2); // unchanged: nothing yielded
    upstream.set([doorWithLight("open")]);
    await vi.advanceTimersByTimeAsync(300_000);
    const { value } = await pending;
    expect(value?.reason).toBe("interval");
    expect(value?.changes[0]).toMatchObject({ type: "changed", fields: [{ path: "state.door.state", oldValue: "closed", newValue: "open" }] });
    expect(upstream.actions()).toBe(0);
    await watcher.return?.();
  });

  it("reads 1.5 s and 5 s after an action sent through the same client, and reports the door settling", async () => {
    const upstream = coop([doorWithLight("closed")]);
    const omlet = testClient(upstream.fetch);
    const watcher = omlet.watchDevices();
    await nextBatch(watcher);
    const door = watcher.devices[0] as Device;
    await omlet.door(door).open();
    upstream.set([doorWithLight("openpending")]);

    const pending = watcher.next();
    await vi.advanceTimersByTimeAsync(1_499);
    expect(upstream.reads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(upstream.reads()).toBe(2);
    const afterAction = (await pending).value as DeviceChanges;
    expect(afterAction.reason).toBe("follow-up");
    expect(sectionState(afterAction.devices[0] as Device, "door")).toBe("openpending");

    upstream.set([doorWithLight("open")]);
    const settled = await nextBatch(watcher, 3_500);
    expect(upstream.reads()).toBe(3);
    expect(settled.changes.find((c) => c.type === "settled")).toMatchObject({ section: "door", from: "openpending", to: "open" });
    expect(upstream.actions()).toBe(1);
    watcher.stop();
  });

  it("reads at once when the app pushes a webhook in, and never overlaps reads", async () => {
    const upstream = coop([doorWithLight("closed")]);
    const watcher = testClient(upstream.fetch).watchDevices();
    await nextBatch(watcher);
    upstream.set([doorWithLight("closed"), fan("on")]);
    watcher.notify({ deviceId: "Fa7nUq1CwZ5rLp3E", parameterName: "state", newValue: "on" });
    watcher.notify();
    watcher.notify();
    const batch = await nextBatch(watcher);
    expect(batch.reason).toBe("webhook");
    expect(batch.changes.map((c) => c.type)).toEqual(["added"]);
    await vi.advanceTimersByTimeAsync(0);
    // One read for the cue, one for the cues that came while it ran.
    expect(upstream.reads()).toBe(3);
    watcher.stop();
  });

  it("stops on the signal and on return(): the iteration ends, no timer is left, no read follows", async () => {
    const upstream = coop([doorWithLight()]);
    const controller = new AbortController();
    const omlet = testClient(upstream.fetch);
    const seen: DeviceChanges[] = [];
    const loop = (async () => {
      for await (const batch of omlet.watchDevices({ signal: controller.signal })) seen.push(batch);
    })();
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await loop;
    expect(seen).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);

    const watcher = omlet.watchDevices({ intervalMs: 60_000 });
    await nextBatch(watcher);
    await watcher.return?.();
    await omlet.performAction({ deviceId: "Pz4kWm82QrTd1VxN", actionName: "open" });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(upstream.reads()).toBe(2);
    expect(await watcher.next()).toEqual({ value: undefined, done: true });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("watchers sharing one signal put one listener on it, and none once stopped", async () => {
    const omlet = testClient(coop([doorWithLight()]).fetch);
    const app = new AbortController();
    const watchers = Array.from({ length: 12 }, () => omlet.watchDevices({ signal: app.signal }));
    expect(getEventListeners(app.signal, "abort")).toHaveLength(1);
    for (const watcher of watchers) watcher.stop();
    expect(getEventListeners(app.signal, "abort")).toHaveLength(0);
  });

  it("keeps polling through failed reads when onError is given, and ends with the error otherwise", async () => {
    let calls = 0;
    const { fetch } = scriptedFetch(() => (++calls === 2 ? json(503, { message: "busy" }) : json(200, [doorWithLight(calls > 2 ? "open" : "closed")])));
    const errors: unknown[] = [];
    const watcher = testClient(fetch, { maxRetries: 0 }).watchDevices({ intervalMs: 30_000, onError: (e) => errors.push(e) });
    await nextBatch(watcher);
    const batch = await nextBatch(watcher, 60_000);
    expect(errors[0]).toBeInstanceOf(InternalServerError);
    expect(batch.changes[0]?.type).toBe("changed");
    watcher.stop();

    const failing = scriptedFetch(json(503, { message: "down" }));
    const strict = testClient(failing.fetch, { maxRetries: 0 }).watchDevices();
    const outcome = strict.next().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toBeInstanceOf(InternalServerError);
    expect(await strict.next()).toEqual({ value: undefined, done: true });
  });

  it("always ends on an authentication error, even with onError", async () => {
    const { fetch } = scriptedFetch(json(401, { message: "bad key" }));
    const onError = vi.fn();
    const watcher = testClient(fetch).watchDevices({ onError });
    const outcome = watcher.next().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toBeInstanceOf(AuthenticationError);
    expect(onError).not.toHaveBeenCalled();
  });

  it("keeps at most maxBufferedChanges readings for a consumer that stopped pulling, dropping the oldest with one warning", async () => {
    let reading = 0;
    const { fetch } = scriptedFetch(() => json(200, [doorWithLight(reading++ % 2 === 0 ? "open" : "closed")]));
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error() {} };
    const watcher = testClient(fetch, { logger }).watchDevices({ intervalMs: 30_000, maxBufferedChanges: 3 });
    await nextBatch(watcher);
    // Ten changed readings while nobody pulls.
    for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(30_000);
    expect(reading).toBe(11);
    expect(warnings).toEqual(["device watcher: the consumer is behind; keeping the newest 3 readings and dropping older ones"]);
    const kept = [await nextBatch(watcher), await nextBatch(watcher), await nextBatch(watcher)];
    expect(kept.map((batch) => sectionState(batch.devices[0]!, "door"))).toEqual(["open", "closed", "open"]);
    // The newest reading is the true state; the next one comes from a new read.
    expect(kept[2]?.devices).toEqual([doorWithLight("open")]);
    const fresh = await nextBatch(watcher, 30_000);
    expect(sectionState(fresh.devices[0]!, "door")).toBe("closed");

    // Falling behind again after catching up is worth a second warning, not one per reading.
    for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(30_000);
    expect(warnings).toHaveLength(2);
    watcher.stop();
  });

  it("refuses a cap that is not a positive whole number", async () => {
    const omlet = testClient(coop([]).fetch);
    for (const maxBufferedChanges of [0, -1, 1.5, Number.NaN, "10" as never]) {
      await expect(omlet.watchDevices({ maxBufferedChanges }).next()).rejects.toThrow(/maxBufferedChanges must be a positive whole number/);
    }
  });

  it("refuses an interval under 30 s, bad follow-ups and unknown options on first use, before any read", async () => {
    const upstream = coop([]);
    const omlet = testClient(upstream.fetch);
    await expect(omlet.watchDevices({ intervalMs: 5_000 }).next()).rejects.toThrow(/at least 30000 ms/);
    await expect(omlet.watchDevices({ followUpDelaysMs: [-1] }).next()).rejects.toBeInstanceOf(ConfigError);
    await expect(omlet.watchDevices({ interval: 60_000 } as never).next()).rejects.toThrow(/`intervalMs`/);
    await expect(omlet.onDeviceChanges(null as never).done).rejects.toThrow(/listener function/);
    const refused = omlet.watchDevices({ intervalMs: 0 });
    await expect(refused.next()).rejects.toBeInstanceOf(ConfigError);
    expect(await refused.next()).toEqual({ value: undefined, done: true });
    expect(upstream.reads()).toBe(0);
  });

  it("has a callback form that stops cleanly", async () => {
    const upstream = coop([doorWithLight("closed")]);
    const seen: string[] = [];
    const subscription = testClient(upstream.fetch).onDeviceChanges((batch) => void seen.push(batch.reason), { emitInitial: false });
    await vi.advanceTimersByTimeAsync(0);
    upstream.set([doorWithLight("open")]);
    subscription.refresh();
    await vi.advanceTimersByTimeAsync(0);
    subscription.stop();
    await subscription.done;
    expect(seen).toEqual(["refresh"]);
    expect(subscription.devices).toHaveLength(1);
  });
});

describe("waitForState onProgress", () => {
  it("reports every reading with what is still pending", async () => {
    let reading = 0;
    const states = ["openpending", "openpending", "open"];
    const { fetch } = scriptedFetch(() => json(200, doorWithLight(states[Math.min(reading++, 2)])));
    const progress: WaitProgress[] = [];
    const waiting = testClient(fetch).waitForState("Pz4kWm82QrTd1VxN", (d) => sectionState(d, "door") === "open", {
      intervalMs: 1_000,
      onProgress: (p) => progress.push(p),
    });
    await vi.advanceTimersByTimeAsync(2_000);
    await waiting;
    expect(progress.map((p) => [p.attempt, p.pending, p.done, p.nextPollInMs])).toEqual([
      [1, ["door"], false, 1_000],
      [2, ["door"], false, 1_000],
      [3, [], true, 0],
    ]);
    expect(progress[2]?.maxWaitMs).toBe(120_000);
  });
});
