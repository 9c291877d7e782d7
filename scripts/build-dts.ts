/**
 * Declarations for one package, run after tsup from the package directory (`tsup && tsx ../../scripts/build-dts.ts`).
 * One `tsc --emitDeclarationOnly` pass over the entries named by package.json `exports`, written
 * beside tsup's JavaScript in dist/ (one .d.ts per source file, not a rolled-up bundle), plus a
 * .d.cts twin of each for `require` (relative specifiers rewritten to .cjs). tsup's rollup d.ts
 * bundler needed a type-check per format and a second parse of its output: most of a fresh build
 * for the generated packages (300 kB of schema types, zod inference).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const cwd = process.cwd();
const started = performance.now();
const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { name: string; exports: Record<string, unknown> };

// Every `import.types` of the exports map names a dist/<entry>.d.ts whose source is src/<entry>.ts.
const entries = Object.values(pkg.exports)
  .map((target) => (target as { import?: { types?: string } }).import?.types)
  .filter((types): types is string => typeof types === "string")
  .map((types) => join(cwd, types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts")));

const configPath = join(cwd, "tsconfig.json");
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
if (!parsed) throw new Error(`cannot read ${configPath}`);
const options: ts.CompilerOptions = {
  ...parsed.options,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  declarationMap: false,
  sourceMap: false,
  rootDir: join(cwd, "src"),
  outDir: join(cwd, "dist"),
  // The package tsconfig also types tests and configs; declarations need only the sources.
  composite: false,
  incremental: false,
};

const program = ts.createProgram({ rootNames: entries, options });
const emitted: string[] = [];
const result = program.emit(undefined, (fileName, text) => {
  ts.sys.writeFile(fileName, text);
  emitted.push(fileName);
});
// Only the emit's own diagnostics: `pnpm typecheck` checks the package, this only has to write.
if (result.diagnostics.length > 0) fail(result.diagnostics);

// require() twins: ./x.js → ./x.cjs, so a CommonJS consumer's types resolve to CommonJS declarations.
for (const file of emitted) {
  const text = readFileSync(file, "utf8").replace(/(from\s+|import\()(["'])(\.{1,2}\/[^"']+)\.js\2/g, "$1$2$3.cjs$2");
  writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), text);
}

const ms = Math.round(performance.now() - started);
const count = readdirSync(join(cwd, "dist"), { recursive: true }).filter((f) => String(f).endsWith(".d.ts")).length;
console.log(`${pkg.name}: ${count} declaration files (+ .d.cts twins) from ${entries.map((e) => relative(cwd, e)).join(", ")} in ${ms} ms`);

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => cwd, getNewLine: () => "\n" };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
