/**
 * Error names survive an app's minifier, for core and every façade: each exported error class
 * reports its export name, also once a production build renamed the classes themselves.
 */
import { join } from "node:path";
import { exportedErrors, importMinified } from "@openapp/testing";
import { describe, expect, it } from "vitest";
import { adapters } from "../src/adapters/index.js";
import { packageDir } from "../src/discovery.js";

const packages = [...new Set(["@openapp/core", ...adapters.map((adapter) => adapter.packageName)])];

describe.each(packages)("error names of %s", (name) => {
  it("keep their class names after an app's minifier renamed the classes", async () => {
    const errors = exportedErrors(await importMinified(join(packageDir(name), "src/index.ts")));
    // Core's taxonomy is re-exported by every façade: a handful at the very least.
    expect(errors.length).toBeGreaterThanOrEqual(3);
    // The bundle really was minified: the classes themselves lost their names.
    expect(errors.filter((e) => e.className !== e.exportName).length).toBeGreaterThan(errors.length / 2);
    for (const error of errors) expect(error.name, error.exportName).toBe(error.exportName);
  });
});
