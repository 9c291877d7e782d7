import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Vendor {
  /** Short name used on the command line and in package names. */
  name: string;
  /** PascalCase name used in generated identifiers (createOpenAppRawClient). */
  title: string;
  /** Hand-written spec entry, relative to the repo root. */
  source: string;
  /** Bundled single-file spec for multi-file sources, relative to the repo root. */
  bundle?: string;
  /** Generated package folder, relative to the repo root. */
  packageDir: string;
  /** Output this vendor has besides what its spec gives (the Overkiz name catalogue); run by `pnpm generate`, checked by `pnpm check:generated`. */
  generators?: readonly VendorGenerator[];
}

/** A vendor's own generator, run after the spec pipeline into a folder of its generated package. */
export interface VendorGenerator {
  /** For logs: `overkiz catalogue`. */
  name: string;
  /** The folder it owns, relative to the repo root: a file there it does not produce is stale. */
  dir: string;
  /**
   * Repo-relative path → content, or undefined when its source is absent: then nothing is written
   * and the committed files are not checked (the build never needs the source).
   */
  outputs(): Promise<Record<string, string> | undefined>;
}

/** The Overkiz names, enums and UI profiles, from the shared reference catalogues (loaded on use: it imports this module). */
const overkizCatalogue: VendorGenerator = {
  name: "overkiz catalogue",
  dir: "packages/overkiz-generated/src/catalogue",
  async outputs() {
    const catalogue = await import("./overkiz-catalogue.js");
    return catalogue.hasCatalogueSource() ? catalogue.catalogueOutputs() : undefined;
  },
};

export const vendors: readonly Vendor[] = [
  {
    name: "openapp",
    title: "OpenApp",
    source: "openapi/openapp/src/openapi.yaml",
    bundle: "openapi/openapp/openapi.json",
    packageDir: "packages/openapp-generated",
  },
  { name: "omlet", title: "Omlet", source: "openapi/omlet/openapi.yaml", packageDir: "packages/omlet-generated" },
  {
    name: "overkiz",
    title: "Overkiz",
    source: "openapi/overkiz/openapi.yaml",
    packageDir: "packages/overkiz-generated",
    generators: [overkizCatalogue],
  },
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
