import { describe, expect, it } from "vitest";
import { type Device, ValidationError, requireAction } from "../../src/index.js";
import { batteryDoorWithoutLight, doorWithLight, fan, feeder } from "../fixtures/devices.js";
import { BASE_URL, TEST_KEY, json, noContent, scriptedFetch, testClient } from "../helpers.js";

function withActionUrl(device: Device, actionName: string, url: string): Device {
  const action = requireAction(device, actionName);
  action.url = url;
  return device;
}

describe("door, light and fan helpers", () => {
  it("opens a door by POSTing its action url with no body and reports the pending state", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const door = doorWithLight("closed");
    const result = await testClient(fetch).door(door).open();

    expect(result).toEqual({
      deviceId: door.deviceId,
      actionName: "open",
      skipped: false,
      reason: undefined,
      pendingValue: "openpending",
      context: undefined,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url.href).toBe(`${BASE_URL}/device/${door.deviceId}/action/open`);
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
    expect(requests[0]?.body).toBe("");
  });

  it("passes on the context of a 200 answer", async () => {
    const { fetch } = scriptedFetch(json(200, { queuedAt: "2025-09-02T06:31:00+00:00" }));
    const result = await testClient(fetch).door(doorWithLight("closed")).close();
    expect(result.context).toEqual({ queuedAt: "2025-09-02T06:31:00+00:00" });
  });

  it("switches the coop light and the fan, including boost", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    await omlet.light(doorWithLight()).on();
    await omlet.fan(fan()).boost();
    await omlet.feeder(feeder()).close();
    expect(requests.map((r) => r.url.pathname)).toEqual([
      "/api/v1/device/Pz4kWm82QrTd1VxN/action/on",
      "/api/v1/device/Fa7nUq1CwZ5rLp3E/action/boost",
      "/api/v1/device/Fd2sNe8YbR4tGw6H/action/close",
    ]);
  });

  it("with skipIfAlready, does not send open to an open door but still sends close", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    const door = doorWithLight("open");

    const skipped = await omlet.door(door).open({ skipIfAlready: true });
    expect(skipped).toMatchObject({ skipped: true, reason: "door is already open", actionName: "open" });
    expect(requests).toHaveLength(0);

    const sent = await omlet.door(door).close({ skipIfAlready: true });
    expect(sent.skipped).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it("with skipIfAlready, does not queue the same command twice while it is pending", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const result = await testClient(fetch).door(doorWithLight("closepending")).close({ skipIfAlready: true });
    expect(result).toMatchObject({ skipped: true, reason: "door is already closepending" });
    expect(requests).toHaveLength(0);
  });

  it("without skipIfAlready, sends even when the door already looks open", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    await testClient(fetch).door(doorWithLight("open")).open();
    expect(requests).toHaveLength(1);
  });

  it("names the available actions when a device lacks the one asked for", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const error = await testClient(fetch)
      .light(batteryDoorWithoutLight())
      .on()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/no "on" action \(available: close, factory_reset, firmware_update, open, restart/);
    expect(requests).toHaveLength(0);
  });

  it("refuses to drive a device of another type", () => {
    const omlet = testClient(scriptedFetch(noContent()).fetch);
    expect(() => omlet.light(fan())).toThrow(/is of type Fan; omlet.light\(\) controls Autodoor/);
    expect(() => omlet.door(feeder())).toThrow(ValidationError);
  });
});

