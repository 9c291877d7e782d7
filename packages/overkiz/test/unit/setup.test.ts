import { describe, expect, it } from "vitest";
import { Device, OverkizClient, ProductType, ValidationError, parseDevices } from "../../src/index.js";
import { recordingLogger } from "@openapp/testing";
import { LOCAL_TEST_SERVER, SHUTTER_URL, TEST_SERVER, json, scriptedFetch, wireDevice } from "../helpers.js";

const token = { token: "local-token-0001" };

const ogpStub = { deviceURL: "ogp://0815-4711-2301/0003A7F1", label: "Sonos speaker", available: true, enabled: true, synced: true };

describe("getSetup", () => {
  it("is read once and then served from the cache", async () => {
    const script = scriptedFetch({ "GET /setup": [json(200, { gateways: [{ gatewayId: "0815-4711-2301" }], devices: [wireDevice()] })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });

    const [first, second] = await Promise.all([client.getSetup(), client.getSetup()]);
    const third = await client.getSetup();

    expect(script.count("GET", "/setup")).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(first.devices[0]).toBeInstanceOf(Device);
    // The setup also fills the device and gateway caches.
    await client.getDevices();
    await client.getGateways();
    expect(script.requests).toHaveLength(1);
  });

  it("reads again with refresh: true", async () => {
    const script = scriptedFetch({
      "GET /setup": [json(200, { gateways: [], devices: [wireDevice({ label: "Before" })] }), json(200, { gateways: [], devices: [wireDevice({ label: "After" })] })],
    });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });

    expect((await client.getSetup()).devices[0]?.label).toBe("Before");
    expect((await client.getSetup({ refresh: true })).devices[0]?.label).toBe("After");
    expect((await client.getSetup()).devices[0]?.label).toBe("After");
    expect(script.count("GET", "/setup")).toBe(2);
  });

  it("forgets the cache on close()", async () => {
    const script = scriptedFetch({ "GET /setup": [json(200, { gateways: [], devices: [] })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch });
    await client.getSetup();
    await client.close();
    await client.getSetup();
    expect(script.count("GET", "/setup")).toBe(2);
  });

  it("skips a device that cannot be parsed, with a warning, and keeps the rest", async () => {
    const { logger, lines } = recordingLogger();
    const script = scriptedFetch({ "GET /setup": [json(200, { gateways: [{ gatewayId: "0815-4711-2301" }], devices: [wireDevice(), ogpStub] })] });
    const client = new OverkizClient({ server: LOCAL_TEST_SERVER, credentials: token, fetch: script.fetch, logger });

    const setup = await client.getSetup();

    expect(setup.devices.map((device) => device.deviceURL)).toEqual([SHUTTER_URL]);
    const warning = lines.find((line) => line.level === "warn");
    expect(warning?.message).toMatch(/skipping a device/);
    expect(warning?.fields).toMatchObject({ deviceURL: ogpStub.deviceURL });
  });
});

describe("Device", () => {
  it("exposes identifier, states and command helpers", () => {
    const device = Device.parse(wireDevice({ deviceURL: "io://0815-4711-2301/930117#2" }));
    expect(device.identifier).toMatchObject({ gatewayId: "0815-4711-2301", subsystemId: 2, isSubDevice: true });
    expect(device.type).toBe(ProductType.ACTUATOR);
    expect(device.states.get("core:ClosureState")?.valueAsInt()).toBe(35);
    expect(device.supportsCommand("setClosure")).toBe(true);
    expect(device.supportsCommand("my")).toBe(false);
    expect(device.supportsAnyCommand(["my", "open"])).toBe(true);
    expect(device.supportsAnyCommand(["my", "stop"])).toBe(false);
    expect(device.firstCommand(["my", "setClosure", "close"])).toBe("setClosure");
    expect(device.firstCommand(["my"])).toBeUndefined();
  });

  it("falls back to the definition's uiClass and widget", () => {
    const device = Device.parse(wireDevice({ uiClass: undefined, widget: undefined }));
    expect(device.uiClass).toBe("RollerShutter");
    expect(device.widget).toBe("PositionableRollerShutter");
  });

  it.each([
    ["no controllableName", { controllableName: undefined }],
    ["no definition", { definition: undefined }],
    ["an invalid device URL", { deviceURL: "not-a-device-url" }],
    ["no widget anywhere", { widget: undefined, definition: { commands: [], states: [], uiClass: "Light" } }],
  ])("refuses a device with %s", (_name, overrides) => {
    expect(() => Device.parse(wireDevice(overrides))).toThrow(ValidationError);
  });

  it("parseDevices never fails the whole list", () => {
    const { logger, lines } = recordingLogger();
    const devices = parseDevices([wireDevice(), "garbage", ogpStub, wireDevice({ deviceURL: "rts://0815-4711-2301/16730914" })], logger);
    expect(devices.map((d) => d.deviceURL)).toEqual([SHUTTER_URL, "rts://0815-4711-2301/16730914"]);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(2);
  });
});

describe("unreadable states", () => {
  // The issue this replaces: a state whose value did not fit its declared type used to be skipped.
  it("keeps a state whose value does not fit its type, with one warning, and keeps the device", () => {
    const { logger, lines } = recordingLogger();
    const device = Device.parse(
      wireDevice({ states: [{ name: "core:ClosureState", type: 1, value: "not a number" }, { name: "core:OpenClosedState", type: 3, value: "open" }] }),
      logger,
    );
    expect(device.states.get("core:ClosureState")?.value).toBe("not a number");
    expect(device.states.get("core:OpenClosedState")?.valueAsStr()).toBe("open");
    expect(lines.filter((line) => line.level === "warn")[0]?.fields).toMatchObject({ state: "core:ClosureState" });
  });
});
