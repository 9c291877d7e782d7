import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { collectOperations } from "../lib/codegen.js";
import { type RouteTable, routeMismatches } from "../lib/doc-routes.js";
import { abs, repoRoot, servedSpec, vendors } from "../lib/vendors.js";

/** The rows of every spec a façade serves, by operationId. */
function routeTable(packageDir: string): RouteTable {
  const table: Record<string, Array<{ method: string; path: string }>> = {};
  for (const vendor of vendors.filter((v) => v.facade.packageDir === packageDir)) {
    const text = readFileSync(servedSpec(vendor), "utf8");
    const spec = servedSpec(vendor).endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
    for (const row of collectOperations(spec)) (table[row.operationId] ??= []).push(row);
  }
  return table;
}

/** The façade's hand-written TypeScript: everything under src/ but the generated folders. */
function handWritten(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : handWritten(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const table: RouteTable = {
  get_device: [{ method: "get", path: "/devices/{id}" }],
  list_devices: [{ method: "get", path: "/devices" }],
};

describe("routes named in hand-written doc comments", () => {
  for (const packageDir of new Set(vendors.map((vendor) => vendor.facade.packageDir))) {
    it(`match the operations each ${packageDir} method calls`, () => {
      const operations = routeTable(packageDir);
      const files = handWritten(abs(`${packageDir}/src`));
      expect(files.length).toBeGreaterThan(0);
      const mismatches = files.flatMap((file) => routeMismatches(relative(repoRoot, file), readFileSync(file, "utf8"), operations));
      expect(mismatches.map((m) => `${m.file}:${m.line} names \`${m.named}\` but calls ${m.calls.join(", ")}`)).toEqual([]);
    });
  }

  it("reports a method whose comment names another operation's route, with file, line and what it calls", () => {
    const source = `class Devices {
  /** Get a device. \`GET /devices\`. */
  get(id: string) {
    return this.ctx.kit.call("get_device", { path: { id } });
  }
}`;
    expect(routeMismatches("devices.ts", source, table)).toEqual([
      { file: "devices.ts", line: 3, named: "GET /devices", calls: ["get_device (GET /devices/{id})"] },
    ]);
  });

  it("accepts the route of any operation the method calls, in functions and function-valued properties too", () => {
    const source = `/** Both pages: \`GET /devices\`, then \`GET /devices/{id}\`. */
export async function both(kit: Kit) {
  await kit.list("list_devices", {});
  return kit.call("get_device", { path: { id: "1" } });
}
const handle = {
  /** \`GET /devices/{id}\` */
  get: () => kit.call("get_device", {}),
  /** Wrong: \`DELETE /devices/{id}\` */
  remove: () => kit.call("get_device", {}),
};`;
    expect(routeMismatches("handles.ts", source, table).map((m) => [m.line, m.named])).toEqual([[10, "DELETE /devices/{id}"]]);
  });

  it("accepts the route any spec of the façade gives the operation", () => {
    const twoSpecs: RouteTable = { ...table, get_device: [{ method: "get", path: "/devices/{id}" }, { method: "get", path: "/v1/devices/{id}" }] };
    const source = `/** \`GET /v1/devices/{id}\` */
function get(kit: Kit) {
  return kit.call("get_device", {});
}`;
    expect(routeMismatches("two.ts", source, twoSpecs)).toEqual([]);
    expect(routeMismatches("one.ts", source, table).map((m) => m.calls)).toEqual([["get_device (GET /devices/{id})"]]);
  });

  it("leaves alone comments of methods that call no operation (interfaces, delegates)", () => {
    const source = `interface Images {
  /** \`POST /{resource}/{id}/image\` */
  uploadImage(id: string): Promise<void>;
}`;
    expect(routeMismatches("images.ts", source, table)).toEqual([]);
  });
});
