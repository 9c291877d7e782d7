import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/vendors.js";

/**
 * Every public entry must bundle as a classic script (`--format=iife`), which esbuild, Rollup
 * (iife/umd) and older webpack setups only allow when no module reachable from the entry, dynamic
 * imports included, has a top-level `await`. Runs on the built dist, as a bundler sees it.
 */
interface PackageJson {
  name: string;
  private?: boolean;
  exports?: Record<string, string | { import?: { default?: string } }>;
}

const entries = readdirSync(join(repoRoot, "packages")).flatMap((dir) => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) as PackageJson;
  if (pkg.private) return [];
  return Object.entries(pkg.exports ?? {}).flatMap(([subpath, target]) => {
    const file = typeof target === "object" ? target.import?.default : undefined;
    return file ? [{ name: `${pkg.name}${subpath.slice(1)}`, subpath, file: join(repoRoot, "packages", dir, file) }] : [];
  });
});

describe("public entries bundle in every format", () => {
  it("finds the entries of every public package", () => {
    expect(entries.map((entry) => entry.name)).toEqual(expect.arrayContaining(["@openapp/core", "@openapp/sdk", "@openapp/omlet", "@openapp/overkiz", "@openapp/openapp-generated/zod"]));
  });

  it.each(entries)("$name bundles as an iife (no top-level await in its module graph)", async ({ subpath, file }) => {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      format: "iife",
      globalName: "entry",
      // The `/node` entries are Node-only by design; everything else must build for browsers.
      platform: subpath === "./node" ? "node" : "browser",
      write: false,
      logLevel: "silent",
    }).catch((error: { errors?: { text: string }[] }) => ({ errors: error.errors ?? [{ text: String(error) }] }));
    expect(result.errors.map((error) => error.text)).toEqual([]);
  });
});
