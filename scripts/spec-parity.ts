/**
 * Wire-parity check between the project's OpenApp specs and the vendor's published files: the 0.1
 * spec against the published bundle, and the 1.0 spec (openapi/openapp-v1) against the vendor's agent
 * file `openapi-agent.json`. Each comparison is skipped when its reference file is absent.
 *
 *   pnpm spec:parity            compares openapi/openapp/openapi.json (bundled on the fly when missing)
 *   pnpm spec:parity --fresh    bundles openapi/openapp/src/openapi.yaml first, ignoring openapi.json
 *   pnpm spec:parity --verbose  also prints the differences excused by DEVIATIONS.md
 *
 * For every operation of the bundle it compares method, path, tag, security, parameters (name, in,
 * required, schema type), request body (presence, required flag, media types, required fields) and
 * response status codes. Differences listed in the yaml block of openapi/openapp/DEVIATIONS.md are
 * excused (openapi/openapp-v1/DEVIATIONS.md for the 1.0 spec). Exits 1 when an operation has an
 * unexcused difference.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { abs, repoRoot } from "./lib/vendors";

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

interface WireParameter {
  name: string;
  in: string;
  required: boolean;
  type: string;
}

interface WireBody {
  required: boolean;
  mediaTypes: string[];
  requiredFields: Record<string, string[]>;
}

interface WireOperation {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  security: string;
  parameters: Map<string, WireParameter>;
  body: WireBody | null;
  statusCodes: string[];
  source: string | null;
}

interface Mismatch {
  aspect: string;
  bundle: string;
  project: string;
}

interface Deviation {
  operationId: string;
  aspect: string;
  reason: string;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const REFERENCE_DIR = resolve(repoRoot, "../shared/reference/openapp");

/** One project spec and the vendor file it must match on the wire. */
interface Comparison {
  label: string;
  reference: string;
  deviations: string;
  load(fresh: boolean): { spec: JsonObject; origin: string };
}

const PROJECT_BUNDLE = abs("openapi/openapp/openapi.json");
const PROJECT_SOURCE = abs("openapi/openapp/src/openapi.yaml");
const V1_SOURCE = abs("openapi/openapp-v1/openapi.yaml");

const COMPARISONS: Comparison[] = [
  {
    label: "openapp parity",
    reference: join(REFERENCE_DIR, "openapi.json"),
    deviations: abs("openapi/openapp/DEVIATIONS.md"),
    load: loadProjectSpec,
  },
  {
    label: "openapp 1.0 parity",
    reference: join(REFERENCE_DIR, "openapi-agent.json"),
    deviations: abs("openapi/openapp-v1/DEVIATIONS.md"),
    load: () => ({ spec: parseYaml(readFileSync(V1_SOURCE, "utf8")) as JsonObject, origin: relative(repoRoot, V1_SOURCE) }),
  },
];

// ---------------------------------------------------------------- loading

function readJson(path: string): JsonObject {
  return JSON.parse(readFileSync(path, "utf8")) as JsonObject;
}

