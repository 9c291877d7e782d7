import { describe, expect, it } from "vitest";
import { DataType, State, parseEvents, parseSetup, readStateValue } from "../../src/index.js";
import { localClimateEvents, localClimateSetup } from "../fixtures/local-climate.js";
import { recordingLogger } from "@openapp/testing";

const MISMATCH = "state value does not fit its declared data type; kept as received";

describe("no state is dropped because its declared type is wrong", () => {
  it("keeps the temperatures of a local climate setup whose gateway declares them integers", () => {
    const { logger, lines } = recordingLogger();
    const setup = parseSetup(localClimateSetup as never, logger);

    const temperatures = setup.devices
      .filter((device) => device.states.has("core:TemperatureState"))
      .map((device) => device.states.get("core:TemperatureState"));
    expect(temperatures.map((state) => state?.value)).toEqual([24.2, 23.2, 21]);
    for (const state of temperatures) {
      expect(state?.type).toBe(DataType.INTEGER);
      expect(typeof state?.value).toBe("number");
      expect(state?.valueAsFloat()).toBe(state?.value);
    }
    expect(temperatures[0]?.typeMismatch).toMatch(/does not fit data type 1/);
    expect(temperatures[2]?.typeMismatch).toBeUndefined();
    // Reported once for the state name and type, not once per sensor.
    expect(lines.filter((line) => line.message === MISMATCH)).toHaveLength(1);
    expect(lines.find((line) => line.message === MISMATCH)?.fields).toMatchObject({ state: "core:TemperatureState", type: 1 });
    // The stub is the only thing left out, and it is not a state.
    expect(setup.devices).toHaveLength(7);
  });

  it("keeps event values that do not fit, as the closest faithful value", () => {
    const { logger, lines } = recordingLogger();
    const [first, second] = parseEvents(localClimateEvents, logger);
    expect(first?.kind).toBe("deviceStateChanged");
    expect(second?.kind).toBe("deviceStateChanged");
    if (first?.kind !== "deviceStateChanged" || second?.kind !== "deviceStateChanged") return;
    expect(first.deviceStates[0]?.value).toBe(24.7);
    expect(second.deviceStates.map((state) => state.value)).toEqual(["n/a", "{broken"]);
    expect(second.deviceStates[1]?.rawValue).toBe("{broken");
    expect(lines.filter((line) => line.message === MISMATCH)).toHaveLength(3);
  });

  it.each([
    { type: DataType.INTEGER, raw: "12.5", value: 12.5 },
    { type: DataType.INTEGER, raw: 24.2, value: 24.2 },
    { type: DataType.INTEGER, raw: "abc", value: "abc" },
    { type: DataType.INTEGER, raw: true, value: true },
    { type: DataType.FLOAT, raw: "warm", value: "warm" },
    { type: DataType.JSON_ARRAY, raw: "{not json", value: "{not json" },
    { type: DataType.JSON_ARRAY, raw: '{"a": 1}', value: { a: 1 } },
    { type: DataType.JSON_OBJECT, raw: '"text"', value: '"text"' },
    { type: DataType.STRING, raw: { a: 1 }, value: { a: 1 } },
    { type: DataType.DATE, raw: "2026-01-02", value: "2026-01-02" },
  ])("type $type with $raw is kept as $value", ({ type, raw, value }) => {
    const reading = readStateValue("core:TestState", type, raw);
    expect(reading.value).toEqual(value);
    expect(reading.mismatch).toBeDefined();
    const state = State.from({ name: "core:TestState", type, value: raw });
    expect(state.value).toEqual(value);
    expect(state.rawValue).toEqual(raw);
  });

  it("keeps a value sent with data type 0 in rawValue", () => {
    const state = State.from({ name: "core:TestState", type: 0, value: "x" });
    expect(state.value).toBeNull();
    expect(state.rawValue).toBe("x");
    expect(state.typeMismatch).toBeDefined();
  });
});
