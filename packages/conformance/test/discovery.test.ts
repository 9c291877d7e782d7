import { describe, expect, it } from "vitest";
import { adapters } from "../src/adapters/index.js";
import { discoverFacades } from "../src/discovery.js";

describe("every façade runs the conformance suite", () => {
  it("finds the façades among the workspace packages", () => {
    // Guards the discovery itself: if it found nothing, the next test would pass vacuously.
    expect(discoverFacades()).toEqual(expect.arrayContaining(["@openapp/omlet", "@openapp/overkiz", "@openapp/sdk"]));
  });

  it("has an adapter for each package that builds on @openapp/core", () => {
    const covered = new Set(adapters.map((adapter) => adapter.packageName));
    const missing = discoverFacades().filter((name) => !covered.has(name));
    expect(
      missing,
      `${missing.join(", ")} depend(s) on @openapp/core but ha(s) no conformance adapter: add one under packages/conformance/src/adapters/ and list it in adapters/index.ts`,
    ).toEqual([]);
  });

  it("has no adapter for a package that is not a façade", () => {
    const facades = new Set(discoverFacades());
    expect(adapters.map((adapter) => adapter.packageName).filter((name) => !facades.has(name))).toEqual([]);
  });
});
