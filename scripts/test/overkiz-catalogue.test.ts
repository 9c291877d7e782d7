import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { catalogueOutputs, hasCatalogueSource, parseParameters, parseValueSpec } from "../lib/overkiz-catalogue.js";
import { constantFor } from "../lib/overkiz-catalogue-additions.js";
import { abs, repoRoot, vendors } from "../lib/vendors.js";

describe("overkiz catalogue generator", () => {
  it("reads the reference's value types", () => {
    expect(parseValueSpec("int 0-100")).toEqual({ type: "int", min: 0, max: 100 });
    expect(parseValueSpec("int -5-5")).toEqual({ type: "int", min: -5, max: 5 });
    expect(parseValueSpec("float -100.0-100.0")).toEqual({ type: "float", min: -100, max: 100 });
    expect(parseValueSpec("float >= 0.0")).toEqual({ type: "float", min: 0 });
    expect(parseValueSpec("string values: 'low', 'high'")).toEqual({ type: "string", values: ["low", "high"] });
    expect(parseParameters("int 0-100, int 0-100")).toHaveLength(2);
    expect(parseParameters("string values: 'a', 'b', int 0-1")).toEqual([{ type: "string", values: ["a", "b"] }, { type: "int", min: 0, max: 1 }]);
    expect(parseParameters("")).toEqual([]);
    expect(() => parseValueSpec("complex thing")).toThrow(/unknown value type/);
  });

  it("names an added wire name's constant the reference's way", () => {
    expect(constantFor("AtlanticElectricalHeaterWithAdjustableTemperatureSetpoint")).toBe("ATLANTIC_ELECTRICAL_HEATER_WITH_ADJUSTABLE_TEMPERATURE_SETPOINT");
    expect(constantFor("setDHWMode")).toBe("SET_DHW_MODE");
    expect(constantFor("core:TargetTemperatureCurrentUpperBoundState")).toBe("CORE_TARGET_TEMPERATURE_CURRENT_UPPER_BOUND");
  });

  it.runIf(hasCatalogueSource())("adds the names real setups send that the reference lacks", () => {
    const names = catalogueOutputs()["packages/overkiz-generated/src/catalogue/names.ts"];
    expect(names).toContain('ATLANTIC_ELECTRICAL_HEATER_WITH_ADJUSTABLE_TEMPERATURE_SETPOINT: "AtlanticElectricalHeaterWithAdjustableTemperatureSetpoint",');
    expect(names).toContain('UNPAIR_ALL_ONE_WAY_CONTROLLERS_AND_DELETE_NODE: "unpairAllOneWayControllersAndDeleteNode",');
    expect(names).toContain('CORE_FIRMWARE_REVISION_STATE: "core:FirmwareRevisionState",');
  });

  it.runIf(hasCatalogueSource())("is deterministic", () => {
    expect(catalogueOutputs()).toEqual(catalogueOutputs());
  });

  it("is the Overkiz vendor's generator hook, which writes nothing and is not checked when the reference is absent", async () => {
    const [generator] = vendors.find((vendor) => vendor.name === "overkiz")?.generators ?? [];
    expect(generator?.dir).toBe("packages/overkiz-generated/src/catalogue");
    // What check:generated and generate run for the hook, in a process that has no reference.
    const script = `import("./scripts/lib/vendor-generators.ts").then(async ({ runVendorGenerator, staleVendorGeneratorFiles }) => {
      const { vendors } = await import("./scripts/lib/vendors.ts");
      const [hook] = vendors.find((vendor) => vendor.name === "overkiz").generators;
      console.log(JSON.stringify(await staleVendorGeneratorFiles(hook)));
      await runVendorGenerator(hook);
    });`;
    const output = execFileSync(abs("node_modules/.bin/tsx"), ["--eval", script], {
      cwd: repoRoot,
      env: { ...process.env, OVERKIZ_CATALOGUE_SOURCE: "/nonexistent/overkiz-catalogues" },
      encoding: "utf8",
    });
    expect(output).toContain("overkiz catalogue: no source, check skipped\n[]\n");
    expect(output).toContain("overkiz catalogue: no source, skipped (the committed files stay)");
  });
});
