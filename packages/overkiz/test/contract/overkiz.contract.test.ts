/**
 * Every client method against `prism mock --errors` started from openapi/overkiz/openapi.yaml:
 * a request that breaks the spec (wrong path encoding, body, header, credentials) or an answer
 * that does not match it is reported by Prism in `sl-violations` and fails the test.
 */
import { type OperationId, operationTable } from "@openapp/overkiz-generated";
import { contractRecorder } from "@openapp/testing";
import { afterEach, describe, expect, inject, it } from "vitest";
import {
  type AuthStrategy,
  Device,
  ExecutionMode,
  ExecutionState,
  type Middleware,
  NotAuthenticatedError,
  OverkizClient,
  OverkizError,
  type ServerConfig,
  State,
} from "../../src/index.js";

const prismUrl = inject("overkizPrismUrl");
const server: ServerConfig = { name: "Prism mock", endpoint: `${prismUrl}/`, manufacturer: "Test", apiType: "cloud" };

const SHUTTER = "io://0815-4711-2301/6112754";
const SUB_DEVICE = "io://0815-4711-2301/930117#2";
const HUE_LAMP = "hue://0815-4711-2301/00178829ab41/lights/3";
const GATEWAY = "0815-4711-2301";
const EXEC_ID = "1a041f08-a73e-4f18-8fb4-880f32890f8b";
const SCENE = "8723228d-41ba-464c-8e13-2274d19587d1";

const recorder = contractRecorder(operationTable);

const options = { middleware: [recorder.middleware], maxRetries: 0 };
const client = new OverkizClient({ server, credentials: { token: "prism-contract-token" }, ...options });
const sessionClient = new OverkizClient({
  server,
  credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
  ...options,
});

afterEach(() => {
  expect(recorder.takeViolations()).toEqual([]);
});


describe("session and public endpoints", () => {
  it("login: form login, then the cookie authenticates", async () => {
    await sessionClient.login();
    const places = await sessionClient.getPlaces();
    expect(places.subPlaces?.map((place) => place.label)).toEqual(["Living room", "Terrace"]);
  });

  it("getApiVersion", async () => {
    expect(await client.getApiVersion()).toBe("2024.4.2-7");
  });
});

describe("setup", () => {
  it("getSetup (session cookie)", async () => {
    const setup = await sessionClient.getSetup({ refresh: true });
    expect(setup.id).toBe("SETUP-0815-4711-2301");
    expect(setup.gateways[0]?.gatewayId).toBe(GATEWAY);
    expect(setup.devices.map((device) => device.deviceURL)).toEqual([SHUTTER, "rts://0815-4711-2301/16730914"]);
    expect(setup.devices[0]?.states.get("core:ClosureState")?.valueAsInt()).toBe(35);
  });

  it("getDiagnosticData", async () => {
    const data = await client.getDiagnosticData();
    expect(JSON.stringify(data)).not.toContain("0815-4711");
    expect(JSON.stringify(data)).toContain("****-****-2301");
  });

  it("getSetupOptions, getSetupOption, getSetupOptionParameter", async () => {
    const all = await client.getSetupOptions();
    expect(all.map((option) => option.optionId)).toContain(`developerMode-${GATEWAY}`);
    expect((await client.getSetupOption(`developerMode-${GATEWAY}`))?.optionId).toBe(`developerMode-${GATEWAY}`);
    expect(await client.getSetupOptionParameter(`developerMode-${GATEWAY}`, "gatewayId")).toEqual({ name: "gatewayId", value: GATEWAY });
  });
});

