/** pnpm spec:lint — redocly lint of every vendor spec; prints file#pointer for each problem. */
import { lintSpec } from "./lib/redocly.js";
import { abs, hasSpec, selectVendors } from "./lib/vendors.js";

let failed = false;
for (const vendor of selectVendors(process.argv.slice(2))) {
  if (!hasSpec(vendor)) continue;
  const { errors, warnings } = lintSpec(abs(vendor.source));
  console.log(`${vendor.name}: ${errors.length} error(s), ${warnings} warning(s)`);
  for (const error of errors) console.error(`  ${error}`);
  failed ||= errors.length > 0;
}
process.exit(failed ? 1 : 0);
