import { ConfigError, ValidationError } from "@openapp/core";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Device, OverkizClient, SDK_VERSION, USER_AGENT, buildActionGroup } from "../../src/index.js";
import { TEST_SERVER, json, scriptedFetch, wireDevice } from "../helpers.js";

const EXEC = { execId: "ee7a5676-c68f-43a3-956d-6f5efc745954" };
const SHUTTER = "io://0815-4711-2301/6112754";
const FAN = "io://0815-4711-2301/7001";
const RTS = "rts://0815-4711-2301/16756006";

const setupAnswer = {
  gateways: [{ gatewayId: "0815-4711-2301", connectivity: { status: "OK", protocolVersion: "1" } }],
  devices: [
    wireDevice({
      definition: {
        commands: [
          { commandName: "close", nparams: 0 },
          { commandName: "setClosure", nparams: 1 },
        ],
        states: [{ qualifiedName: "core:ClosureState", type: "ContinuousState" }],
        widgetName: "PositionableRollerShutter",
        uiClass: "RollerShutter",
        uiProfiles: ["StatefulCloseableShutter", "Closeable"],
      },
    }),
    wireDevice({
      deviceURL: FAN,
      label: "Bathroom fan",
      definition: {
        commands: [{ commandName: "setFanSpeedMode", nparams: 1 }, { commandName: "setCustomMode", nparams: 2 }],
        states: [],
        widgetName: "AirFan",
        uiClass: "VentilationSystem",
        uiProfiles: ["StatefulAirFanMode"],
      },
    }),
    wireDevice({
      deviceURL: RTS,
      label: "Garage",
      definition: {
        commands: [{ commandName: "close", nparams: 1 }, { commandName: "open", nparams: 1 }],
        states: [],
        widgetName: "UpDownRollerShutter",
        uiClass: "RollerShutter",
        uiProfiles: ["OpenClose"],
      },
    }),
  ],
};

function setupClient(extra: Record<string, unknown> = {}) {
  const script = scriptedFetch({ "GET /setup": [json(200, setupAnswer)], "POST /exec/apply": [json(200, EXEC)] });
  const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "check-token-0001" }, fetch: script.fetch, ...extra });
  return { client, script, applies: () => script.requests.filter((r) => r.path === "/exec/apply").map((r) => JSON.parse(r.body)) };
}

describe("commands checked before the network", () => {
  it.each([
    { commands: [{ name: "setClosure", parameters: [140] }], error: /Living room shutter\).*setClosure parameter 1 must be an integer from 0 to 100.*got 140/ },
    { commands: [{ name: "setClosure", parameters: [40.5] }], error: /setClosure parameter 1 must be an integer/ },
    { commands: [{ name: "setClosure", parameters: ["40"] }], error: /setClosure parameter 1/ },
    { commands: [{ name: "setClosure", parameters: [10, 20] }], error: /setClosure takes at most 1 parameter\(s\) \(its definition: nparams 1\), got 2/ },
    { commands: ["open"], error: /does not declare command open; it declares close, setClosure/ },
  ])("refuses $commands on a known shutter", async ({ commands, error }) => {
    const { client, applies } = setupClient();
    await client.getSetup();
    const refusal = client.executeActionGroup([{ deviceURL: SHUTTER, commands }]);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow(error);
    expect(applies()).toEqual([]);
  });

  it("refuses setFanSpeedMode('turbo') and accepts 'high'", async () => {
    const { client, applies } = setupClient();
    await client.getSetup();
    await expect(client.executeActionGroup([{ deviceURL: FAN, commands: [{ name: "setFanSpeedMode", parameters: ["turbo"] }] }])).rejects.toThrow(
      /Bathroom fan\).*setFanSpeedMode parameter 1 must be one of "low", "high" \(its UI profile StatefulAirFanMode says so\), got "turbo"/,
    );
    await client.executeActionGroup([{ deviceURL: FAN, commands: [{ name: "setFanSpeedMode", parameters: ["high"] }] }]);
    // No known signature: passes unchanged.
    await client.executeActionGroup([{ deviceURL: FAN, commands: [{ name: "setCustomMode", parameters: ["x", { y: 1 }] }] }]);
    expect(applies()).toHaveLength(2);
  });

  it("lets RTS commands go without their optional duration, and unknown devices through", async () => {
    const { client, applies } = setupClient();
    await client.getSetup();
    await client.executeActionGroup([{ deviceURL: RTS, commands: ["close"] }]);
    await client.executeActionGroup([{ deviceURL: "io://0815-4711-2301/999", commands: [{ name: "setClosure", parameters: [140] }] }]);
    expect(applies().map((body) => body.actions[0].commands[0])).toEqual([{ name: "close" }, { name: "setClosure", parameters: [140] }]);
  });

  it("sends a command missing a parameter a cloud definition counts: its nparams includes the optional ones", async () => {
    const { client, applies } = setupClient();
    await client.getSetup();
    await client.executeActionGroup([{ deviceURL: SHUTTER, commands: ["setClosure"] }]);
    expect(applies().map((body) => body.actions[0].commands)).toEqual([[{ name: "setClosure" }]]);
  });

  it("checks devices passed in without a loaded setup, and can be turned off", async () => {
    const device = Device.parse(setupAnswer.devices[0]);
    const { client } = setupClient();
    await expect(client.executeActionGroup([{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [140] }] }], { devices: [device] })).rejects.toThrow(
      ValidationError,
    );
    const off = setupClient({ validateCommands: false });
    await off.client.getSetup();
    await off.client.executeActionGroup([{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [140] }] }]);
    expect(off.applies()).toHaveLength(1);
    expect(() => new OverkizClient({ server: TEST_SERVER, credentials: { token: "x-token-0001" }, validateCommands: "yes" as never })).toThrow(ConfigError);
  });

  it("refuses through the action queue too, before anything is queued", async () => {
    const { client, applies } = setupClient({ actionQueue: { delayMs: 5 } });
    await client.getSetup();
    await expect(client.executeActionGroup([{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [140] }] }])).rejects.toThrow(ValidationError);
    expect(client.pendingActionsCount).toBe(0);
    await client.flushActionQueue();
    expect(applies()).toEqual([]);
  });
});

