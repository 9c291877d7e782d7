/**
 * The tour: each SDK's main flows against its mock server, printing what it does.
 * `pnpm start` starts the mocks and calls runTour with their URLs; each vendor's
 * flows live in examples/<vendor>.ts and export `tour(baseUrl)`.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cliTour } from "./cli.js";

type VendorTour = (baseUrl: string) => Promise<void>;

async function loadTour(vendor: string): Promise<VendorTour | undefined> {
  const file = fileURLToPath(new URL(`./${vendor}.ts`, import.meta.url));
  if (!existsSync(file)) return undefined;
  const module = (await import(`./${vendor}.js`)) as { tour: VendorTour };
  return module.tour;
}

export async function runTour(mockUrls: Record<string, string>): Promise<void> {
  for (const [vendor, url] of Object.entries(mockUrls)) {
    const tour = await loadTour(vendor);
    if (!tour) {
      console.log(`\n== ${vendor}: no SDK tour yet (examples/${vendor}.ts)`);
      continue;
    }
    console.log(`\n== ${vendor} (mock at ${url})`);
    await tour(url);
  }
  await cliTour(mockUrls);
}
