import { describe, expect, it } from "vitest";
import {
  type Device,
  configurationChanges,
  deviceStatus,
  isSettled,
  isTransitionalState,
  parseOmletTime,
  pendingSections,
  toNumber,
  wifiStrength,
} from "../../src/index.js";
import { batteryDoorWithoutLight, doorWithLight, fan } from "../fixtures/devices.js";

describe("parseOmletTime", () => {
  it.each([
    ["2025-11-30T06:44:13+10:00", "2025-11-29T20:44:13.000Z"],
    ["2026-10-08T05:48:17.000000Z", "2026-10-08T05:48:17.000Z"],
    ["2026-10-08T05:48:17.123456Z", "2026-10-08T05:48:17.123Z"],
    ["2024-12-29 02:00:00", "2024-12-29T02:00:00.000Z"],
    ["2023-06-23 06:32", "2023-06-23T06:32:00.000Z"],
    ["2025-03-01T10:00:00-0500", "2025-03-01T15:00:00.000Z"],
    ["Thu Sep  7 09:44:47 2023", "2023-09-07T09:44:47.000Z"],
  ])("reads %s", (input, iso) => {
    expect(parseOmletTime(input)?.toISOString()).toBe(iso);
  });

  it.each([null, undefined, "", "None", "2025-02-31 10:00:00", "yesterday"])("gives undefined for %j", (input) => {
    expect(parseOmletTime(input)).toBeUndefined();
  });
});

describe("mixed-type and missing fields", () => {
  it("reads wifiStrength as a number whether it came as a number or a string", () => {
    const asString = doorWithLight();
    (asString.state as { connectivity: { wifiStrength: unknown } }).connectivity.wifiStrength = "-63";
    const absent = batteryDoorWithoutLight();
    (absent.state as { connectivity: { wifiStrength: unknown } }).connectivity.wifiStrength = "notPresent";

    expect(wifiStrength(doorWithLight())).toBe(-55);
    expect(wifiStrength(asString)).toBe(-63);
    expect(wifiStrength(absent)).toBeUndefined();
    expect(toNumber("")).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
  });

  it("describes a device that has nothing but an id", () => {
    const bare: Device = { deviceId: "Xx1" };
    expect(deviceStatus(bare)).toEqual({
      deviceId: "Xx1",
      deviceSerial: undefined,
      deviceType: undefined,
      name: undefined,
      power: "unknown",
      batteryLevel: undefined,
      connected: undefined,
      wifiStrength: undefined,
      lastConnected: undefined,
      nextConnection: undefined,
      overdue: false,
      door: undefined,
      doorFault: undefined,
      light: undefined,
      lightFitted: undefined,
      fan: undefined,
      feeder: undefined,
      pending: [],
    });
  });

  it("copes with sections that are null or not objects", () => {
    const odd = { deviceId: "Xx2", state: { door: null, light: "on", general: [] } } as unknown as Device;
    expect(() => deviceStatus(odd)).not.toThrow();
    expect(isSettled(odd)).toBe(true);
  });
});

describe("settled versus pending", () => {
  it("treats queued and moving states as pending, including a device's own pendingValues", () => {
    expect(["openpending", "closepending", "offpending", "stopping", "closing", "calibrating"].every((s) => isTransitionalState(s))).toBe(
      true,
    );
    expect(["open", "closed", "on", "off", "boost"].some((s) => isTransitionalState(s))).toBe(false);
    const device = doorWithLight();
    (device.actions ?? [])[0]!.pendingValue = "warmingup";
    expect(isTransitionalState("warmingup", device)).toBe(true);
  });

  it("lists which sections are still pending", () => {
    const device = doorWithLight("openpending");
    (device.state as { light: { state: string } }).light.state = "onpending";
    expect(pendingSections(device)).toEqual(["light", "door"]);
    expect(isSettled(fan("on"))).toBe(true);
  });
});

describe("configurationChanges", () => {
  it("keeps only the leaves that differ, never echoing the device clock", () => {
    const current = doorWithLight().configuration ?? {};
    const desired = structuredClone(current);
    desired.door = { ...desired.door, openTime: "05:55" };
    desired.general = { ...desired.general, datetime: "2030-01-01T00:00:00+00:00", pollFreq: 600 };
    const unchangedClock = structuredClone(desired);
    unchangedClock.general = { ...unchangedClock.general, datetime: current.general?.datetime };

    expect(configurationChanges(current, unchangedClock)).toEqual({ door: { openTime: "05:55" } });
    expect(configurationChanges(current, current)).toEqual({});
  });
});
