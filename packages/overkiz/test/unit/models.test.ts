import { describe, expect, it } from "vitest";
import {
  Device,
  ExecutionState,
  ExecutionSubType,
  GatewaySubType,
  GatewayType,
  OverkizClient,
  State,
  UNKNOWN,
  findPlace,
  flattenPlaces,
  isLocalTokenExpired,
  parseEvents,
  readableName,
} from "../../src/index.js";
import {
  GATEWAY_ID,
  currentExecutionAnswer,
  failureEvents,
  gatewaysAnswer,
  historyAnswer,
  localTokensAnswer,
  placesAnswer,
  setupOptionsAnswer,
} from "../fixtures/endpoints.js";
import { FailureType, failureTypeCode, failureTypeName } from "../../src/catalogue/index.js";
import { recordingLogger } from "@openapp/testing";
import { TEST_SERVER, json, scriptedFetch, wireDevice } from "../helpers.js";

function clientFor(routes: Record<string, Response[]>) {
  const script = scriptedFetch(routes);
  return { client: new OverkizClient({ server: TEST_SERVER, credentials: { token: "models-token-0001" }, fetch: script.fetch }), script };
}

describe("gateways", () => {
  it("names type and sub-type codes and keeps sub-type 0 as 0", async () => {
    const { client } = clientFor({ "GET /setup/gateways": [json(200, gatewaysAnswer)] });
    const [tahoma, rexel, virtual] = await client.getGateways();
    expect(tahoma).toMatchObject({ type: GatewayType.TAHOMA_SWITCH, typeName: "TAHOMA_SWITCH", typeLabel: "Tahoma Switch" });
    expect(tahoma).toMatchObject({ subType: GatewaySubType.TAHOMA_BASIC, subTypeName: "TAHOMA_BASIC", subTypeLabel: "Tahoma Basic" });
    expect(tahoma?.functionList).toEqual(["INTERNET_AUTHORIZATION", "SCENARIO_DOWNLOAD", "SCENARIO_AUTO_LAUNCHING"]);
    expect(rexel?.subType).toBe(0);
    expect(rexel?.subTypeName).toBeUndefined();
    expect(rexel?.typeName).toBe("ENERGEASY_CONNECT_V3");
    expect(virtual).toMatchObject({ type: 4242, typeName: "UNKNOWN" });
  });

  it("gives pyoverkiz's readable names", () => {
    expect(readableName("TAHOMA_V2")).toBe("Tahoma V2");
    expect(readableName("TAHOMA_SECURITY_PRO")).toBe("Tahoma Security Pro");
  });
});

describe("places", () => {
  it("types the nested tree", async () => {
    const { client } = clientFor({ "GET /setup/places": [json(200, placesAnswer)] });
    const root = await client.getPlaces();
    expect(root.label).toBe("My House");
    expect(root.subPlaces?.map((place) => place.label)).toEqual(["Living Room", "Bedroom"]);
    expect(root.subPlaces?.[1]?.lastUpdateTime).toBeNull();
    expect(flattenPlaces(root).map((place) => place.oid)).toEqual([root.oid, "p-1", "p-2", "p-3"]);
    expect(findPlace(root, "p-3")?.label).toBe("Wardrobe");
  });
});

describe("options", () => {
  it("reads options and their parameters by name", async () => {
    const { client } = clientFor({
      "GET /setup/options": [json(200, setupOptionsAnswer)],
      [`GET /setup/options/developerMode-${GATEWAY_ID}`]: [json(200, setupOptionsAnswer[1])],
      "GET /setup/options/test": [json(200, {})],
    });
    const options = await client.getSetupOptions();
    expect(options).toHaveLength(3);
    expect(options[2]?.parameterValues).toEqual({ gatewayId: GATEWAY_ID, protocolType: "1" });
    expect((await client.getSetupOption(`developerMode-${GATEWAY_ID}`))?.parameterValues.gatewayId).toBe(GATEWAY_ID);
    expect(await client.getSetupOption("test")).toBeNull();
  });
});

describe("execution history", () => {
  it("maps states and keeps failure types with their codes", async () => {
    const { client } = clientFor({ "GET /history/executions": [json(200, historyAnswer)] });
    const [completed, failed] = await client.getExecutionHistory();
    expect(completed?.state).toBe(ExecutionState.COMPLETED);
    expect(completed?.failureType).toBe("NO_FAILURE");
    expect(completed?.commands[0]).toMatchObject({ command: "close", deviceURL: "rts://0815-4711-2301/16756006", state: "COMPLETED" });
    expect(failed?.state).toBe(ExecutionState.FAILED);
    expect(failed?.failureType).toBe("CMDCANCELLED");
    expect(failed?.failureType && failureTypeCode(failed.failureType)).toBe(FailureType.CMDCANCELLED);
    expect(failed?.commands[0]?.command).toBe("open");
    expect(failed?.executionSubType).toBe(UNKNOWN);
  });
});

