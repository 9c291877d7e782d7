import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { abs, repoRoot } from "./vendors.js";

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { source: { ref: string }; pointer: string; start?: { line: number; col: number } }[];
}

const redoclyBin = abs("node_modules/.bin/redocly");

function runRedocly(args: string[]) {
  // NODE_NO_WARNINGS keeps Node's deprecation chatter out of the JSON we parse.
  return spawnSync(redoclyBin, args, {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Redocly's text output minus its boxed Node-version banner and blank lines. */
function withoutBanner(output: string): string {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "" && !/[║╔╚]/.test(line))
    .join("\n  ");
}

/** "file#/json/pointer (line:col): message [rule]" — what a person needs to find the problem. */
function describeProblem(problem: LintProblem): string {
  const where = problem.location[0];
  const file = where ? relative(repoRoot, abs(where.source.ref)) : "?";
  const line = where?.start ? ` (line ${where.start.line}:${where.start.col})` : "";
  return `${file}${where?.pointer ?? ""}${line}: ${problem.message} [${problem.ruleId}]`;
}

/** Lints a spec; returns the problems with severity error, already described. */
export function lintSpec(specPath: string): { errors: string[]; warnings: number } {
  const result = runRedocly(["lint", "--format=json", specPath]);
  const start = result.stdout.indexOf("{");
  // A document that does not even parse gets no JSON report, only redocly's own message.
  if (start < 0) return { errors: [`${relative(repoRoot, specPath)}: ${withoutBanner(result.stdout + result.stderr)}`], warnings: 0 };
  const report = JSON.parse(result.stdout.slice(start)) as { problems: LintProblem[] };
  const errors = report.problems.filter((p) => p.severity === "error").map(describeProblem);
  const warnings = report.problems.length - errors.length;
  return { errors, warnings };
}

/** Bundles a multi-file spec into one JSON document. */
export function bundleSpec(sourcePath: string, outPath: string): unknown {
  const result = runRedocly(["bundle", sourcePath, "--output", outPath, "--ext", "json"]);
  if (result.status !== 0) throw new Error(`redocly bundle failed for ${sourcePath}:\n${result.stderr}`);
  return JSON.parse(readFileSync(outPath, "utf8"));
}