describe("devices", () => {
  it("getDevices", async () => {
    const devices = await client.getDevices({ refresh: true });
    expect(devices.every((device) => device instanceof Device)).toBe(true);
    const heaterSensor = devices.find((device) => device.deviceURL === SUB_DEVICE);
    expect(heaterSensor?.identifier).toMatchObject({ isSubDevice: true, baseDeviceUrl: "io://0815-4711-2301/930117" });
    expect(devices.find((device) => device.identifier.protocol === "hue")?.identifier.deviceAddress).toBe("00178829ab41/lights/3");
  });

  it("getDevice and getDeviceDefinition with a percent-encoded device URL", async () => {
    const device = await client.getDevice(HUE_LAMP);
    expect(device.supportsCommand("setClosure")).toBe(true);
    const definition = await client.getDeviceDefinition(SUB_DEVICE);
    expect(definition.widgetName).toBe("PositionableRollerShutter");
  });

  it("getState and getDeviceState", async () => {
    const states = await client.getState(SUB_DEVICE);
    expect(states.every((state) => state instanceof State)).toBe(true);
    expect(states.find((state) => state.name === "core:MovingState")?.valueAsBool()).toBe(false);
    expect(states.find((state) => state.name === "core:ManufacturerSettingsState")?.valueAsDict()).toEqual({ current_position: 35 });
    expect((await client.getDeviceState(SHUTTER, "core:ClosureState")).valueAsInt()).toBe(35);
  });

  it("refreshStates and refreshDeviceStates", async () => {
    await expect(client.refreshStates()).resolves.toBeUndefined();
    await expect(client.refreshStates({ deviceURLs: [SHUTTER] })).resolves.toBeUndefined();
    await expect(client.refreshDeviceStates(HUE_LAMP)).resolves.toBeUndefined();
  });

  it("controllables", async () => {
    expect(Object.keys(await client.getDeviceControllables())).toContain("io:RollerShutterGenericIOComponent");
    expect(await client.getDevicesByControllable("io:RollerShutterGenericIOComponent")).toContain(SHUTTER);
    expect((await client.getDeviceControllableDefinition(SHUTTER)).qualifiedName).toBe("io:RollerShutterGenericIOComponent");
    expect(await client.getDeviceAlternativeControllables(SHUTTER)).toHaveLength(2);
    expect((await client.getDeviceManufacturerReferences(SHUTTER))[0]?.provider).toBe("Somfy");
  });
});

describe("firmware", () => {
  it("status, capability and updates", async () => {
    expect(await client.getDevicesNotUpToDate()).toEqual([SHUTTER]);
    expect((await client.getDeviceFirmwareStatus(SHUTTER))?.upToDate).toBe(false);
    expect(await client.getDeviceFirmwareUpdateCapability(SHUTTER)).toBe(true);
    await expect(client.updateDeviceFirmware(SHUTTER)).resolves.toBeUndefined();
    await expect(client.updateAllDeviceFirmwares()).resolves.toBeUndefined();
    await expect(client.updateAllDeviceFirmwares({ deviceURLs: [SHUTTER] })).resolves.toBeUndefined();
  });
});

describe("gateways", () => {
  it("getGateways", async () => {
    const gateways = await client.getGateways({ refresh: true });
    expect(gateways.map((gateway) => gateway.gatewayId)).toEqual([GATEWAY, "SOMFY_PROTECT-7c1d22e5b0"]);
  });

  it("developer mode", async () => {
    expect(await client.getDeveloperMode(GATEWAY)).toBe(true);
    await expect(client.activateDeveloperMode(GATEWAY)).resolves.toBeUndefined();
    await expect(client.deactivateDeveloperMode(GATEWAY)).resolves.toBeUndefined();
  });
});

describe("events", () => {
  it("register, fetch, unregister", async () => {
    expect(await client.registerEventListener()).toBe("f2b53596-a17f-417b-a8c0-f504e38839c6");
    const events = await client.fetchEvents();
    expect(events.map((event) => event.kind)).toEqual([
      "executionRegistered",
      "executionStateChanged",
      "gateway",
      "deviceStateChanged",
      "deviceStateChanged",
      "executionStateChanged",
      "other",
    ]);
    const closed = events[4];
    if (closed?.kind !== "deviceStateChanged") throw new Error("expected a state change");
    expect(closed.deviceStates.map((state) => state.value)).toEqual([100, "closed", false]);
    await client.unregisterEventListener();
    expect(client.eventListenerId).toBeUndefined();
  });
});

describe("executions", () => {
  it("executeActionGroup without and with a mode", async () => {
    const actions = [
      { deviceURL: SHUTTER, commands: [{ name: "setClosure", parameters: [40] }] },
      { deviceURL: "rts://0815-4711-2301/16730914", commands: ["close"] },
    ];
    expect(await client.executeActionGroup(actions, { label: "Evening" })).toBe(EXEC_ID);
    expect(await client.executeActionGroup(actions, { mode: ExecutionMode.HIGH_PRIORITY, label: null })).toBe(EXEC_ID);
  });

  it("current executions", async () => {
    const current = await client.getCurrentExecutions();
    expect(current.map((execution) => execution.state)).toEqual([ExecutionState.IN_PROGRESS, ExecutionState.TRANSMITTED]);
    expect((await client.getCurrentExecution(EXEC_ID))?.state).toBe(ExecutionState.IN_PROGRESS);
  });

  it("cancelExecution and cancelAllExecutions", async () => {
    await expect(client.cancelExecution(EXEC_ID)).resolves.toBeUndefined();
    await expect(client.cancelAllExecutions()).resolves.toBeUndefined();
  });

  it("getExecutionHistory", async () => {
    const history = await client.getExecutionHistory();
    expect(history.map((entry) => entry.failureType)).toEqual(["NO_FAILURE", "CMDCANCELLED"]);
  });
});

