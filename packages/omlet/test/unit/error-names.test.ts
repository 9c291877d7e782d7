import { exportedErrors, importMinified } from "@openapp/testing";
import { describe, expect, it } from "vitest";

describe("error names", () => {
  it("keep their class names after an app's minifier renamed the classes", async () => {
    const errors = exportedErrors(await importMinified(new URL("../../src/index.ts", import.meta.url).pathname));
    expect(errors.length).toBeGreaterThanOrEqual(3);
    // The bundle really was minified: the classes themselves lost their names.
    expect(errors.filter((e) => e.className !== e.exportName).length).toBeGreaterThan(errors.length / 2);
    for (const error of errors) expect(error.name, error.exportName).toBe(error.exportName);
  });
});
