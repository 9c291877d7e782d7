/** Runs and checks the vendors' own generators (`Vendor.generators`) for `pnpm generate` and `pnpm check:generated`. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type VendorGenerator, abs } from "./vendors.js";

/** Writes the generator's files and removes the others in its folder; logs a skip when its source is absent. */
export async function runVendorGenerator(generator: VendorGenerator): Promise<void> {
  const outputs = await generator.outputs();
  if (!outputs) {
    console.log(`${generator.name}: no source, skipped (the committed files stay)`);
    return;
  }
  const dir = abs(generator.dir);
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (!(`${generator.dir}/${name}` in outputs)) rmSync(join(dir, name));
  for (const [path, content] of Object.entries(outputs)) {
    mkdirSync(dirname(abs(path)), { recursive: true });
    writeFileSync(abs(path), content);
  }
  console.log(`${generator.name}: generated ${Object.keys(outputs).length} files`);
}

/** Files that differ from a fresh run; empty when up to date or when the generator's source is absent. */
export async function staleVendorGeneratorFiles(generator: VendorGenerator): Promise<string[]> {
  const expected = await generator.outputs();
  if (!expected) {
    console.log(`${generator.name}: no source, check skipped`);
    return [];
  }
  const differing = Object.entries(expected)
    .filter(([path, content]) => !existsSync(abs(path)) || readFileSync(abs(path), "utf8") !== content)
    .map(([path]) => path);
  const dir = abs(generator.dir);
  const extra = existsSync(dir)
    ? readdirSync(dir)
        .map((name) => `${generator.dir}/${name}`)
        .filter((path) => !(path in expected))
    : [];
  return [...differing, ...extra.map((path) => `${path} (not produced by the generator)`)];
}
