import { ValidationError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import { DataType, State, States, castStateValue } from "../../src/index.js";

describe("castStateValue", () => {
  it.each([
    { type: DataType.NONE, raw: undefined, expected: null },
    { type: DataType.NONE, raw: "ignored", expected: null },
    { type: DataType.INTEGER, raw: "23247220", expected: 23247220 },
    { type: DataType.INTEGER, raw: "-4", expected: -4 },
    { type: DataType.INTEGER, raw: 35, expected: 35 },
    { type: DataType.DATE, raw: "1714566011000", expected: 1714566011000 },
    { type: DataType.FLOAT, raw: "21.5", expected: 21.5 },
    { type: DataType.FLOAT, raw: 62, expected: 62 },
    { type: DataType.STRING, raw: "open", expected: "open" },
    { type: DataType.BLOB, raw: "AAEC", expected: "AAEC" },
    { type: DataType.PASSWORD, raw: "s3cret", expected: "s3cret" },
    { type: DataType.BOOLEAN, raw: "true", expected: true },
    { type: DataType.BOOLEAN, raw: "TRUE", expected: true },
    { type: DataType.BOOLEAN, raw: "1", expected: true },
    { type: DataType.BOOLEAN, raw: "false", expected: false },
    { type: DataType.BOOLEAN, raw: "no", expected: false },
    { type: DataType.BOOLEAN, raw: false, expected: false },
    { type: DataType.JSON_ARRAY, raw: '["a", 2]', expected: ["a", 2] },
    { type: DataType.JSON_ARRAY, raw: [1, 2], expected: [1, 2] },
    { type: DataType.JSON_OBJECT, raw: '{"relaunch": 1}', expected: { relaunch: 1 } },
    { type: DataType.JSON_OBJECT, raw: { relaunch: 1 }, expected: { relaunch: 1 } },
    { type: DataType.JSON_OBJECT, raw: [{ day: 1 }], expected: [{ day: 1 }] },
  ])("type $type: $raw → $expected", ({ type, raw, expected }) => {
    expect(castStateValue("core:TestState", type, raw)).toEqual(expected);
  });

  it.each([
    { type: DataType.INTEGER, raw: "12.5" },
    { type: DataType.INTEGER, raw: "abc" },
    { type: DataType.INTEGER, raw: true },
    { type: DataType.FLOAT, raw: "warm" },
    { type: DataType.JSON_ARRAY, raw: "{not json" },
    { type: DataType.JSON_ARRAY, raw: '{"a": 1}' },
    { type: DataType.JSON_OBJECT, raw: '"text"' },
  ])("refuses type $type with $raw", ({ type, raw }) => {
    expect(() => castStateValue("core:TestState", type, raw)).toThrow(ValidationError);
  });
});

describe("State accessors", () => {
  it("reads cloud event strings as typed values", () => {
    const energy = State.from({ name: "core:ElectricEnergyConsumptionState", type: 1, value: "23247220" });
    const moving = State.from({ name: "core:MovingState", type: 6, value: "false" });
    expect(energy.valueAsInt()).toBe(23247220);
    expect(energy.valueAsFloat()).toBe(23247220);
    expect(moving.valueAsBool()).toBe(false);
  });

  it("returns null for a state without value", () => {
    const state = State.from({ name: "core:ConsumptionTariff4State", type: 0 });
    expect(state.value).toBeNull();
    expect(state.valueAsInt()).toBeNull();
    expect(state.valueAsStr()).toBeNull();
  });

  it("raises when the accessor does not match the data type", () => {
    const text = State.from({ name: "core:OpenClosedState", type: 3, value: "open" });
    const float = State.from({ name: "core:TemperatureState", type: 2, value: 21.5 });
    expect(text.valueAsStr()).toBe("open");
    expect(() => text.valueAsInt()).toThrow(ValidationError);
    expect(() => text.valueAsBool()).toThrow(/does not hold a boolean/);
    expect(() => float.valueAsInt()).toThrow(ValidationError);
    expect(float.valueAsFloat()).toBe(21.5);
  });

  it("reads JSON states", () => {
    const object = State.from({ name: "core:ManufacturerSettingsState", type: 11, value: '{"current_position": 35}' });
    const list = State.from({ name: "core:DaysOfWeekState", type: 10, value: [1, 2, 3] });
    expect(object.valueAsDict()).toEqual({ current_position: 35 });
    expect(() => object.valueAsList()).toThrow(ValidationError);
    expect(list.valueAsList()).toEqual([1, 2, 3]);
    expect(() => list.valueAsDict()).toThrow(ValidationError);
  });

  it("keeps values of unknown data types but refuses to type them", () => {
    const state = State.from({ name: "core:FutureState", type: 42, value: "x" });
    expect(state.value).toBe("x");
    expect(() => state.valueAsStr()).toThrow(ValidationError);
  });
});

describe("States", () => {
  const states = States.from([
    { name: "core:ClosureState", type: 1, value: 35 },
    { name: "core:TargetClosureState", type: 0 },
    { name: "core:OpenClosedState", type: 3, value: "open" },
  ]);

  it("looks states up by name", () => {
    expect(states.size).toBe(3);
    expect(states.get("core:ClosureState")?.valueAsInt()).toBe(35);
    expect(states.has("core:MovingState")).toBe(false);
    expect(states.hasAny(["core:MovingState", "core:OpenClosedState"])).toBe(true);
  });

  it("selects the first present state and the first present value", () => {
    expect(states.select(["core:MovingState", "core:TargetClosureState", "core:ClosureState"])?.name).toBe("core:TargetClosureState");
    expect(states.firstValue(["core:TargetClosureState", "core:ClosureState"])).toBe(35);
    expect(states.firstValue(["core:MovingState"])).toBeUndefined();
  });

  it("takes the first state of the given names that holds a value, as pyoverkiz's first", () => {
    // Caller's order wins over the device's: the device lists ClosureState first.
    expect(states.first(["core:OpenClosedState", "core:ClosureState"])?.name).toBe("core:OpenClosedState");
    // A state without value is skipped by first (select still returns it).
    expect(states.first(["core:TargetClosureState", "core:ClosureState"])?.name).toBe("core:ClosureState");
    expect(states.first(["core:TargetClosureState", "core:MovingState"])).toBeUndefined();
    expect(states.first([])).toBeUndefined();
    expect(states.hasValue("core:TargetClosureState")).toBe(false);
    expect(states.has("core:TargetClosureState")).toBe(true);
    expect(states.hasValue("core:ClosureState")).toBe(true);
    expect(states.hasAnyValue(["core:TargetClosureState", "core:MovingState"])).toBe(false);
    expect(states.hasAny(["core:TargetClosureState", "core:MovingState"])).toBe(true);
    expect(states.hasAnyValue(["core:MovingState", "core:OpenClosedState"])).toBe(true);
  });

  it("serialises back to the wire shape", () => {
    expect(JSON.parse(JSON.stringify(states))).toEqual([
      { name: "core:ClosureState", type: 1, value: 35 },
      { name: "core:TargetClosureState", type: 0 },
      { name: "core:OpenClosedState", type: 3, value: "open" },
    ]);
  });
});
