import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { operationTable } from "@openapp/omlet-generated";
import { contractRecorder } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import YAML from "yaml";
import {
  AuthenticationError,
  type Device,
  NotFoundError,
  OmletClient,
  deviceStatus,
  parseWebhookEvent,
  sectionState,
} from "../../src/index.js";

/**
 * Every façade method against `prism mock --errors` on our own spec: Prism answers 422 to
 * any request that breaks the spec and 500 to any response that does, so a passing call
 * proves both directions. Each 2xx exchange is recorded to count covered operations.
 */

const recorder = contractRecorder(operationTable);
const coveredOperations = (): string[] => [...recorder.covered()];

let omlet: OmletClient;

afterEach(() => {
  expect(recorder.takeViolations()).toEqual([]);
});

beforeAll(() => {
  // No retries: a contract violation must fail at once, not after backoff.
  omlet = new OmletClient({ apiKey: "contract_test_key_0001", baseUrl: inject("omletPrismUrl"), middleware: [recorder.middleware], maxRetries: 0 });
});

afterAll(() => {
  const all = Object.keys(operationTable);
  const covered = coveredOperations();
  console.log(`omlet facade: ${covered.length}/${all.length} operations covered`);
});

const example = (name: string) => ({ headers: { Prefer: `example=${name}` } });

