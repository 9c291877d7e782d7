/** pnpm start — run the tour: a Prism mock per vendor spec, each SDK's main flows against it, then stop. */
import { startPrism, type PrismServer } from "@openapp/testing";
import { runTour } from "../examples/tour.js";
import { hasSpec, servedSpec, vendors } from "./lib/vendors.js";

async function main() {
  const mocks = new Map<string, PrismServer>();
  try {
    for (const vendor of vendors.filter(hasSpec)) {
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
    console.error(error);
    process.exitCode = 1;
  },
);