describe("local tokens and current executions", () => {
  it("reads tokens without expirationTime", async () => {
    const { client } = clientFor({ [`GET /config/${GATEWAY_ID}/local/tokens/devmode`]: [json(200, localTokensAnswer)] });
    const [current, old] = await client.getLocalTokens(GATEWAY_ID);
    expect(current?.expirationTime).toBeUndefined();
    expect(current && isLocalTokenExpired(current)).toBe(false);
    expect(old && isLocalTokenExpired(old, 1_700_000_000_000)).toBe(true);
  });

  it("types a running execution and its action group", async () => {
    const { client } = clientFor({ [`GET /exec/current/${currentExecutionAnswer.id}`]: [json(200, currentExecutionAnswer)] });
    const execution = await client.getCurrentExecution(currentExecutionAnswer.id);
    expect(execution).toMatchObject({ state: ExecutionState.TRANSMITTED, startTime: 1_767_003_511_145, executionSubType: ExecutionSubType.MANUAL_CONTROL });
    expect(execution?.actionGroup?.actions?.map((action) => action.commands?.[0]?.name)).toEqual(["close", "identify"]);
  });
});

describe("failure events", () => {
  it("get their own kind with the failure type, its code and label", () => {
    const [firmware, sync, unknown] = parseEvents(failureEvents);
    expect(firmware).toMatchObject({ kind: "failure", failureType: "CMDCANCELLED", failureLabel: "Cmdcancelled" });
    expect(sync).toMatchObject({ kind: "failure", failureTypeCode: 10001, gatewayId: GATEWAY_ID });
    expect(sync?.kind === "failure" && sync.failureTypeCode !== undefined && failureTypeName(sync.failureTypeCode)).toBe("TIMED_OUT");
    expect(unknown).toMatchObject({ kind: "failure", failureType: "A_BRAND_NEW_FAILURE" });
    expect(unknown?.kind === "failure" && unknown.failureTypeCode).toBeUndefined();
  });

  it("logs degraded events at warn level with what was missing", () => {
    const { logger, lines } = recordingLogger();
    const [event] = parseEvents([{ name: "ExecutionStateChangedEvent", execId: "e1", newState: "COMPLETED" }], logger);
    expect(event?.kind).toBe("other");
    expect(lines).toContainEqual({ level: "warn", message: "event kept untyped: it lacks what its family requires", fields: { name: "ExecutionStateChangedEvent", missing: ["oldState"] } });
  });
});

describe("definitions and states", () => {
  const device = Device.parse(
    wireDevice({
      definition: {
        commands: [{ commandName: "close", nparams: 0 }, { commandName: "setClosure", nparams: 1 }],
        states: [
          { type: "ContinuousState", qualifiedName: "core:ClosureState" },
          { type: "DiscreteState", values: ["closed", "open"], qualifiedName: "core:OpenClosedState" },
        ],
        widgetName: "PositionableRollerShutter",
        uiClass: "RollerShutter",
        uiProfiles: ["StatefulCloseableShutter", "Closeable"],
      },
    }),
  );

  it("looks state and command definitions up by name", () => {
    expect(device.definition.state("core:OpenClosedState")).toMatchObject({ type: "DiscreteState", values: ["closed", "open"] });
    expect(device.definition.command("setClosure")?.nparams).toBe(1);
    expect(device.definition.hasState("core:MovingState")).toBe(false);
    expect(device.definition.stateNames).toEqual(["core:ClosureState", "core:OpenClosedState"]);
    expect(device.definition.states).toHaveLength(2);
    expect(device.uiProfiles).toEqual(["StatefulCloseableShutter", "Closeable"]);
  });

  it("reads local definitions keyed by `name`", () => {
    const local = Device.parse(wireDevice({ definition: { commands: [], states: [{ name: "core:ClosureState" }], uiClass: "RollerShutter", widgetName: "X" } }));
    expect(local.definition.state("core:ClosureState")?.qualifiedName).toBe("core:ClosureState");
  });

  it("updates a device's states from a state change event in place", () => {
    const [event] = parseEvents([
      { name: "DeviceStateChangedEvent", deviceURL: device.deviceURL, deviceStates: [{ name: "core:ClosureState", type: 1, value: "40" }, { name: "core:MovingState", type: 6, value: "true" }] },
    ]);
    if (event?.kind !== "deviceStateChanged") throw new Error("expected a state change");
    const before = device.states;
    const changed = device.applyStateChange(event);
    expect(changed.map((state) => state.name)).toEqual(["core:ClosureState", "core:MovingState"]);
    expect(device.states).toBe(before);
    expect(device.states.get("core:ClosureState")?.valueAsInt()).toBe(40);
    expect(device.states.update([State.from({ name: "core:ClosureState", type: 1, value: 40 })])).toEqual([]);
    expect(device.applyStateChange({ deviceURL: "io://other/1", deviceStates: [] })).toEqual([]);
  });
});