describe("auth and account", () => {
  it("logs in, registers, resets a password and logs out", async () => {
    expect(await omlet.login("priya.nair@example.net", "c0rn-and-grit", "GB")).toBe("Zq4Tn8Lw2Hc6Vb0Xk9Ry3Pm7Sd5Fg1Ja");
    await omlet.register({ emailAddress: "tomasz@example.org", password: "perch-at-dusk-42", firstName: "Tomasz", lastName: "Wróbel" });
    await omlet.resetPassword("priya.nair@example.net");
    await omlet.logout();
  });

  it("reads the user and updates the account", async () => {
    const user = await omlet.getUser();
    expect(user.invites?.[0]?.groupId).toBe("Kp1Zr8Ua3Wq6Nm2T");
    await omlet.updateAccount({ lastName: "Nair-Collins" });
  });

  it("surfaces the server's {message} on errors", async () => {
    const notFound = await omlet.getDeviceById("missing", { headers: { Prefer: "code=404" } }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect((notFound as Error).message).toContain("Device not found");
    await expect(omlet.getUser({ headers: { Prefer: "code=401" } })).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("devices", () => {
  it("lists devices of every kind and reads them safely", async () => {
    const devices = await omlet.getDevices();
    expect(devices.map((d) => d.deviceType)).toEqual(["Autodoor", "Fan", "Autodoor", "Feeder"]);
    expect(devices.map((d) => deviceStatus(d).wifiStrength)).toEqual([-58, -49, -71, -67]);
  });

  it("gets each example device, renames one and drives it through the helpers", async () => {
    const door = await omlet.getDeviceById("Hq3vKd81ZsPwT0bN", example("doorWithLight"));
    const fan = await omlet.getDeviceById("Fn8cQ2LmZ4wYv7Ke", example("fan"));
    const feeder = await omlet.getDeviceById("Fd4hJ9SmC2rX6aLq", example("feeder"));
    const battery = await omlet.getDeviceById("Bd6tRw3YkN0hF5pG", example("batteryDoorWithoutLight"));

    expect((await omlet.door(door).close()).skipped).toBe(false);
    expect((await omlet.door(door).open({ skipIfAlready: true })).skipped).toBe(true);
    await omlet.light(door).on();
    await omlet.fan(fan).boost();
    await omlet.feeder(feeder).close();
    await omlet.door(battery).open();
    await expect(omlet.light(battery).on()).rejects.toThrow(/no "on" action/);

    const renamed = await omlet.updateDevice(door.deviceId, { name: "Hen house (north)" });
    expect(renamed.name).toBe("Hen house (north)");
  });

  it("performs an action by name and waits for a settled state", async () => {
    const result = await omlet.performAction({ deviceId: "Hq3vKd81ZsPwT0bN", actionName: "restart" });
    expect(result.skipped).toBe(false);
    const settled = await omlet.waitForState("Hq3vKd81ZsPwT0bN", (d: Device) => sectionState(d, "door") === "open", {
      maxWaitMs: 5_000,
      intervalMs: 100,
    });
    expect(settled.deviceId).toBe("Hq3vKd81ZsPwT0bN");
  });

  it("reads and partially updates configuration", async () => {
    const configuration = await omlet.getConfiguration("Hq3vKd81ZsPwT0bN");
    expect(configuration.door?.openMode).toBe("light");
    await omlet.updateConfiguration("Hq3vKd81ZsPwT0bN", { door: { openMode: "time", openTime: "06:45" } });
    await omlet.updateConfiguration("Fn8cQ2LmZ4wYv7Ke", { fan: { mode: "temperature", tempOn: 26 } });
  });

  it("keeps devices awake, checks firmware and reads events", async () => {
    await omlet.keepAlive(300);
    expect((await omlet.getLatestFirmware()).Autodoor).toBe("1.0.55-7c1e09ab");
    const events = await omlet.getEvents({ page: 1 });
    expect(events[0]).toMatchObject({ parameterSetName: "door", newValue: "closed" });
  });
});

describe("groups and invites", () => {
  it("manages a group and its members", async () => {
    expect((await omlet.getGroups())[0]?.devices).toHaveLength(2);
    expect((await omlet.createGroup("Orchard coop")).groupName).toBe("Orchard coop");
    expect((await omlet.getGroupById("Rt6GmW2kLx0PqA9s")).users?.[0]?.access).toBe("User");
    await omlet.updateGroup("Rt6GmW2kLx0PqA9s", "Top paddock");
    await omlet.updateGroupName("Rt6GmW2kLx0PqA9s", { groupName: "Lower field" });
    await omlet.inviteUser("Rt6GmW2kLx0PqA9s", { emailAddress: "sam.okafor@example.com", access: "User" });
    await omlet.updateUserAccess("Rt6GmW2kLx0PqA9s", { emailAddress: "sam.okafor@example.com", access: "Admin" });
    await omlet.removeUser("Rt6GmW2kLx0PqA9s", "sam.okafor@example.com");
    await omlet.deleteGroup("Wb5Ej0Hs8Ty2Ua6C");
  });

  it("accepts and declines invites", async () => {
    const { invites = [] } = await omlet.getUser();
    await omlet.acceptInvite(invites[0] as { groupId: string });
    await omlet.rejectInvite("Kp1Zr8Ua3Wq6Nm2T");
  });
});

describe("app and provisioning", () => {
  it("manages push tokens, notifications and bug reports", async () => {
    await omlet.registerPushToken("fcm:Ab12-Cd34");
    await omlet.unregisterPushToken("fcm:Ab12-Cd34");
    await omlet.updateNotifications({ notification_period: { start: "07:00", end: "21:30" }, notifications: { door: true, fault: true } });
    await omlet.createBugReport({ description: "Door shows closepending for an hour", metadata: { appVersion: "3.4.1" } });
  });

  it("provisions a new device", async () => {
    expect(await omlet.createProvisioningKey("Rt6GmW2kLx0PqA9s")).toMatchObject({ deviceId: "Nw2sGk7PzQ1xVc5D" });
    await omlet.completeProvisioning("3c71bf9a06e2");
  });
});

describe("webhooks", () => {
  it("parses both webhook examples of the spec", () => {
    const specPath = fileURLToPath(new URL("../../../../openapi/omlet/openapi.yaml", import.meta.url));
    const spec = YAML.parse(readFileSync(specPath, "utf8"));
    const examples = spec.webhooks.omletEvent.post.requestBody.content["application/json"].examples;
    expect(parseWebhookEvent(examples.flat.value)).toMatchObject({ shape: "flat", parameterSetName: "door", newValue: "open" });
    expect(parseWebhookEvent(examples.nested.value)).toMatchObject({ shape: "nested", deviceId: "Fn8cQ2LmZ4wYv7Ke" });
  });
});

describe("coverage", () => {
  it("reaches every operation of the spec through the façade", () => {
    const covered = new Set(coveredOperations());
    const missing = Object.keys(operationTable).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
});
