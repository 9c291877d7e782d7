import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fromRepo } from "./repo.js";

/**
 * Bundles `entry` the way an app's production build would (esbuild, minified identifiers, no
 * kept names) and imports the result. Packages listed in `external` stay imports.
 */
export async function importMinified(entry: string, external: string[] = []): Promise<Record<string, unknown>> {
  const require = createRequire(fromRepo("package.json"));
  const esbuild = require("esbuild") as typeof import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    keepNames: false,
    format: "esm",
    platform: "node",
    target: "es2022",
    external,
    write: false,
    logLevel: "silent",
  });
  const dir = mkdtempSync(join(tmpdir(), "openapp-minified-"));
  try {
    const file = join(dir, "bundle.mjs");
    writeFileSync(file, result.outputFiles[0]!.text);
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every exported subclass of Error, constructed with arguments each of the SDK's error constructors accepts. */
export function exportedErrors(module: Record<string, unknown>): { exportName: string; className: string; name: string }[] {
  const init = { status: 400, message: "m", method: "GET", url: "https://api.test/x" };
  const extra = { retryAfterMs: 1, failedAttempts: 1 };
  return Object.entries(module)
    .filter((entry): entry is [string, new (...args: unknown[]) => Error] => typeof entry[1] === "function" && entry[1].prototype instanceof Error)
    .map(([exportName, ErrorClass]) => ({ exportName, className: ErrorClass.name, name: constructed(ErrorClass, init, extra).name }));
}

/** An API-error-style constructor takes (init, extra); a lookup error takes (what, name, matches). */
function constructed(ErrorClass: new (...args: unknown[]) => Error, init: object, extra: object): Error {
  try {
    return Reflect.construct(ErrorClass, [init, extra]);
  } catch {
    return Reflect.construct(ErrorClass, ["device", "Front door", []]);
  }
}
