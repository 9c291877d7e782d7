import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { collectOperations } from "../lib/codegen.js";
import { type RouteRow, routeMismatches } from "../lib/doc-routes.js";
import { abs, repoRoot, servedSpec, vendors } from "../lib/vendors.js";

function operationTable(path: string): Record<string, RouteRow> {
  const text = readFileSync(path, "utf8");
  const spec = path.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
  return Object.fromEntries(collectOperations(spec).map((row) => [row.operationId, row]));
}

/** The façade's hand-written TypeScript: everything under src/ but the generated folders. */
function handWritten(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : handWritten(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const table = {
  get_device: { method: "get", path: "/devices/{id}" },
  list_devices: { method: "get", path: "/devices" },
};

describe("routes named in hand-written doc comments", () => {
  for (const vendor of vendors) {
    it(`match the operations each ${vendor.facade.packageDir} method calls`, () => {
      const operations = operationTable(servedSpec(vendor));
      const files = handWritten(abs(`${vendor.facade.packageDir}/src`));
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

  it("leaves alone comments of methods that call no operation (interfaces, delegates)", () => {
    const source = `interface Images {
  /** \`POST /{resource}/{id}/image\` */
  uploadImage(id: string): Promise<void>;
}`;
    expect(routeMismatches("images.ts", source, table)).toEqual([]);
  });
});
