import { describe, expect, it } from "vitest";
import {
  COMMAND_SIGNATURES,
  EventName,
  OverkizAttribute,
  OverkizCommand,
  OverkizCommandParam,
  OverkizState,
  UIClass,
  UIProfile,
  UIWidget,
  UI_PROFILES,
  profileCommands,
  profileStates,
  uiProfile,
} from "../../src/catalogue/index.js";
import { CATALOGUE_CROSS_CHECK } from "@openapp/overkiz-generated/catalogue";
import { DataType, ExecutionMode, ExecutionState, ExecutionSubType, ExecutionType, ProductType, Protocol, type StateName } from "../../src/index.js";

describe("name catalogue", () => {
  it("carries the reference's names", () => {
    expect(OverkizState.CORE_CLOSURE).toBe("core:ClosureState");
    expect(OverkizCommand.SET_CLOSURE).toBe("setClosure");
    expect(Object.keys(OverkizState).length).toBeGreaterThan(2000);
    expect(Object.keys(OverkizCommand).length).toBeGreaterThan(1300);
    expect(Object.keys(OverkizCommandParam).length).toBeGreaterThan(600);
    expect(Object.keys(OverkizAttribute).length).toBeGreaterThan(40);
    expect(Object.keys(UIClass).length).toBeGreaterThan(70);
    expect(Object.keys(UIWidget).length).toBeGreaterThan(340);
    expect(Object.keys(UIProfile).length).toBeGreaterThan(200);
    // Names real setups send that the reference lacks, added by the generator.
    expect(UIWidget.ATLANTIC_ELECTRICAL_HEATER_WITH_ADJUSTABLE_TEMPERATURE_SETPOINT).toBe("AtlanticElectricalHeaterWithAdjustableTemperatureSetpoint");
    expect(OverkizCommand.SET_SETPOINT_LOWERING_TEMPERATURE_IN_PROG_MODE).toBe("setSetpointLoweringTemperatureInProgMode");
    expect(OverkizState.CORE_TARGET_TEMPERATURE_CURRENT_UPPER_BOUND).toBe("core:TargetTemperatureCurrentUpperBoundState");
    expect(Object.keys(UI_PROFILES)).toHaveLength(202);
    expect(EventName.DEVICE_STATE_CHANGED).toBe("DeviceStateChangedEvent");
  });

  it("states profile signatures and exposed states", () => {
    expect(uiProfile("StatefulCloseable")?.commands.find((c) => c.name === "setClosure")?.parameters).toEqual([{ type: "int", min: 0, max: 100 }]);
    expect(COMMAND_SIGNATURES.setFanSpeedMode?.[0]?.parameters).toEqual([{ type: "string", values: ["low", "high"] }]);
    expect(profileCommands(["StatefulCloseableShutter", "Closeable"]).map((c) => c.name)).toContain("setClosure");
    expect(profileStates(["AirQuality"])[0]?.value).toEqual({ type: "string", values: ["bad", "error", "excellent", "fair", "good", "poor"] });
    expect(uiProfile("NotAProfile")).toBeUndefined();
    expect(uiProfile("toString")).toBeUndefined();
  });

  it("accepts names it does not know", () => {
    const name: StateName = "vendor:BrandNewState";
    expect(name).toBe("vendor:BrandNewState");
  });

  it("agrees with the enums the SDK declares by hand", () => {
    const { UNKNOWN: _s, ...states } = ExecutionState;
    const { UNKNOWN: _t, ...types } = ExecutionType;
    const { UNKNOWN: _u, ...subTypes } = ExecutionSubType;
    expect(DataType).toEqual(CATALOGUE_CROSS_CHECK.DataType);
    expect(ProductType).toMatchObject(CATALOGUE_CROSS_CHECK.ProductType);
    expect(ExecutionMode).toEqual(CATALOGUE_CROSS_CHECK.ExecutionMode);
    expect(Object.values(states).sort()).toEqual(Object.values(CATALOGUE_CROSS_CHECK.ExecutionState).filter((v) => v !== "UNKNOWN").sort());
    expect(Object.values(types).sort()).toEqual(Object.values(CATALOGUE_CROSS_CHECK.ExecutionType).filter((v) => v !== "UNKNOWN").sort());
    for (const value of Object.values(subTypes)) expect([...Object.values(CATALOGUE_CROSS_CHECK.ExecutionSubType), "-"]).toContain(value);
    for (const value of Object.values(CATALOGUE_CROSS_CHECK.Protocol)) if (value !== "unknown") expect(Object.values(Protocol)).toContain(value);
  });
});
