/** pnpm mock <vendor> — one Prism mock server in the foreground for offline development. */
import { startPrism } from "@openapp/testing";
import { hasSpec, selectVendors, servedSpec } from "./lib/vendors.js";

async function main() {
  const name = process.argv[2];
  if (!name) throw new Error("usage: pnpm mock <vendor>   (openapp, omlet or overkiz)");
  const [vendor] = selectVendors([name]);
  if (!vendor || !hasSpec(vendor)) throw new Error(`no spec for ${name}`);
  const prism = await startPrism({ spec: servedSpec(vendor) });
  console.log(`${vendor.name} mock listening on ${prism.url}  (Ctrl+C to stop)`);
  const stop = () => void prism.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
