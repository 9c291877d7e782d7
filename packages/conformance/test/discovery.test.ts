import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("counts a new package on core as a façade, and skips generated, core, testing and conformance", () => {
    const dir = mkdtempSync(join(tmpdir(), "conformance-discovery-"));
    try {
      const write = (folder: string, manifest: object) => {
        mkdirSync(join(dir, folder));
        writeFileSync(join(dir, folder, "package.json"), JSON.stringify(manifest));
      };
      write("acme", { name: "@openapp/acme", dependencies: { "@openapp/core": "workspace:*" } });
      write("acme-generated", { name: "@openapp/acme-generated", dependencies: { "@openapp/core": "workspace:*" } });
      write("core", { name: "@openapp/core", dependencies: {} });
      write("testing", { name: "@openapp/testing", dependencies: { "@openapp/core": "workspace:*" } });
      write("conformance", { name: "@openapp/conformance", devDependencies: { "@openapp/core": "workspace:*" } });
      write("docs", { name: "@openapp/docs" });
      mkdirSync(join(dir, "not-a-package"));
      expect(discoverFacades(dir)).toEqual(["@openapp/acme"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
