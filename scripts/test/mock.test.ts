import { freePort, startPrism } from "@openapp/testing";
import { describe, expect, it } from "vitest";
import { servedSpec, vendors } from "../lib/vendors.js";
import { parseMockArgs } from "../mock.js";

describe("pnpm mock arguments", () => {
  it("takes a vendor and an optional --port", () => {
    expect(parseMockArgs(["omlet"])).toEqual({ vendor: "omlet", port: undefined });
    expect(parseMockArgs(["overkiz", "--port", "4010"])).toEqual({ vendor: "overkiz", port: 4010 });
    expect(parseMockArgs(["--port=4011", "openapp"])).toEqual({ vendor: "openapp", port: 4011 });
  });

  it("refuses a missing vendor and a port that is not one", () => {
    expect(() => parseMockArgs([])).toThrow(/usage: pnpm mock <vendor>/);
    expect(() => parseMockArgs(["omlet", "--port", "http"])).toThrow(/--port must be a port number/);
    expect(() => parseMockArgs(["omlet", "--port", "70000"])).toThrow(/--port must be a port number/);
  });

  it("starts Prism on the port asked for, on loopback", async () => {
    const port = await freePort();
    const prism = await startPrism({ spec: servedSpec(vendors.find((v) => v.name === "omlet")!), port });
    try {
      expect(prism.url).toBe(`http://127.0.0.1:${port}`);
      const response = await fetch(`${prism.url}/device`, { headers: { authorization: "Bearer dist-omlet-api-key-0001" } });
      expect(response.status).toBe(200);
    } finally {
      await prism.stop();
    }
  });
});