describe("action urls", () => {
  it("never sends the key to another host", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const device = withActionUrl(doorWithLight("closed"), "open", "https://evil.example/api/v1/device/Pz4kWm82QrTd1VxN/action/open");
    await expect(testClient(fetch).door(device).open()).rejects.toThrow(/Refusing action url on https:\/\/evil\.example/);
    const protocolRelative = withActionUrl(doorWithLight("closed"), "open", "//evil.example/device/Pz4kWm82QrTd1VxN/action/open");
    await expect(testClient(fetch).door(protocolRelative).open()).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it("accepts absolute urls on the API host and relative ones with or without the base path", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    const urls = [
      `${BASE_URL}/device/Pz4kWm82QrTd1VxN/action/open`,
      "/api/v1/device/Pz4kWm82QrTd1VxN/action/open",
      "device/Pz4kWm82QrTd1VxN/action/open",
    ];
    for (const url of urls) await omlet.door(withActionUrl(doorWithLight("closed"), "open", url)).open();
    expect(requests.map((r) => r.url.href)).toEqual(urls.map(() => `${BASE_URL}/device/Pz4kWm82QrTd1VxN/action/open`));
  });

  it("accepts the spec's short form /device/{id}/{name}, absolute or relative, and POSTs the documented operation path", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    const urls = [
      "/device/Pz4kWm82QrTd1VxN/open",
      "device/Pz4kWm82QrTd1VxN/open/",
      "/api/v1/device/Pz4kWm82QrTd1VxN/open",
      `${BASE_URL}/device/Pz4kWm82QrTd1VxN/open`,
      `${BASE_URL.replace("omlet.test", "OMLET.test")}/device/Pz4kWm82QrTd1VxN/open`,
    ];
    for (const url of urls) {
      const result = await omlet.door(withActionUrl(doorWithLight("closed"), "open", url)).open();
      expect(result).toMatchObject({ deviceId: "Pz4kWm82QrTd1VxN", actionName: "open", pendingValue: "openpending" });
    }
    expect(requests.map((r) => `${r.method} ${r.url.href}`)).toEqual(urls.map(() => `POST ${BASE_URL}/device/Pz4kWm82QrTd1VxN/action/open`));
  });

  it("takes the action name from the url in either form", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    await omlet.performAction({ actionName: "Open", description: "Open door", url: "/device/NsAKflxaCkDLkiO9/open" });
    await omlet.performAction({ actionName: "firmware_update", url: "/device/NsAKflxaCkDLkiO9/firmware%5Fupdate" });
    expect(requests.map((r) => r.url.pathname)).toEqual([
      "/api/v1/device/NsAKflxaCkDLkiO9/action/open",
      "/api/v1/device/NsAKflxaCkDLkiO9/action/firmware_update",
    ]);
  });

  it("refuses either form when it names another device or another origin", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    const refusals: Array<[string, RegExp]> = [
      ["/device/SomeOtherDoor/open", /targets device SomeOtherDoor, not Pz4kWm82QrTd1VxN/],
      [`${BASE_URL}/device/SomeOtherDoor/open`, /targets device SomeOtherDoor/],
      [`${BASE_URL}/device/Pz4kWm82QrTd1VxN/../SomeOtherDoor/action/open`, /targets device SomeOtherDoor/],
      ["https://evil.example/api/v1/device/Pz4kWm82QrTd1VxN/open", /Refusing action url on https:\/\/evil\.example/],
      ["http://omlet.test/api/v1/device/Pz4kWm82QrTd1VxN/open", /Refusing action url on http:\/\/omlet\.test/],
      ["https://omlet.test:8443/api/v1/device/Pz4kWm82QrTd1VxN/open", /Refusing action url on https:\/\/omlet\.test:8443/],
      ["//evil.example/device/Pz4kWm82QrTd1VxN/open", /Refusing action url/],
      ["https://omlet.test/api/v2/device/Pz4kWm82QrTd1VxN/open", /outside the API base/],
      ["/device/Pz4kWm82QrTd1VxN/configuration", /not a device action path/],
      ["/device/Pz4kWm82QrTd1VxN/action", /not a device action path/],
      ["/device/Pz4kWm82QrTd1VxN", /not a device action path/],
      ["/device/Pz4kWm82QrTd1VxN/open/now", /not a device action path/],
    ];
    for (const [url, message] of refusals) {
      const attempt = omlet.door(withActionUrl(doorWithLight("closed"), "open", url)).open();
      await expect(attempt, url).rejects.toBeInstanceOf(ValidationError);
      await expect(omlet.door(withActionUrl(doorWithLight("closed"), "open", url)).open(), url).rejects.toThrow(message);
    }
    expect(requests).toHaveLength(0);
  });

  it("refuses urls that are not device action paths or that target another device", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const omlet = testClient(fetch);
    const traversal = withActionUrl(doorWithLight("closed"), "open", "/device/Pz4kWm82QrTd1VxN/../../account");
    await expect(omlet.door(traversal).open()).rejects.toThrow(/not a device action path/);
    const elsewhere = withActionUrl(doorWithLight("closed"), "open", "/device/SomeOtherDoor/action/open");
    await expect(omlet.door(elsewhere).open()).rejects.toThrow(/targets device SomeOtherDoor/);
    expect(requests).toHaveLength(0);
  });

  it("performs an action named by device id and action name, encoding both", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const result = await testClient(fetch).performAction({ deviceId: "io://12/5", actionName: "setup_wifi" });
    expect(requests[0]?.url.pathname).toBe("/api/v1/device/io%3A%2F%2F12%2F5/action/setup_wifi");
    expect(result).toMatchObject({ deviceId: "io://12/5", actionName: "setup_wifi", pendingValue: null });
  });

  it("performs an action object taken straight from device.actions", async () => {
    const { fetch, requests } = scriptedFetch(noContent());
    const action = requireAction(fan("on"), "off");
    const result = await testClient(fetch).performAction(action);
    expect(requests[0]?.url.pathname).toBe("/api/v1/device/Fa7nUq1CwZ5rLp3E/action/off");
    expect(result.pendingValue).toBe("offpending");
  });
});