function bundleSource(): JsonObject {
  const dir = mkdtempSync(join(tmpdir(), "openapp-parity-"));
  const output = join(dir, "openapi.json");
  try {
    const redocly = abs("node_modules/.bin/redocly");
    execFileSync(redocly, ["bundle", PROJECT_SOURCE, "-o", output], { cwd: repoRoot, stdio: "pipe" });
    return readJson(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadProjectSpec(fresh: boolean): { spec: JsonObject; origin: string } {
  if (!fresh && existsSync(PROJECT_BUNDLE)) return { spec: readJson(PROJECT_BUNDLE), origin: relative(repoRoot, PROJECT_BUNDLE) };
  return { spec: bundleSource(), origin: `${relative(repoRoot, PROJECT_SOURCE)} (bundled now)` };
}

/** The machine-readable part of DEVIATIONS.md: the fenced yaml block holding `deviations:`. */
function loadDeviations(path: string): Deviation[] {
  if (!existsSync(path)) return [];
  const blocks = [...readFileSync(path, "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  const block = blocks.find((text) => /^deviations:/m.test(text));
  if (block === undefined) return [];
  const parsed = parseYaml(block) as { deviations?: unknown };
  if (!Array.isArray(parsed.deviations)) throw new Error(`${path}: "deviations" must be a list`);
  return parsed.deviations.map((entry, index) => toDeviation(entry, `${path}: deviations[${index}]`));
}

function toDeviation(entry: unknown, where: string): Deviation {
  const record = (entry ?? {}) as Record<string, unknown>;
  const { operationId, aspect, reason } = record;
  if (typeof operationId !== "string" || typeof aspect !== "string" || typeof reason !== "string" || reason.trim() === "") {
    throw new Error(`${where} needs string operationId, aspect and a non-empty reason`);
  }
  return { operationId, aspect, reason };
}

// ---------------------------------------------------------------- describing operations

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s until a concrete object is reached. */
function deref(spec: JsonObject, node: Json | undefined): JsonObject | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref loop at ${current.$ref}`);
    current = pointer(spec, current.$ref);
  }
  return isObject(current) ? current : undefined;
}

function pointer(spec: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), spec);
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** Type of a schema after resolving `$ref`s; unions become `a|b`, an unconstrained schema is `any`. */
function schemaType(spec: JsonObject, node: Json | undefined): string {
  const schema = deref(spec, node);
  if (schema === undefined) return "any";
  if (schema.type !== undefined) return sortedUnique(asArray([schema.type].flat()).map(String)).join("|");
  const branches = asArray(schema.oneOf ?? schema.anyOf);
  if (branches.length > 0) return sortedUnique(branches.flatMap((branch) => schemaType(spec, branch).split("|"))).join("|");
  const typed = asArray(schema.allOf).map((part) => schemaType(spec, part)).find((type) => type !== "any");
  return typed ?? "any";
}

/** Required property names of an object schema, including those of its allOf parts. */
function requiredFields(spec: JsonObject, node: Json | undefined): string[] {
  const schema = deref(spec, node);
  if (schema === undefined) return [];
  const own = asArray(schema.required).map(String);
  const inherited = asArray(schema.allOf).flatMap((part) => requiredFields(spec, part));
  return sortedUnique([...own, ...inherited]);
}

function describeParameter(spec: JsonObject, node: Json): WireParameter {
  const parameter = deref(spec, node) ?? {};
  return {
    name: String(parameter.name),
    in: String(parameter.in),
    required: parameter.required === true,
    type: schemaType(spec, parameter.schema),
  };
}

/** Parameters keyed by name; header names are case-insensitive on the wire. */
function describeParameters(spec: JsonObject, operation: JsonObject): Map<string, WireParameter> {
  const parameters = asArray(operation.parameters).map((node) => describeParameter(spec, node));
  return new Map(parameters.map((parameter) => [parameterKey(parameter), parameter]));
}

function parameterKey(parameter: WireParameter): string {
  return parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
}

function describeBody(spec: JsonObject, operation: JsonObject): WireBody | null {
  const body = deref(spec, operation.requestBody);
  if (body === undefined) return null;
  const content = isObject(body.content) ? body.content : {};
  const requiredByMediaType = Object.entries(content).map(([mediaType, media]) => {
    const schema = isObject(media) ? media.schema : undefined;
    return [mediaType, requiredFields(spec, schema)] as const;
  });
  return {
    required: body.required === true,
    mediaTypes: Object.keys(content).sort(),
    requiredFields: Object.fromEntries(requiredByMediaType),
  };
}

function describeSecurity(spec: JsonObject, operation: JsonObject): string {
  const requirements = asArray(operation.security ?? spec.security);
  const schemes = requirements.flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : []));
  return schemes.length === 0 ? "none" : sortedUnique(schemes).join(",");
}

function describeOperation(spec: JsonObject, method: string, path: string, operation: JsonObject): WireOperation {
  const source = operation["x-openapp-source"];
  return {
    operationId: String(operation.operationId),
    method: method.toUpperCase(),
    path,
    tag: asArray(operation.tags).map(String).join(","),
    security: describeSecurity(spec, operation),
    parameters: describeParameters(spec, operation),
    body: describeBody(spec, operation),
    statusCodes: Object.keys(isObject(operation.responses) ? operation.responses : {}).sort(),
    source: typeof source === "string" ? source : null,
  };
}

function describeOperations(spec: JsonObject): Map<string, WireOperation> {
  const operations = new Map<string, WireOperation>();
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = deref(spec, item) ?? {};
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const described = describeOperation(spec, method, path, operation);
      operations.set(described.operationId, described);
    }
  }
  return operations;
}

// ---------------------------------------------------------------- comparing

function differ(aspect: string, bundle: string, project: string): Mismatch[] {
  return bundle === project ? [] : [{ aspect, bundle, project }];
}

function compareParameters(bundle: WireOperation, project: WireOperation): Mismatch[] {
  const keys = sortedUnique([...bundle.parameters.keys(), ...project.parameters.keys()]);
  return keys.flatMap((key) => {
    const expected = bundle.parameters.get(key);
    const actual = project.parameters.get(key);
    const aspect = `parameters.${expected?.name ?? actual?.name ?? key}`;
    if (expected === undefined) return differ(aspect, "absent", `${actual?.in} parameter`);
    if (actual === undefined) return differ(aspect, `${expected.in} parameter`, "absent");
    return [
      ...differ(`${aspect}.in`, expected.in, actual.in),
      ...differ(`${aspect}.required`, String(expected.required), String(actual.required)),
      ...differ(`${aspect}.type`, expected.type, actual.type),
    ];
  });
}

function compareBodies(bundle: WireBody | null, project: WireBody | null): Mismatch[] {
  if (bundle === null || project === null) {
    return differ("requestBody", bundle === null ? "absent" : "present", project === null ? "absent" : "present");
  }
  const shared = bundle.mediaTypes.filter((mediaType) => project.mediaTypes.includes(mediaType));
  return [
    ...differ("requestBody.required", String(bundle.required), String(project.required)),
    ...differ("requestBody.mediaTypes", bundle.mediaTypes.join(","), project.mediaTypes.join(",")),
    ...shared.flatMap((mediaType) =>
      differ(
        `requestBody.requiredFields.${mediaType}`,
        (bundle.requiredFields[mediaType] ?? []).join(","),
        (project.requiredFields[mediaType] ?? []).join(","),
      ),
    ),
  ];
}

function compareStatusCodes(bundle: WireOperation, project: WireOperation): Mismatch[] {
  const codes = sortedUnique([...bundle.statusCodes, ...project.statusCodes]);
  return codes.flatMap((code) =>
    differ(`responses.${code}`, bundle.statusCodes.includes(code) ? "declared" : "absent", project.statusCodes.includes(code) ? "declared" : "absent"),
  );
}

function compareOperation(bundle: WireOperation, project: WireOperation | undefined): Mismatch[] {
  if (project === undefined) return differ("operation", `${bundle.method} ${bundle.path}`, "absent");
  return [
    ...differ("method", bundle.method, project.method),
    ...differ("path", bundle.path, project.path),
    ...differ("tag", bundle.tag, project.tag),
    ...differ("security", bundle.security, project.security),
    ...compareParameters(bundle, project),
    ...compareBodies(bundle.body, project.body),
    ...compareStatusCodes(bundle, project),
  ];
}

/** A deviation excuses its aspect and everything under it (`parameters.q` covers `parameters.q.type`). */
function excuses(deviation: Deviation, operationId: string, mismatch: Mismatch): boolean {
  return deviation.operationId === operationId && (mismatch.aspect === deviation.aspect || mismatch.aspect.startsWith(`${deviation.aspect}.`));
}

// ---------------------------------------------------------------- reporting

interface OperationVerdict {
  operation: WireOperation;
  unexcused: Mismatch[];
  excused: Mismatch[];
}

function judge(bundleOps: Map<string, WireOperation>, projectOps: Map<string, WireOperation>, deviations: Deviation[]) {
  const used = new Set<Deviation>();
  const verdicts: OperationVerdict[] = [...bundleOps.values()].map((operation) => {
    const mismatches = compareOperation(operation, projectOps.get(operation.operationId));
    const excusedBy = (mismatch: Mismatch) => deviations.find((deviation) => excuses(deviation, operation.operationId, mismatch));
    for (const mismatch of mismatches) {
      const deviation = excusedBy(mismatch);
      if (deviation) used.add(deviation);
    }
    return {
      operation,
      unexcused: mismatches.filter((mismatch) => !excusedBy(mismatch)),
      excused: mismatches.filter((mismatch) => excusedBy(mismatch)),
    };
  });
  return { verdicts, unused: deviations.filter((deviation) => !used.has(deviation)) };
}

function formatMismatch(mismatch: Mismatch): string {
  return `${mismatch.aspect}: bundle ${mismatch.bundle}, project ${mismatch.project}`;
}

function printMismatches(verdicts: OperationVerdict[], verbose: boolean): void {
  for (const { operation, unexcused, excused } of verdicts) {
    const failing = unexcused.map((mismatch) => `✗ ${formatMismatch(mismatch)}`);
    const tolerated = verbose ? excused.map((mismatch) => `~ ${formatMismatch(mismatch)} (excused)`) : [];
    const shown = [...failing, ...tolerated];
    if (shown.length === 0) continue;
    console.log(`${operation.operationId} (${operation.method} ${operation.path})`);
    for (const line of shown) console.log(`  ${line}`);
  }
}

function printExtras(bundleOps: Map<string, WireOperation>, projectOps: Map<string, WireOperation>): void {
  const extras = [...projectOps.values()].filter((operation) => !bundleOps.has(operation.operationId));
  if (extras.length === 0) return;
  console.log(`operations only in the project spec (${extras.length}):`);
  for (const operation of extras) {
    const source = operation.source ? ` x-openapp-source: ${operation.source}` : "";
    console.log(`  + ${operation.method} ${operation.path} ${operation.operationId} [${operation.tag}]${source}`);
  }
}

function printUnusedDeviations(unused: Deviation[]): void {
  for (const deviation of unused) {
    console.log(`warning: DEVIATIONS.md excuses ${deviation.operationId} ${deviation.aspect}, but that aspect no longer differs`);
  }
}

function compare(comparison: Comparison, argv: string[]): boolean {
  if (!existsSync(comparison.reference)) {
    console.log(`${comparison.label}: skipped, no published file at ${comparison.reference}`);
    return true;
  }
  const { spec: projectSpec, origin } = comparison.load(argv.includes("--fresh"));
  const deviations = loadDeviations(comparison.deviations);
  const bundleOps = describeOperations(readJson(comparison.reference));
  const projectOps = describeOperations(projectSpec);
  const { verdicts, unused } = judge(bundleOps, projectOps, deviations);
  const matching = verdicts.filter((verdict) => verdict.unexcused.length === 0).length;
  const excusedCount = verdicts.reduce((sum, verdict) => sum + verdict.excused.length, 0);

  console.log(`comparing ${origin} with ${relative(repoRoot, comparison.reference)}`);
  printMismatches(verdicts, argv.includes("--verbose"));
  printExtras(bundleOps, projectOps);
  printUnusedDeviations(unused);
  console.log(`${excusedCount} differences excused by ${relative(repoRoot, comparison.deviations)} (${deviations.length} entries)`);
  console.log(`${comparison.label}: ${matching}/${bundleOps.size} operations match`);
  return matching === bundleOps.size;
}

function main(argv: string[]): number {
  const results = COMPARISONS.map((comparison) => compare(comparison, argv));
  return results.every(Boolean) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
