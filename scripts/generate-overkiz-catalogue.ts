/**
 * pnpm generate:catalogue [--check] — writes (or, with --check, verifies) the Overkiz name catalogue
 * under packages/overkiz/src/catalogue/generated from ../shared/reference/overkiz/catalogues.
 * Skips cleanly when the reference is absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CATALOGUE_DIR, CATALOGUE_SOURCE, catalogueOutputs, hasCatalogueSource } from "./lib/overkiz-catalogue.js";
import { abs } from "./lib/vendors.js";

/** Files that differ from a fresh run (empty when up to date or when the reference is absent). */
export function staleCatalogueFiles(): string[] {
  if (!hasCatalogueSource()) return [];
  const expected = catalogueOutputs();
  const differing = Object.entries(expected)
    .filter(([path, content]) => !existsSync(abs(path)) || readFileSync(abs(path), "utf8") !== content)
    .map(([path]) => path);
  const dir = abs(CATALOGUE_DIR);
  const extra = existsSync(dir)
    ? readdirSync(dir)
        .map((name) => `${CATALOGUE_DIR}/${name}`)
        .filter((path) => !(path in expected))
    : [];
  return [...differing, ...extra.map((path) => `${path} (not produced by the generator)`)];
}

export function writeCatalogue(): number {
  if (!hasCatalogueSource()) {
    console.log(`overkiz catalogue: no reference at ${CATALOGUE_SOURCE}, skipped`);
    return 0;
  }
  const outputs = catalogueOutputs();
  const dir = abs(CATALOGUE_DIR);
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (!(`${CATALOGUE_DIR}/${name}` in outputs)) rmSync(join(dir, name));
  for (const [path, content] of Object.entries(outputs)) {
    mkdirSync(dirname(abs(path)), { recursive: true });
    writeFileSync(abs(path), content);
  }
  console.log(`overkiz catalogue: generated ${Object.keys(outputs).length} files`);
  return Object.keys(outputs).length;
}

const isMain = process.argv[1] !== undefined && /generate-overkiz-catalogue\.ts$/.test(process.argv[1]);
if (isMain) {
  if (process.argv.includes("--check")) {
    const stale = staleCatalogueFiles();
    if (stale.length > 0) {
      console.error(`overkiz catalogue is out of date; run \`pnpm generate\` and commit:\n  ${stale.join("\n  ")}`);
      process.exit(1);
    }
    console.log(hasCatalogueSource() ? "overkiz catalogue is up to date" : "overkiz catalogue: no reference, check skipped");
  } else {
    writeCatalogue();
  }
}
