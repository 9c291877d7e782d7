import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A type the generated resource bases import: its name and the module (relative to the generated file, or a package). */
export interface TypeImport {
  name: string;
  from: string;
}

/** The hand-written package that wraps a vendor's generated client, and what its generated resource bases use. */
export interface Facade {
  /** Package folder, relative to the repo root; the bases go to `src/generated/resources.ts`. */
  packageDir: string;
  /** The context type resources hold (`Resource<Ctx>`). */
  context: TypeImport;
  /** The module exporting `Body`, `Query`, `Result` (and `ListParams`, `Item` for paginated vendors). */
  operationTypes: string;
  /** The per-call options type. */
  requestOptions: TypeImport;
  /** The symbol whose doc comment is the client's one error contract, linked from every generated method. */
  errorContract: string;
  /** An operation without a response body resolves to `void` (true) or to its `Result` type, `undefined` (false). */
  voidWithoutContent: boolean;
  /** Module name of the generated bases in `src/generated/` (default `resources`), when a façade has two specs. */
  resourcesModule?: string;
}

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
  /** The façade whose pass-through methods are generated from the spec's `x-sdk-method` entries. */
  facade: Facade;
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

const coreRequestOptions: TypeImport = { name: "RequestOptions", from: "@openapp/core" };

export const vendors: readonly Vendor[] = [
  {
    name: "openapp",
    title: "OpenApp",
    source: "openapi/openapp/src/openapi.yaml",
    bundle: "openapi/openapp/openapi.json",
    packageDir: "packages/openapp-generated",
    facade: {
      packageDir: "packages/sdk",
      context: { name: "OpenAppContext", from: "../context.js" },
      operationTypes: "../models/operation-types.js",
      requestOptions: { name: "OpenAppRequestOptions", from: "../models/operation-types.js" },
      errorContract: "OpenAppClient",
      voidWithoutContent: false,
    },
  },
  // The 1.0 generation's agent and automation operations: their own spec and package, because
  // they reuse 0.1 operationIds (execute_entity_action, the invite routes) with other shapes.
  {
    name: "openapp-v1",
    title: "OpenAppV1",
    source: "openapi/openapp-v1/openapi.yaml",
    packageDir: "packages/openapp-v1-generated",
    facade: {
      packageDir: "packages/sdk",
      context: { name: "OpenAppV1Context", from: "../context.js" },
      operationTypes: "../models/v1-operation-types.js",
      requestOptions: { name: "OpenAppRequestOptions", from: "../models/v1-operation-types.js" },
      errorContract: "OpenAppClient",
      voidWithoutContent: false,
      resourcesModule: "resources-v1",
    },
  },
  {
    name: "omlet",
    title: "Omlet",
    source: "openapi/omlet/openapi.yaml",
    packageDir: "packages/omlet-generated",
    facade: {
      packageDir: "packages/omlet",
      context: { name: "OmletContext", from: "../context.js" },
      operationTypes: "../models/operation-types.js",
      requestOptions: coreRequestOptions,
      errorContract: "OmletClient",
      voidWithoutContent: true,
    },
  },
  {
    name: "overkiz",
    title: "Overkiz",
    source: "openapi/overkiz/openapi.yaml",
    packageDir: "packages/overkiz-generated",
    facade: {
      packageDir: "packages/overkiz",
      context: { name: "OverkizContext", from: "../context.js" },
      operationTypes: "../models/operation-types.js",
      requestOptions: coreRequestOptions,
      errorContract: "OverkizClient",
      voidWithoutContent: true,
    },
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

/** The façade's generated resource bases, relative to the repo root. */
export const facadeResourcesFile = (vendor: Vendor) => `${vendor.facade.packageDir}/src/generated/${vendor.facade.resourcesModule ?? "resources"}.ts`;

/** The name as a camelCase identifier prefix: `openapp-v1` → `openappV1`. */
export const identifierOf = (vendor: Vendor) => vendor.name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
