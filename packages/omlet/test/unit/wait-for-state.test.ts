import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError, type Device, StateTimeoutError, TimeoutError, sectionState } from "../../src/index.js";
import { batteryDoorWithoutLight, doorWithLight } from "../fixtures/devices.js";
import { json, sequenceFetch, testClient } from "../helpers.js";

const isOpen = (device: Device) => sectionState(device, "door") === "open";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("waitForState", () => {
  it("keeps polling a mains door through pending states until it settles open", async () => {
    const { fetch, requests } = sequenceFetch(
      json(200, doorWithLight("openpending")),
      json(200, doorWithLight("opening")),
      json(200, doorWithLight("open")),
    );
    const waiting = testClient(fetch).waitForState("Pz4kWm82QrTd1VxN", isOpen);

    await vi.advanceTimersByTimeAsync(4_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5_000);

    const device = await waiting;
    expect(sectionState(device, "door")).toBe("open");
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.url.pathname === "/api/v1/device/Pz4kWm82QrTd1VxN")).toBe(true);
  });

  it("never hands a pending reading to the predicate", async () => {
    const predicate = vi.fn((_device: Device) => true);
    const { fetch } = sequenceFetch(json(200, doorWithLight("closepending")), json(200, doorWithLight("closed")));
    const waiting = testClient(fetch).waitForState("Pz4kWm82QrTd1VxN", predicate, { intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await waiting;
    expect(predicate).toHaveBeenCalledTimes(1);
    expect(sectionState(predicate.mock.calls[0]?.[0] as Device, "door")).toBe("closed");
  });

  it("waits at battery pace for a sleeping door and gives up with a TimeoutError", async () => {
    const { fetch, requests } = sequenceFetch(json(200, batteryDoorWithoutLight("openpending")));
    const waiting = testClient(fetch).waitForState("Bt9eHq3JmV6sKa0D", isOpen);
    const outcome = waiting.catch((error: unknown) => error);

    await vi.advanceTimersByTimeAsync(29_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);

    // Default for pollFreq 600 s: two check-ins plus a minute.
    await vi.advanceTimersByTimeAsync(2 * 600_000 + 60_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(StateTimeoutError);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as StateTimeoutError).message).toMatch(/Bt9eHq3JmV6sKa0D.*door=openpending, light=off; still pending: door\)/);
    expect(requests).toHaveLength(1 + (2 * 600 + 60) / 30);
  });

  it("honours an explicit maxWaitMs and intervalMs", async () => {
    const { fetch, requests } = sequenceFetch(json(200, doorWithLight("closed")));
    const outcome = testClient(fetch)
      .waitForState("Pz4kWm82QrTd1VxN", isOpen, { maxWaitMs: 3_000, intervalMs: 1_000 })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await outcome).toBeInstanceOf(StateTimeoutError);
    expect(requests).toHaveLength(4);
  });

  it("refuses the pre-0.2 option names, naming their replacements, before any request", async () => {
    const { fetch, requests } = sequenceFetch(json(200, doorWithLight("closed")));
    const omlet = testClient(fetch);
    await expect(omlet.waitForState("Pz4kWm82QrTd1VxN", isOpen, { timeout: 3_000 } as never)).rejects.toThrow(/`timeout`.*`maxWaitMs`/);
    await expect(omlet.waitForState("Pz4kWm82QrTd1VxN", isOpen, { interval: 1_000 } as never)).rejects.toThrow(/`intervalMs`/);
    expect(requests).toHaveLength(0);
  });

  it("stops at once when the caller aborts", async () => {
    const { fetch, requests } = sequenceFetch(json(200, doorWithLight("openpending")));
    const controller = new AbortController();
    const outcome = testClient(fetch)
      .waitForState("Pz4kWm82QrTd1VxN", isOpen, { signal: controller.signal })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    expect(await outcome).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
  });
});
