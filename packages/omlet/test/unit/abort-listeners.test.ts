/**
 * A caller may hand the same long-lived signal to many watches and waits: each one must take its
 * abort listener off that signal when it ends, or they pile up (and Node warns past ten).
 */
import { getEventListeners } from "node:events";
import { recordProcessWarnings } from "@openapp/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, sectionState } from "../../src/index.js";
import { doorWithLight } from "../fixtures/devices.js";
import { json, sequenceFetch, testClient } from "../helpers.js";

const ROUNDS = 50;

let warnings: ReturnType<typeof recordProcessWarnings>;
beforeEach(() => {
  warnings = recordProcessWarnings();
  vi.useFakeTimers();
});
afterEach(async () => {
  vi.useRealTimers();
  expect(await warnings.stop()).toEqual([]);
});

describe("abort listeners on a long-lived signal", () => {
  it("are removed when watchers return, stop, or end on a refused read", async () => {
    const { signal } = new AbortController();
    const omlet = testClient(sequenceFetch(json(200, [doorWithLight("open")])).fetch);
    for (let i = 0; i < ROUNDS; i++) {
      const returned = omlet.watchDevices({ signal });
      await returned.next();
      await returned.return?.();
      const stopped = omlet.onDeviceChanges(() => undefined, { signal });
      await vi.advanceTimersByTimeAsync(0);
      stopped.stop();
      await stopped.done;
    }
    const failing = testClient(sequenceFetch(json(401, { message: "Unauthorized" })).fetch);
    for (let i = 0; i < ROUNDS; i++) {
      await expect(failing.watchDevices({ signal }).next()).rejects.toBeInstanceOf(AuthenticationError);
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("are removed when waitForState settles after polling", async () => {
    const { signal } = new AbortController();
    for (let i = 0; i < ROUNDS; i++) {
      const { fetch } = sequenceFetch(json(200, doorWithLight("openpending")), json(200, doorWithLight("open")));
      const waiting = testClient(fetch).waitForState("Pz4kWm82QrTd1VxN", (device) => sectionState(device, "door") === "open", { intervalMs: 1_000, signal });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sectionState(await waiting, "door")).toBe("open");
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});
