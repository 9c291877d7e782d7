import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES_DIR = fileURLToPath(new URL("../../", import.meta.url));

interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

// Packages built on core that are not façades: generated path clients, the shared runtime, test
// helpers, and the command-line tool (a user of the façades, tested as a child process).
const NOT_A_FACADE = [/-generated$/, /^@openapp\/(core|testing|conformance|cli)$/];

/** Every workspace package under packages/ that depends on @openapp/core and is a façade. */
export function discoverFacades(packagesDir: string = PACKAGES_DIR): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    let manifest: PackageJson;
    try {
      manifest = JSON.parse(readFileSync(join(packagesDir, entry.name, "package.json"), "utf8")) as PackageJson;
    } catch {
      continue; // not a package
    }
    const name = manifest.name ?? entry.name;
    const dependsOnCore = "@openapp/core" in { ...manifest.dependencies, ...manifest.peerDependencies };
    if (dependsOnCore && !NOT_A_FACADE.some((pattern) => pattern.test(name))) names.push(name);
  }
  return names.sort();
}

/** The folder under packages/ of the workspace package `name`. */
export function packageDir(name: string, packagesDir: string = PACKAGES_DIR): string {
  for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    try {
      const manifest = JSON.parse(readFileSync(join(packagesDir, entry.name, "package.json"), "utf8")) as PackageJson;
      if (manifest.name === name) return join(packagesDir, entry.name);
    } catch {
      // not a package
    }
  }
  throw new Error(`no workspace package named ${name} under ${packagesDir}`);
}
