/**
 * pnpm start [vendor...] — the tour: a Prism mock per chosen vendor (all by default), each SDK's
 * main flows against it, then stop.
 */
import { startPrism, type PrismServer } from "@openapp/testing";
import { runTour } from "../examples/tour.js";
import { hasSpec, selectVendors, servedSpec } from "./lib/vendors.js";

async function main() {
  const chosen = selectVendors(process.argv.slice(2)).filter(hasSpec);
  const mocks = new Map<string, PrismServer>();
  try {
    for (const vendor of chosen) {
      const prism = await startPrism({ spec: servedSpec(vendor) });
      mocks.set(vendor.name, prism);
      console.log(`${vendor.name} mock: ${prism.url}`);
    }
    await runTour(Object.fromEntries([...mocks].map(([name, prism]) => [name, prism.url])));
  } finally {
    await Promise.all([...mocks.values()].map((prism) => prism.stop()));
  }
}

main().then(
  () => console.log("tour finished, mocks stopped"),
  (error: unknown) => {
    console.error(error instanceof Error && /unknown vendor/.test(error.message) ? error.message : error);
    process.exitCode = 1;
  },
);