describe("device handle", () => {
  it("executes typed commands on one device", async () => {
    const { client, applies } = setupClient();
    await client.getSetup();
    const shutter = client.device<"StatefulCloseableShutter">(SHUTTER);
    expect(shutter.device?.label).toBe("Living room shutter");
    await expect(shutter.execute("setClosure", 40)).resolves.toBe(EXEC.execId);
    await expect(shutter.execute("setClosure", 140)).rejects.toThrow(/must be an integer from 0 to 100/);
    await shutter.executeCommands([{ name: "setClosure", parameters: [10] }, "close"]);
    expect(applies().map((body) => body.actions)).toEqual([
      [{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [40] }] }],
      [{ deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [10] }, { name: "close" }] }],
    ]);
  });
});

describe("one action per device", () => {
  it("merges two actions for one device in one call, commands in order", () => {
    const group = buildActionGroup([
      { deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [40] }] },
      { deviceURL: RTS, commands: ["close"] },
      { deviceURL: SHUTTER, commands: ["stop", "open"] },
    ]);
    expect(group.actions).toEqual([
      { deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [40] }, { name: "stop" }, { name: "open" }] },
      { deviceURL: RTS, commands: [{ name: "close" }] },
    ]);
  });

  it("sends the merged action through the queue as one action", async () => {
    const script = scriptedFetch({ "POST /exec/apply": [json(200, EXEC)] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "q-token-0001" }, fetch: script.fetch, actionQueue: { delayMs: 5 } });
    await client.executeActionGroup([
      { deviceURL: SHUTTER, commands: ["close"] },
      { deviceURL: SHUTTER, commands: ["open"] },
    ]);
    expect(JSON.parse(script.requests[0]?.body ?? "").actions).toEqual([{ deviceURL: SHUTTER, commands: [{ name: "close" }, { name: "open" }] }]);
  });
});

describe("User-Agent", () => {
  it("sends @openapp/overkiz/<version from package.json>, unless the caller sets one", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(SDK_VERSION).toBe(version);
    expect(USER_AGENT).toBe(`@openapp/overkiz/${version}`);
    const { client, script } = setupClient();
    await client.getSetup();
    expect(script.requests[0]?.headers.get("user-agent")).toBe(USER_AGENT);
    const custom = setupClient({ headers: { "user-agent": "my-app/1.0" } });
    await custom.client.getSetup();
    expect(custom.script.requests[0]?.headers.get("user-agent")).toBe("my-app/1.0");
  });
});
