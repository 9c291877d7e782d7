/** pnpm generate [vendor…] — lint, bundle and generate the typed clients of each vendor spec. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SpecError, runPipeline } from "./lib/pipeline.js";
import { writeFileSet } from "./lib/codegen.js";
import { abs, generatedDir, hasSpec, selectVendors } from "./lib/vendors.js";
import { runVendorGenerator } from "./lib/vendor-generators.js";

async function main(names: string[]) {
  for (const vendor of selectVendors(names)) {
    if (!hasSpec(vendor)) {
      console.log(`${vendor.name}: no spec at ${vendor.source}, skipped`);
      continue;
    }
    const outputs = await runPipeline(vendor);
    const generatedPrefix = `${vendor.packageDir}/src/generated/`;
    const generated = Object.entries(outputs).filter(([path]) => path.startsWith(generatedPrefix));
    writeFileSet(generatedDir(vendor), Object.fromEntries(generated.map(([p, c]) => [p.slice(generatedPrefix.length), c])));
    for (const [path, content] of Object.entries(outputs)) {
      if (path.startsWith(generatedPrefix)) continue;
      mkdirSync(dirname(abs(path)), { recursive: true });
      writeFileSync(abs(path), content);
    }
    console.log(`${vendor.name}: generated ${Object.keys(outputs).length} files`);
    for (const generator of vendor.generators ?? []) await runVendorGenerator(generator);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof SpecError ? error.message : error);
  process.exit(1);
});
