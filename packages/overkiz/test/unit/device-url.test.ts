import { ValidationError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import { isOverkizGateway, parseDeviceUrl } from "../../src/index.js";

describe("parseDeviceUrl", () => {
  it.each([
    {
      url: "io://1234-5678-9012/12345678",
      expected: { protocol: "io", gatewayId: "1234-5678-9012", deviceAddress: "12345678", subsystemId: null, isSubDevice: false },
    },
    {
      url: "io://1234-5678-9012/109286#1",
      expected: { protocol: "io", gatewayId: "1234-5678-9012", deviceAddress: "109286", subsystemId: 1, isSubDevice: false },
    },
    {
      url: "io://1234-5678-9012/109286#2",
      expected: { protocol: "io", gatewayId: "1234-5678-9012", deviceAddress: "109286", subsystemId: 2, isSubDevice: true },
    },
    {
      url: "hue://1234-1234-4411/001788676dde/lights/10",
      expected: { protocol: "hue", gatewayId: "1234-1234-4411", deviceAddress: "001788676dde/lights/10", subsystemId: null, isSubDevice: false },
    },
    {
      url: "zigbee://1234-1234-1234/9876/1",
      expected: { protocol: "zigbee", gatewayId: "1234-1234-1234", deviceAddress: "9876/1", subsystemId: null, isSubDevice: false },
    },
    {
      url: "upnpcontrol://1234-1234-4411/uuid:RINCON_000E586B571601400",
      expected: { protocol: "upnpcontrol", gatewayId: "1234-1234-4411", deviceAddress: "uuid:RINCON_000E586B571601400", subsystemId: null, isSubDevice: false },
    },
    {
      url: "internal://1234-1234-3293/pod/0",
      expected: { protocol: "internal", gatewayId: "1234-1234-3293", deviceAddress: "pod/0", subsystemId: null, isSubDevice: false },
    },
    {
      url: "eliot://ELIOT-000000000000000000000000000ABCDE/00000000000000000000000000000000_1#12",
      expected: {
        protocol: "eliot",
        gatewayId: "ELIOT-000000000000000000000000000ABCDE",
        deviceAddress: "00000000000000000000000000000000_1",
        subsystemId: 12,
        isSubDevice: true,
      },
    },
    {
      url: "somethingnew://SOMFY_PROTECT-7c1d22e5b0/alarm:1/zone/2#3",
      expected: { protocol: "somethingnew", gatewayId: "SOMFY_PROTECT-7c1d22e5b0", deviceAddress: "alarm:1/zone/2", subsystemId: 3, isSubDevice: true },
    },
  ])("$url", ({ url, expected }) => {
    expect(parseDeviceUrl(url)).toEqual({ ...expected, baseDeviceUrl: url.replace(/#\d+$/, "") });
  });

  it("groups the sub-devices of one product under one base URL", () => {
    const heater = parseDeviceUrl("io://1234-5678-9012/109286#1");
    const sensor = parseDeviceUrl("io://1234-5678-9012/109286#2");
    expect(heater.baseDeviceUrl).toBe("io://1234-5678-9012/109286");
    expect(sensor.baseDeviceUrl).toBe(heater.baseDeviceUrl);
  });

  it.each([
    "foo://whatever",
    "io://1234-5678-9012/123#8garbage",
    "io://1234-5678-9012/123#",
    "io://1234-5678-9012/",
    "io:/1234/5",
    "://1234/5",
    "",
    "io://1234-5678-9012/12#3#4",
  ])("rejects %j", (url) => {
    expect(() => parseDeviceUrl(url)).toThrow(ValidationError);
  });
});

describe("isOverkizGateway", () => {
  it("tells PIN-style gateways from virtual ones", () => {
    expect(isOverkizGateway("1234-5678-9012")).toBe(true);
    expect(isOverkizGateway("SOMFY_PROTECT-7c1d22e5b0")).toBe(false);
    expect(isOverkizGateway("OGCP-S-DAIKIN-0001")).toBe(false);
  });
});
