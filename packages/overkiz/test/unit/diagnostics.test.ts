import { describe, expect, it } from "vitest";
import { OverkizClient, maskEmail, maskIdentifier, maskText, obfuscateSensitiveData } from "../../src/index.js";
import { TEST_SERVER, json, scriptedFetch } from "../helpers.js";

describe("masking helpers", () => {
  it("keeps only the last block of ids", () => {
    expect(maskIdentifier("1234-5678-9012")).toBe("****-****-9012");
    expect(maskIdentifier("io://1234-5678-9012/123")).toBe("io://****-****-9012/123");
    expect(maskIdentifier("SETUP-1234-1234-3293")).toBe("SETUP-****-****-3293");
  });

  it("turns each word into one star", () => {
    expect(maskText("My Room")).toBe("* *");
    expect(maskText("12 rue des Tilleuls")).toBe("* * * *");
    expect(maskText(45.7602)).toBe("*");
    expect(maskText("Chambre d'été")).toBe("* *'*");
  });

  it("shortens e-mails", () => {
    expect(maskEmail("contact@somfy.com")).toBe("c****@****y.com");
    expect(maskEmail("jane.doe_-_example.com")).toBe("j****@****e.com");
  });
});

describe("obfuscateSensitiveData", () => {
  const setup = {
    id: "SETUP-0815-4711-2301",
    location: { city: "Lyon", postalCode: "69003", addressLine1: "12 rue des Tilleuls", latitude: "45.7602", longitude: 4.8501, timezone: "Europe/Paris" },
    gateways: [{ gatewayId: "0815-4711-2301", type: 98 }],
    devices: [
      {
        deviceURL: "io://0815-4711-2301/6112754",
        label: "Living room shutter",
        states: [
          { value: "Living room shutter", name: "core:NameState", type: 3 },
          { name: "core:ClosureState", type: 1, value: 35 },
          { name: "core:LocalIPv4AddressState", type: 3, value: "192.168.11.36" },
        ],
        attributes: [{ name: "homekit:SetupCode", type: 3, value: "123-45-678" }],
      },
    ],
    owner: "jane.doe@example.com",
    tags: ["Kitchen stays"],
  };

  it("masks ids, labels, addresses, sensitive states and e-mails, and nothing else", () => {
    const masked = obfuscateSensitiveData(setup);
    expect(masked).toEqual({
      id: "SETUP-****-****-2301",
      location: { city: "*", postalCode: "*", addressLine1: "* * * *", latitude: "*", longitude: "*", timezone: "Europe/Paris" },
      gateways: [{ gatewayId: "****-****-2301", type: 98 }],
      devices: [
        {
          deviceURL: "io://****-****-2301/6112754",
          label: "* * *",
          states: [
            { value: "* * *", name: "core:NameState", type: 3 },
            { name: "core:ClosureState", type: 1, value: 35 },
            { name: "core:LocalIPv4AddressState", type: 3, value: "*" },
          ],
          attributes: [{ name: "homekit:SetupCode", type: 3, value: "*" }],
        },
      ],
      owner: "j****@****e.com",
      tags: ["Kitchen stays"],
    });
  });

  it("does not modify its input", () => {
    const copy = structuredClone(setup);
    obfuscateSensitiveData(setup);
    expect(setup).toEqual(copy);
  });
});

describe("getDiagnosticData", () => {
  const setupAnswer = { gateways: [{ gatewayId: "0815-4711-2301" }], devices: [{ deviceURL: "io://0815-4711-2301/1", label: "Desk" }] };
  const groupsAnswer = [{ oid: "a1", label: "Good night", actions: [] }];

  it("returns masked setup and action groups by default", async () => {
    const script = scriptedFetch({ "GET /setup": [json(200, setupAnswer)], "GET /actionGroups": [json(200, groupsAnswer)] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "t0k3n" }, fetch: script.fetch });
    const data = await client.getDiagnosticData();
    expect(data).toEqual({
      setup: { gateways: [{ gatewayId: "****-****-2301" }], devices: [{ deviceURL: "io://****-****-2301/1", label: "*" }] },
      actionGroups: [{ oid: "a1", label: "* *", actions: [] }],
    });
  });

  it("returns the raw answers when masking is disabled", async () => {
    const script = scriptedFetch({ "GET /setup": [json(200, setupAnswer)], "GET /actionGroups": [json(200, groupsAnswer)] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "t0k3n" }, fetch: script.fetch });
    expect(await client.getDiagnosticData({ maskSensitiveData: false })).toEqual({ setup: setupAnswer, actionGroups: groupsAnswer });
  });
});