describe("action groups", () => {
  it("list, execute and schedule", async () => {
    expect((await client.getActionGroups()).map((group) => group.label)).toEqual(["Good night", "Morning"]);
    expect(await client.executePersistedActionGroup(SCENE)).toBe(EXEC_ID);
    expect(await client.schedulePersistedActionGroup(SCENE, new Date("2026-12-24T18:00:00Z"))).toBe("c03855e9-ba6d-4b5c-ba80-35780ad23205");
  });
});

describe("reference data", () => {
  it("controllables and types", async () => {
    expect((await client.getReferenceControllable("io:RollerShutterGenericIOComponent")).uiClass).toBe("RollerShutter");
    expect((await client.getReferenceControllableTypes()).map((type) => type.name)).toContain("ACTUATOR");
    expect((await client.getReferenceProtocolTypes()).find((protocol) => protocol.prefix === "hue")?.id).toBe(22);
    expect((await client.getReferenceTimezones())[0]?.name).toBe("Europe/Paris");
  });

  it("device search", async () => {
    const result = await client.searchReferenceDevices({ protocolTypes: ["io"], uiClasses: ["RollerShutter"], withCommands: true });
    expect(result.devicesTypes?.[0]?.controllableName).toBe("io:RollerShutterGenericIOComponent");
  });

  it("UI classes, classifiers, profiles and widgets", async () => {
    expect(await client.getReferenceUiClasses()).toContain("RollerShutter");
    expect(await client.getReferenceUiClassifiers()).toContain("EMITTER");
    expect((await client.getReferenceUiProfile("StatefulCloseable")).formFactor).toBe(false);
    expect(await client.getReferenceUiProfileNames()).toContain("StatefulCloseable");
    expect(await client.getReferenceUiWidgets()).toContain("PositionableRollerShutter");
  });
});

describe("local API tokens", () => {
  it("generate, activate, list, delete, open pairing", async () => {
    const token = await client.generateLocalToken(GATEWAY);
    expect(token).toBe("9e6c2b71d04f8a3e15c7");
    expect(await client.activateLocalToken(GATEWAY, { token, label: "Home Assistant" })).toBe("ed8f4467-21d4-4cf8-93a5-93208427e779");
    const tokens = await client.getLocalTokens(GATEWAY);
    expect(tokens.map((entry) => entry.label)).toEqual(["Home Assistant", "Node-RED"]);
    await expect(client.deleteLocalToken(GATEWAY, tokens[0]?.uuid ?? "")).resolves.toBeUndefined();
    await expect(client.openLocalPairing(GATEWAY)).resolves.toBeUndefined();
  });
});

describe("the contract check itself", () => {
  it("Prism refuses a request without credentials", async () => {
    const anonymous: AuthStrategy = {
      name: "none",
      isAuthenticated: () => true,
      login: async () => undefined,
      apply: () => undefined,
      onUnauthorized: () => false,
      secrets: () => [],
    };
    const bare = new OverkizClient({ server, credentials: anonymous, ...options });
    await expect(bare.getPlaces()).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(recorder.takeViolations()).toEqual([expect.stringContaining("Invalid security scheme")]);
  });

  it("a request body that breaks the spec is reported", async () => {
    const corrupt: Middleware = async (request, next) => {
      const body = (await request.json()) as Record<string, unknown>;
      return next(new Request(request, { body: JSON.stringify({ ...body, label: 42 }) }));
    };
    await expect(
      client.executeActionGroup([{ deviceURL: SHUTTER, commands: ["close"] }], {}, { middleware: [corrupt] }),
    ).rejects.toBeInstanceOf(OverkizError);
    expect(recorder.takeViolations()).toEqual([expect.stringContaining("label")]);
  });
});

describe("coverage", () => {
  it("every operation of the spec was called through the client", () => {
    const covered = recorder.covered();
    const all = Object.keys(operationTable) as OperationId[];
    const missing = all.filter((id) => !covered.has(id));
    console.log(`overkiz client: ${all.length - missing.length}/${all.length} operations covered`);
    expect(missing).toEqual([]);
  });
});
