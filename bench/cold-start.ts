/**
 * Cold start: a fresh `node` that imports a client and constructs it, SDK against openapi-fetch
 * alone (budget: at most 40 ms more). Child processes run alternately; the median of each is printed.
 *
 *   tsx bench/cold-start.ts [runs]
 */
import { spawnSync } from "node:child_process";

const runs = Number(process.argv[2] ?? 9);
const programs = {
  "openapi-fetch": `import("openapi-fetch").then((m) => { m.default({ baseUrl: "https://api.example.test/api/v1" }); })`,
  "@openapp/sdk": `import("@openapp/sdk").then((m) => { new m.OpenAppClient({ apiKey: "https://api.example.test/api/v1_openapp_cold-start-0001", org: "o" }); })`,
  "@openapp/omlet": `import("@openapp/omlet").then((m) => { new m.OmletClient({ apiKey: "cold-start-0001" }); })`,
  "@openapp/overkiz": `import("@openapp/overkiz").then((m) => { new m.OverkizClient({ server: "somfy_europe", credentials: { token: "cold-start-0001" } }); })`,
};

function once(source: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["-e", source], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`cold start program failed: ${source}`);
  return performance.now() - started;
}

const times: Record<string, number[]> = Object.fromEntries(Object.keys(programs).map((name) => [name, []]));
once(programs["openapi-fetch"]); // file cache warm-up
for (let run = 0; run < runs; run++) for (const [name, source] of Object.entries(programs)) times[name]?.push(once(source));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const base = median(times["openapi-fetch"] as number[]);
console.log(`\nCold start: node -e import + construct (median of ${runs} child processes; budget sdk ≤ openapi-fetch + 40 ms)`);
for (const [name, values] of Object.entries(times)) {
  const ms = median(values);
  console.log(`  ${name.padEnd(18)} ${ms.toFixed(0).padStart(5)} ms${name === "openapi-fetch" ? "" : `  (+${(ms - base).toFixed(0)} ms)`}`);
}
