import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import YAML from "yaml";
import { bundleSpec, lintSpec } from "./redocly.js";
import { appendResponseSchemas, generateOperationTable, generateRawClient, generateTypes, generateZod, generateZodPeer } from "./codegen.js";
import { generateResourceBases } from "./resource-codegen.js";
import { abs, facadeResourcesFile, type Vendor } from "./vendors.js";

export class SpecError extends Error {}

/** Every output of one vendor's pipeline: repo-relative path → content. */
export type Outputs = Record<string, string>;

function readSpec(path: string): Record<string, any> {
  const text = readFileSync(path, "utf8");
  return path.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
}

/** Lint, bundle and generate one vendor in memory; nothing in the repo is touched. */
export async function runPipeline(vendor: Vendor): Promise<Outputs> {
  const source = abs(vendor.source);
  const { errors } = lintSpec(source);
  if (errors.length > 0) {
    throw new SpecError(`${vendor.source} is invalid (${errors.length} error(s)):\n  ${errors.join("\n  ")}`);
  }
  const outputs: Outputs = {};
  let specPath = source;
  const scratch = mkdtempSync(join(tmpdir(), `openapp-${vendor.name}-`));
  try {
    if (vendor.bundle) {
      specPath = join(scratch, "openapi.json");
      const bundled = bundleSpec(source, specPath);
      outputs[vendor.bundle] = `${JSON.stringify(bundled, null, 2)}\n`;
    }
    const spec = readSpec(specPath);
    const generated = `${vendor.packageDir}/src/generated`;
    outputs[`${generated}/schema.ts`] = await generateTypes(spec);
    outputs[`${generated}/zod.ts`] = appendResponseSchemas(await generateZod(specPath), spec);
    const zodPeer = generateZodPeer(vendor);
    outputs[`${generated}/zod-peer.ts`] = zodPeer.esm;
    outputs[`${generated}/zod-peer.require.ts`] = zodPeer.cjs;
    outputs[`${generated}/operations.ts`] = generateOperationTable(spec);
    outputs[`${generated}/client.ts`] = generateRawClient(vendor, spec);
    outputs[facadeResourcesFile(vendor)] = generateResourceBases(spec, vendor.facade);
    return outputs;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
