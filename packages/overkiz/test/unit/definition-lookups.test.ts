import { describe, expect, it } from "vitest";
import { Device, StateDefinitionType } from "../../src/index.js";
import { recordingLogger } from "@openapp/testing";

// An io electrical heater as a Cozytouch cloud setup describes it (ids and labels made up).
const heater = {
  deviceURL: "io://0812-4471-3305/7351186",
  label: "Bedroom heater",
  controllableName: "io:AtlanticElectricalHeaterWithAdjustableTemperatureSetpointIOComponent",
  uiClass: "HeatingSystem",
  widget: "AtlanticElectricalHeaterWithAdjustableTemperatureSetpoint",
  type: 1,
  definition: {
    commands: [
      { commandName: "refreshTargetTemperature", nparams: 0 },
      { commandName: "setHeatingLevel", nparams: 1 },
      { commandName: "setOperatingMode", nparams: 1 },
      { commandName: "setTargetTemperature", nparams: 1 },
      { commandName: "refreshHeatingLevel", nparams: 0 },
    ],
    states: [
      { type: "ContinuousState", qualifiedName: "core:TargetTemperatureState" },
      { type: "DiscreteState", values: ["auto", "basic", "external", "internal", "prog", "standby"], qualifiedName: "core:OperatingModeState" },
      {
        type: "DiscreteState",
        values: ["boost", "comfort", "comfort-1", "comfort-2", "eco", "frostprotection", "off"],
        qualifiedName: "io:TargetHeatingLevelState",
      },
      { type: "FutureState", values: ["a", "b"], qualifiedName: "io:ForecastHeatingPlanState" },
      { type: "DataState", qualifiedName: "core:NameState" },
    ],
    widgetName: "AtlanticElectricalHeaterWithAdjustableTemperatureSetpoint",
    uiClass: "HeatingSystem",
    uiProfiles: ["ThermostatTargetReader", "Specific"],
  },
  states: [
    { name: "core:NameState", type: 3, value: "Bedroom heater" },
    { name: "core:TargetTemperatureState", type: 2, value: 7 },
    { name: "io:TargetHeatingLevelState", type: 3, value: "frostprotection" },
    { name: "core:ComfortRoomTemperatureState", type: 0 },
  ],
  available: true,
  enabled: true,
};

describe("definition lookups by several names", () => {
  const device = Device.parse(heater);
  const { definition } = device;

  it("firstState takes the first of the given names the definition declares, in the caller's order", () => {
    // The definition lists the target temperature first; the caller's preference wins.
    expect(definition.firstState(["io:TargetHeatingLevelState", "core:TargetTemperatureState"])?.qualifiedName).toBe("io:TargetHeatingLevelState");
    expect(definition.firstState(["core:ComfortRoomTemperatureState", "core:OperatingModeState"])).toMatchObject({
      qualifiedName: "core:OperatingModeState",
      type: "DiscreteState",
      values: ["auto", "basic", "external", "internal", "prog", "standby"],
    });
    expect(definition.firstState(["core:ComfortRoomTemperatureState", "core:ClosureState"])).toBeUndefined();
    expect(definition.firstState([])).toBeUndefined();
  });

  it("hasAnyState says whether one of the names is declared", () => {
    expect(definition.hasAnyState(["core:ClosureState", "io:TargetHeatingLevelState"])).toBe(true);
    // Present among the device's states but not declared in its definition.
    expect(definition.hasAnyState(["core:ComfortRoomTemperatureState"])).toBe(false);
    expect(definition.hasAnyState([])).toBe(false);
  });

  it("firstCommand / hasAnyCommand do the same for commands, and the device's helpers agree", () => {
    expect(definition.firstCommand(["setHeatingLevel", "setTargetTemperature"])).toBe("setHeatingLevel");
    expect(definition.firstCommand(["setClosure", "setTargetTemperature", "setHeatingLevel"])).toBe("setTargetTemperature");
    expect(definition.firstCommand(["open", "close"])).toBeUndefined();
    expect(definition.hasAnyCommand(["open", "refreshHeatingLevel"])).toBe(true);
    expect(definition.hasAnyCommand(["open", "close"])).toBe(false);
    expect(device.firstCommand(["setClosure", "setTargetTemperature", "setHeatingLevel"])).toBe("setTargetTemperature");
    expect(device.supportsAnyCommand(["open", "close"])).toBe(false);
  });

  it("reads a local definition (keyed by `name`, no kinds) the same way", () => {
    const local = Device.parse({
      ...heater,
      definition: { ...heater.definition, states: heater.definition.states.map(({ qualifiedName }) => ({ name: qualifiedName })) },
    });
    expect(local.definition.firstState(["core:ClosureState", "io:TargetHeatingLevelState"])).toEqual({
      name: "io:TargetHeatingLevelState",
      qualifiedName: "io:TargetHeatingLevelState",
    });
  });
});

describe("state definition kinds", () => {
  it("maps a kind this SDK does not know to UNKNOWN, keeps what was sent and warns", () => {
    const { logger, lines } = recordingLogger();
    const { definition } = Device.parse(heater, logger);
    expect(definition.state("io:ForecastHeatingPlanState")).toMatchObject({
      type: StateDefinitionType.UNKNOWN,
      rawType: "FutureState",
      values: ["a", "b"],
    });
    expect(lines).toContainEqual({ level: "warn", message: "unknown state definition type value", fields: { value: "FutureState" } });
    // The wire list stays as received.
    expect(definition.states[3]).toEqual({ type: "FutureState", values: ["a", "b"], qualifiedName: "io:ForecastHeatingPlanState" });
    expect(JSON.parse(JSON.stringify(definition)).states[3].type).toBe("FutureState");
  });

  it("keeps known kinds as they are, without rawType", () => {
    const { definition } = Device.parse(heater);
    expect(definition.state("core:TargetTemperatureState")?.type).toBe(StateDefinitionType.CONTINUOUS);
    expect(definition.state("core:NameState")?.type).toBe(StateDefinitionType.DATA);
    expect(definition.state("io:TargetHeatingLevelState")).not.toHaveProperty("rawType");
  });
});

describe("device states by several names", () => {
  const { states } = Device.parse(heater);

  it("first skips states without a value, in the caller's order", () => {
    expect(states.first(["core:ComfortRoomTemperatureState", "core:TargetTemperatureState"])?.value).toBe(7);
    expect(states.firstValue(["io:TargetHeatingLevelState", "core:TargetTemperatureState"])).toBe("frostprotection");
    expect(states.hasAnyValue(["core:ComfortRoomTemperatureState", "core:ClosureState"])).toBe(false);
    expect(states.hasAny(["core:ComfortRoomTemperatureState", "core:ClosureState"])).toBe(true);
  });
});
