import { ValidationError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import { ExecutionMode, buildActionGroup, command, toWireCommand } from "../../src/index.js";

describe("command builders", () => {
  it("produces the wire keys and omits empty parameters", () => {
    expect(command("close")).toEqual({ name: "close" });
    expect(command("setClosure", 40)).toEqual({ name: "setClosure", parameters: [40] });
    expect(toWireCommand({ name: "open", parameters: [] })).toEqual({ name: "open" });
    expect(toWireCommand({ name: "open", type: 1 })).toEqual({ name: "open", type: 1 });
    expect(toWireCommand("stop")).toEqual({ name: "stop" });
  });

  it("keeps JSON parameters and stringifies the rest", () => {
    const when = new Date("2026-01-02T03:04:05.000Z");
    expect(
      toWireCommand({ name: "setSchedule", parameters: ["auto", 2, true, null, [1, 2], { day: 1 }, when, ExecutionMode.INTERNAL, 10n] }),
    ).toEqual({ name: "setSchedule", parameters: ["auto", 2, true, null, [1, 2], { day: 1 }, "2026-01-02T03:04:05.000Z", "internal", "10"] });
  });

  it("does not rename keys inside object parameters", () => {
    expect(toWireCommand(command("setConfig", { device_url: "x", someKey: 1 })).parameters).toEqual([{ device_url: "x", someKey: 1 }]);
  });

  it("refuses a nameless command and non-finite numbers", () => {
    expect(() => toWireCommand({ name: " " })).toThrow(ValidationError);
    expect(() => toWireCommand(command("setClosure", Number.POSITIVE_INFINITY))).toThrow(ValidationError);
  });
});

describe("buildActionGroup", () => {
  it("adds the default label and keeps an explicit null", () => {
    const actions = [{ deviceURL: "io://1/2", commands: ["close"] }];
    expect(buildActionGroup(actions)).toEqual({ label: "OpenApp SDK", actions: [{ deviceURL: "io://1/2", commands: [{ name: "close" }] }] });
    expect(buildActionGroup(actions, null).label).toBeNull();
  });

  it("refuses an action without commands", () => {
    expect(() => buildActionGroup([{ deviceURL: "io://1/2", commands: [] }])).toThrow(/no commands/);
  });
});
