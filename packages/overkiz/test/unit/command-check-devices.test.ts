import { ValidationError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import { Device, OverkizClient } from "../../src/index.js";
import type { ActionInput } from "../../src/index.js";
import { TEST_SERVER, json, scriptedFetch } from "../helpers.js";
import {
  FROST_PROTECTED_HEATER,
  HEATING_LEVELS,
  IO_HEATER,
  LOCAL_AWNING,
  LOCAL_RTS_PERGOLA,
  MODBUSLINK_HEATER,
  RANGED_WATER_HEATER,
  TOWEL_DRYER,
  WATER_HEATER,
} from "../fixtures/heating-and-rts.js";

const EXEC = { execId: "0b7c9d12-5e4f-4a31-9c6e-2d8f1a7b3c55" };

function clientFor(raw: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const device = Device.parse(raw);
  const script = scriptedFetch({ "POST /exec/apply": [json(200, EXEC)] });
  const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "heating-token-0001" }, fetch: script.fetch, ...extra });
  const sent = () => script.requests.filter((r) => r.path === "/exec/apply").map((r) => JSON.parse(r.body).actions[0].commands);
  const run = (commands: ActionInput["commands"]) => client.executeActionGroup([{ deviceURL: device.deviceURL, commands }], { devices: [device] });
  return { run, sent };
}

const setHeatingLevel = (level: string) => ({ name: "setHeatingLevel", parameters: [level] });

describe("commands the device itself allows are sent", () => {
  it.each(["off", "frostprotection", "comfort-1", "comfort-2", "boost"])("io heater: setHeatingLevel(%j), listed by its io:TargetHeatingLevelState", async (level) => {
    const { run, sent } = clientFor(IO_HEATER);
    await expect(run([setHeatingLevel(level)])).resolves.toBe(EXEC.execId);
    expect(sent()).toEqual([[setHeatingLevel(level)]]);
  });

  it.each(["off", "frostprotection", "comfort-1", "comfort-2", "boost"])("modbuslink heater: setHeatingLevel(%j)", async (level) => {
    const { run, sent } = clientFor(MODBUSLINK_HEATER);
    await run([setHeatingLevel(level)]);
    expect(sent()).toEqual([[setHeatingLevel(level)]]);
  });

  it("water heater: setTargetTemperature(55), although the Thermostat profile says 12 to 30 (the device reports 50)", async () => {
    const { run, sent } = clientFor(WATER_HEATER);
    await run([{ name: "setTargetTemperature", parameters: [55] }]);
    expect(sent()).toEqual([[{ name: "setTargetTemperature", parameters: [55] }]]);
  });

  it("water heater with its own range: setTargetTemperature(55) and the 20 it reports pass", async () => {
    const { run, sent } = clientFor(RANGED_WATER_HEATER);
    await run([{ name: "setTargetTemperature", parameters: [55] }]);
    await run([{ name: "setTargetTemperature", parameters: [20] }]);
    expect(sent()).toHaveLength(2);
  });

  it("water heater with its own range: setTargetDHWTemperature(65), above the DHWThermostat profile's 60", async () => {
    const { run, sent } = clientFor(RANGED_WATER_HEATER);
    await run([{ name: "setTargetDHWTemperature", parameters: [65] }]);
    expect(sent()).toEqual([[{ name: "setTargetDHWTemperature", parameters: [65] }]]);
  });

  it("water heater declaring range states it has not reported yet: the range is the device's own, not the profile's", async () => {
    const { run, sent } = clientFor({ ...RANGED_WATER_HEATER, states: [{ name: "core:TargetTemperatureState", type: 2, value: 20 }] });
    await run([{ name: "setTargetTemperature", parameters: [55] }]);
    expect(sent()).toEqual([[{ name: "setTargetTemperature", parameters: [55] }]]);
  });

  it.each([
    ["heater", FROST_PROTECTED_HEATER],
    ["towel dryer", TOWEL_DRYER],
  ])("%s: setTargetTemperature(7), the value it reports", async (_, raw) => {
    const { run, sent } = clientFor(raw);
    await run([{ name: "setTargetTemperature", parameters: [7] }]);
    expect(sent()).toEqual([[{ name: "setTargetTemperature", parameters: [7] }]]);
  });

  it.each(["open", "close", "stop"])("local RTS pergola: %s with its optional duration (nparams 0, paramsSig *p1) and without", async (name) => {
    const { run, sent } = clientFor(LOCAL_RTS_PERGOLA);
    await run([{ name, parameters: [30] }]);
    await run([name]);
    expect(sent()).toEqual([[{ name, parameters: [30] }], [{ name }]]);
  });

  it("local RTS pergola: the default RTS duration fills in the optional parameter", async () => {
    const { run, sent } = clientFor(LOCAL_RTS_PERGOLA, { defaultRtsCommandDurationSeconds: 12 });
    await run(["close"]);
    expect(sent()).toEqual([[{ name: "close", parameters: [12] }]]);
  });

  it("an operating mode the state definition does not list is sent: those lists are not complete on real devices", async () => {
    const { run, sent } = clientFor(MODBUSLINK_HEATER);
    await run([{ name: "setOperatingMode", parameters: ["basic"] }]);
    await run([{ name: "setOperatingMode", parameters: ["external"] }]);
    expect(sent()).toHaveLength(2);
  });

  it("every value a device lists or reports for the state of each of its set… commands passes", async () => {
    const devices = [IO_HEATER, MODBUSLINK_HEATER, FROST_PROTECTED_HEATER, TOWEL_DRYER, WATER_HEATER, RANGED_WATER_HEATER].map((raw) => Device.parse(raw));
    let tried = 0;
    for (const device of devices) {
      const { run, sent } = clientFor(device.raw as unknown as Record<string, unknown>);
      for (const name of device.definition.commandNames.filter((command) => /^set[A-Z]/.test(command))) {
        const subject = name.slice(3);
        const states = device.definition.stateNames.filter((state) => [`${subject}State`, `Target${subject}State`].includes(state.split(":")[1] ?? ""));
        const values = states.flatMap((state) => [...((device.definition.state(state) as { values?: string[] }).values ?? []), device.states.get(state)?.value]);
        for (const value of values.filter((value) => value !== undefined)) {
          await run([{ name, parameters: [value] }]);
          tried++;
        }
      }
      expect(sent().length).toBeGreaterThan(0);
    }
    expect(tried).toBeGreaterThanOrEqual(4 * HEATING_LEVELS.length + 3);
  });
});

