/** pnpm check:generated — regenerate in memory and fail, naming the files, when committed output differs. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { runPipeline } from "./lib/pipeline.js";
import { abs, facadeResourcesFile, hasSpec, selectVendors, type Vendor, vendors } from "./lib/vendors.js";
import { staleVendorGeneratorFiles } from "./lib/vendor-generators.js";

/**
 * Files in the generated package's and the façade's `src/generated/`: the generator owns both
 * folders. A façade with two specs (OpenApp 0.1 and 1.0) holds one bases module per spec.
 */
function committedFiles(vendor: Vendor): string[] {
  const otherSpecs = new Set(vendors.filter((other) => other !== vendor).map(facadeResourcesFile));
  return [vendor.packageDir, vendor.facade.packageDir].flatMap((packageDir) => {
    const dir = abs(`${packageDir}/src/generated`);
    const files = existsSync(dir) ? readdirSync(dir).map((name) => `${packageDir}/src/generated/${name}`) : [];
    return files.filter((path) => !otherSpecs.has(path));
  });
}

async function staleFiles(vendor: Vendor): Promise<string[]> {
  const expected = await runPipeline(vendor);
  const differing = Object.entries(expected)
    .filter(([path, content]) => !existsSync(abs(path)) || readFileSync(abs(path), "utf8") !== content)
    .map(([path]) => path);
  const extra = committedFiles(vendor).filter((path) => !(path in expected));
  return [...differing, ...extra.map((path) => `${path} (not produced by the generator)`)];
}

async function main() {
  const stale: string[] = [];
  for (const vendor of selectVendors(process.argv.slice(2))) {
    if (!hasSpec(vendor)) continue;
    stale.push(...(await staleFiles(vendor)));
    // A generator whose source is absent (the Overkiz catalogue without ../shared/reference) is skipped, never failing.
    for (const generator of vendor.generators ?? []) stale.push(...(await staleVendorGeneratorFiles(generator)));
  }
  if (stale.length > 0) {
    console.error(`generated output is out of date; run \`pnpm generate\` and commit:\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
  console.log("generated output is up to date");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
