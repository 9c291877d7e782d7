import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Vendor {
  /** Short name used on the command line and in package names. */
  name: string;
  /** PascalCase name used in generated identifiers (createOpenAppRawClient, openappV1DefaultBaseUrl from openapp-v1). */
  title: string;
  /** Hand-written spec entry, relative to the repo root. */
  source: string;
  /** Bundled single-file spec for multi-file sources, relative to the repo root. */
  bundle?: string;
  /** Generated package folder, relative to the repo root. */
  packageDir: string;
}

export const vendors: readonly Vendor[] = [
  {
    name: "openapp",
    title: "OpenApp",
    source: "openapi/openapp/src/openapi.yaml",
    bundle: "openapi/openapp/openapi.json",
    packageDir: "packages/openapp-generated",
  },
  // The 1.0 generation's agent and automation operations: their own spec and package, because
  // they reuse 0.1 operationIds (execute_entity_action, the invite routes) with other shapes.
  {
    name: "openapp-v1",
    title: "OpenAppV1",
    source: "openapi/openapp-v1/openapi.yaml",
    packageDir: "packages/openapp-v1-generated",
  },
  { name: "omlet", title: "Omlet", source: "openapi/omlet/openapi.yaml", packageDir: "packages/omlet-generated" },
  { name: "overkiz", title: "Overkiz", source: "openapi/overkiz/openapi.yaml", packageDir: "packages/overkiz-generated" },
];

export const abs = (path: string) => resolve(repoRoot, path);

/** The single-file spec Prism and the generators read. */
export const servedSpec = (vendor: Vendor) => abs(vendor.bundle ?? vendor.source);

export const hasSpec = (vendor: Vendor) => existsSync(abs(vendor.source));

/** Vendors named on the command line (all when none), failing on unknown names. */
export function selectVendors(names: string[]): Vendor[] {
  if (names.length === 0) return [...vendors];
  return names.map((name) => {
    const vendor = vendors.find((v) => v.name === name);
    if (!vendor) throw new Error(`unknown vendor "${name}" (known: ${vendors.map((v) => v.name).join(", ")})`);
    return vendor;
  });
}

export const generatedDir = (vendor: Vendor) => abs(join(vendor.packageDir, "src/generated"));

/** The name as a camelCase identifier prefix: `openapp-v1` → `openappV1`. */
export const identifierOf = (vendor: Vendor) => vendor.name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
