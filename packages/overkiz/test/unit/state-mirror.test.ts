import { getEventListeners } from "node:events";
import { recordingLogger, recordProcessWarnings } from "@openapp/testing";
import { describe, expect, it } from "vitest";
import { OverkizClient } from "../../src/index.js";
import { SHUTTER_URL, TEST_SERVER, json, scriptedFetch, wireDevice } from "../helpers.js";

const closure = (value: number) => ({ name: "DeviceStateChangedEvent", timestamp: 1_763_712_000_000 + value, deviceURL: SHUTTER_URL, deviceStates: [{ name: "core:ClosureState", type: 1, value: String(value) }] });

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe("state mirror changes()", () => {
  it("keeps the newest changes for a consumer that fell behind, with one warning per backlog", async () => {
    const { logger, lines } = recordingLogger();
    let batch: unknown[] = [];
    const script = scriptedFetch({
      "POST /events/register": [json(200, { id: "listener-1" })],
      "GET /setup": [json(200, { gateways: [], devices: [wireDevice()] })],
      "GET /exec/current": [json(200, [])],
      "POST /events/listener-1/fetch": [
        () => {
          const answer = json(200, batch);
          batch = [];
          return answer;
        },
      ],
      "POST /events/listener-1/unregister": [json(200, [])],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "mirror-token" }, fetch: script.fetch, logger });
    const mirror = client.createStateMirror({ intervalMs: 1, maxBufferedChanges: 2 });
    const changes = mirror.changes();
    await mirror.start();
    const behind = () => lines.filter((line) => line.level === "warn" && line.message.includes("behind")).length;

    batch = [closure(1), closure(2), closure(3), closure(4), closure(5)];
    await until(() => mirror.value(SHUTTER_URL, "core:ClosureState") === 5);
    expect(behind()).toBe(1);
    const first = [await changes.next(), await changes.next()].map((result) => (result.value as { states: { value: unknown }[] }).states[0]?.value);
    expect(first).toEqual([4, 5]);

    batch = [closure(6), closure(7), closure(8)];
    await until(() => mirror.value(SHUTTER_URL, "core:ClosureState") === 8);
    expect(behind()).toBe(2);
    await mirror.stop();
    const rest: unknown[] = [];
    for await (const change of changes) rest.push((change as { states: { value: unknown }[] }).states[0]?.value);
    expect(rest).toEqual([7, 8]);
  });

  it("leaves no abort listener on a long-lived signal once mirrors stop and iterators return", async () => {
    const warnings = recordProcessWarnings();
    try {
      const script = scriptedFetch({
        "POST /events/register": [json(200, { id: "listener-1" })],
        "GET /setup": [json(200, { gateways: [], devices: [wireDevice()] })],
        "GET /exec/current": [json(200, [])],
        "POST /events/listener-1/fetch": [json(200, [])],
        "POST /events/listener-1/unregister": [json(200, [])],
      });
      const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "mirror-token" }, fetch: script.fetch, logger: recordingLogger().logger });
      const { signal } = new AbortController();
      for (let i = 0; i < 50; i++) {
        const mirror = client.createStateMirror({ intervalMs: 1_000 });
        const stoppedWith = mirror.changes({ signal });
        const returned = mirror.changes({ signal });
        await mirror.start({ signal });
        await returned.return?.();
        await mirror.stop();
        expect(await stoppedWith.next()).toEqual({ value: undefined, done: true });
      }
      expect(getEventListeners(signal, "abort")).toHaveLength(0);
    } finally {
      expect(await warnings.stop()).toEqual([]);
    }
  });

  it("ends an iterator whose signal is already aborted, and one whose signal aborts later", async () => {
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "mirror-token" }, fetch: scriptedFetch({}).fetch, logger: recordingLogger().logger });
    const mirror = client.createStateMirror();
    expect(await mirror.changes({ signal: AbortSignal.abort() }).next()).toEqual({ value: undefined, done: true });
    const controller = new AbortController();
    const pending = mirror.changes({ signal: controller.signal }).next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
