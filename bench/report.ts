/** Prints median ratios from vitest's bench JSON: every benchmark against the named baselines. */
import { readFileSync } from "node:fs";

interface BenchResult { name: string; median?: number; p50?: number; mean: number }
interface BenchReport { files: { groups: { fullName: string; benchmarks: BenchResult[] }[] }[] }

const [file = "bench/results.json"] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, "utf8")) as BenchReport;
const median = (b: BenchResult) => b.median ?? b.p50 ?? b.mean;

for (const group of report.files.flatMap((f) => f.groups)) {
  console.log(`\n${group.fullName}`);
  for (const b of group.benchmarks) console.log(`  ${b.name.padEnd(28)} median ${(median(b) * 1000).toFixed(2)} µs`);
  const baselines = group.benchmarks.filter((b) => b.name.startsWith("bare "));
  for (const candidate of group.benchmarks.filter((b) => !b.name.startsWith("bare "))) {
    for (const baseline of baselines) {
      const ratio = median(candidate) / median(baseline);
      console.log(`  ratio ${candidate.name} / ${baseline.name}: ${ratio.toFixed(2)}×`);
    }
  }
}
