import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { OverkizClient, parseSetup } from "../../src/index.js";
import { recordingLogger } from "@openapp/testing";
import { TEST_SERVER, json, scriptedFetch, wireDevice } from "../helpers.js";

// A small cloud setup in the shape the API answers (ids and labels made up).
const SETUP_ID = "SETUP-0812-4471-3305";
const GATEWAY_ID = "0812-4471-3305";
const SECOND_GATEWAY_ID = "0812-4471-3399";
const DEVICE_URL = `io://${GATEWAY_ID}/7351186`;

const wireSetup = {
  creationTime: 1_600_000_000_000,
  lastUpdateTime: 1_700_000_000_000,
  id: SETUP_ID,
  oid: "741b2c6e-9a63-4f0e-b0e4-1f2d3c4b5a69",
  location: { city: "Lyon", country: "France", timezone: "Europe/Paris" },
  gateways: [
    { gatewayId: GATEWAY_ID, type: 98, subType: 1, alive: true, connectivity: { status: "OK", protocolVersion: "2025.3.2-9" } },
    { gatewayId: SECOND_GATEWAY_ID, type: 29, alive: false, connectivity: { status: "KO", protocolVersion: "2019.2.1-2" } },
  ],
  devices: [wireDevice({ deviceURL: DEVICE_URL, label: "Bedroom shutter" })],
  zones: [{ label: "Upstairs", oid: "zone-1", items: [{ itemType: "device", deviceOID: "dev-1", deviceURL: DEVICE_URL }] }],
  rootPlace: { label: "House", type: 200, oid: "place-1", subPlaces: [] },
};

const rawIds = [SETUP_ID, GATEWAY_ID, SECOND_GATEWAY_ID, "0812-4471"];

function parsed() {
  return parseSetup(structuredClone(wireSetup) as never, recordingLogger().logger);
}

describe("a printed setup", () => {
  it("masks the setup id, every gateway id and every device URL at any depth", () => {
    const printed = inspect(parsed(), { depth: null });
    for (const id of rawIds) expect(printed).not.toContain(id);
    expect(printed).toContain("SETUP-****-****-3305");
    expect(printed).toContain("****-****-3399");
    expect(printed).toContain("io://****-****-3305/7351186");
    // The rest stays readable.
    expect(printed).toMatch(/^Setup \{/);
    expect(printed).toContain("Gateway {");
    expect(printed).toContain("Device {");
    expect(printed).toContain("Bedroom shutter");
    expect(printed).toContain("TAHOMA_SWITCH");
  });

  it("masks them in console.log's default depth and in a gateway or device printed alone", () => {
    const setup = parsed();
    for (const value of [setup, setup.gateways, setup.gateways[0], setup.devices[0], setup.devices]) {
      const printed = inspect(value);
      for (const id of rawIds) expect(printed).not.toContain(id);
    }
    expect(inspect(setup, { depth: 1 })).toContain("gateways: [ [Gateway], [Gateway] ]");
  });

  it("keeps the ids readable as properties and in JSON", () => {
    const setup = parsed();
    expect(setup.id).toBe(SETUP_ID);
    expect(setup.gateways.map((gateway) => gateway.gatewayId)).toEqual([GATEWAY_ID, SECOND_GATEWAY_ID]);
    expect(setup.devices[0]?.deviceURL).toBe(DEVICE_URL);
    expect(setup.devices[0]?.identifier.gatewayId).toBe(GATEWAY_ID);
    const json = JSON.parse(JSON.stringify(setup));
    expect(json.id).toBe(SETUP_ID);
    expect(json.gateways[1].gatewayId).toBe(SECOND_GATEWAY_ID);
    expect(json.devices[0].deviceURL).toBe(DEVICE_URL);
    expect(json.zones[0].items[0].deviceURL).toBe(DEVICE_URL);
    // Spreading copies the data and nothing hidden.
    expect(Object.keys(setup)).toEqual(Object.keys({ ...setup }));
    expect({ ...setup.gateways[0] }.gatewayId).toBe(GATEWAY_ID);
  });

  it("is what getSetup() and getGateways() return", async () => {
    const { fetch } = scriptedFetch({ "GET /setup": [json(200, wireSetup)], "GET /setup/gateways": [json(200, wireSetup.gateways)] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "printing-token-0001" }, fetch });
    for (const value of [await client.getSetup(), await client.getGateways(), await client.getDevices()]) {
      const printed = inspect(value, { depth: null });
      for (const id of rawIds) expect(printed).not.toContain(id);
    }
  });
});