describe("what the device proves wrong is refused before the network", () => {
  async function expectRefusal(raw: Record<string, unknown>, commands: ActionInput["commands"], message: RegExp) {
    const { run, sent } = clientFor(raw);
    const refusal = run(commands);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow(message);
    expect(sent()).toEqual([]);
  }

  it("a command its definition does not list", () =>
    expectRefusal(IO_HEATER, [{ name: "setTargetTemperature", parameters: [20] }], /Bedroom heater\) does not declare command setTargetTemperature; it declares setHeatingLevel/));

  it("more parameters than its definition allows, optional ones counted", () =>
    expectRefusal(LOCAL_RTS_PERGOLA, [{ name: "open", parameters: [30, 1] }], /open takes at most 1 parameter\(s\) \(its definition: nparams 0, paramsSig "\*p1"\), got 2/));

  it("fewer parameters than its paramsSig requires", () =>
    expectRefusal(LOCAL_AWNING, [{ name: "runManufacturerSettingsCommand", parameters: ["x"] }], /runManufacturerSettingsCommand needs 2 parameter\(s\) \(its definition: nparams 2, paramsSig "p1,p2"\), got 1/));

  it("a heating level outside the set its io:TargetHeatingLevelState lists", () =>
    expectRefusal(IO_HEATER, [setHeatingLevel("turbo")], /setHeatingLevel parameter 1 must be one of "boost", "comfort", .*"secured" \(its io:TargetHeatingLevelState definition lists them\), got "turbo"/));

  it("a setpoint above the maximum the device reports", () =>
    expectRefusal(MODBUSLINK_HEATER, [{ name: "setTargetTemperature", parameters: [29] }], /setTargetTemperature parameter 1 must be a number ≤ 28 \(the device reports core:MaximumTargetTemperatureState 28\), got 29/));

  it("a water temperature outside the manual-mode range the device reports", () =>
    expectRefusal(
      RANGED_WATER_HEATER,
      [{ name: "setTargetTemperature", parameters: [70] }],
      /must be a number from 50 to 65 \(the device reports core:MinimalTemperatureManualModeState 50, core:MaximalTemperatureManualModeState 65\), got 70/,
    ));

  it("a hot-water setpoint above the device's own maximum", () =>
    expectRefusal(RANGED_WATER_HEATER, [{ name: "setTargetDHWTemperature", parameters: [75] }], /setTargetDHWTemperature parameter 1 must be a number from 50 to 65/));

  it("a value of the wrong type where only the UI profile speaks", () =>
    expectRefusal(WATER_HEATER, [{ name: "setTargetTemperature", parameters: ["hot"] }], /setTargetTemperature parameter 1 must be a number \(its UI profile .*Thermostat.* says so\), got "hot"/));
});
