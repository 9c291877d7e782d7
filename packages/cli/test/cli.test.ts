/**
 * The built CLI as a user runs it: a child process against the Prism mocks (through a recording
 * loopback proxy where a test counts requests), with a scratch XDG config home. Every run's
 * output is scanned for the configured secrets.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ScriptedServer } from "@openapp/testing";
import { allCommands, buildProgram } from "../src/program.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BIN,
  OMLET_KEY,
  OPENAPP_SECRET,
  OVERKIZ_PASSWORD,
  cliEnv,
  expectNoSecrets,
  prismUrls,
  type RecordingProxy,
  recordingProxy,
  runCli,
  runInTerminal,
  scratchConfigHome,
  startCli,
  waitForOutput,
} from "./helpers.js";

const home = scratchConfigHome();
let env: NodeJS.ProcessEnv;
let overkiz: RecordingProxy;
const execs = () => overkiz.requests.filter((r) => r.method === "POST" && r.path === "/exec/apply").length;

beforeAll(async () => {
  const urls = prismUrls();
  overkiz = await recordingProxy(urls.overkiz);
  // OpenApp and Omlet through the SDKs' environment variables, Overkiz through a profile written by
  // the CLI itself (the password on stdin, as the README tells users to).
  env = cliEnv(home.dir, {
    OPENAPP_API_KEY: `https://api.openapp.test/api/v1_openapp_${OPENAPP_SECRET}`,
    OPENAPP_BASE_URL: urls.openapp,
    OPENAPP_ORG: "01HZX3K8Q2V7N4M6P9R5T1W0YB",
    OMLET_API_KEY: OMLET_KEY,
    OMLET_BASE_URL: urls.omlet,
  });
  const settings: [string, string[], string?][] = [
    ["overkiz.server", [overkiz.url]],
    ["overkiz.username", ["jane.doe@example.com"]],
    ["overkiz.password", [], `${OVERKIZ_PASSWORD}\n`],
  ];
  for (const [name, value, input] of settings) {
    const result = await runCli(["config", "set", name, ...value], env, input);
    expect(result.code, result.stderr).toBe(0);
  }
});

afterAll(async () => {
  await overkiz?.stop();
  home.remove();
});

describe("configuration", () => {
  it("keeps profiles in the XDG config home, file 0600 in a 0700 directory", () => {
    // Written by the CLI in beforeAll.
    const file = join(home.dir, "openapp-cli", "config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.dir, "openapp-cli")).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8")).profiles.default["overkiz.username"]).toBe("jane.doe@example.com");
  });

  it("shows settings with secrets masked and says where each comes from", async () => {
    const result = await runCli(["config", "show", "--json"], env);
    expect(result.code).toBe(0);
    const settings = JSON.parse(result.stdout).settings as { setting: string; value: string | null; source: string | null }[];
    expect(settings.find((s) => s.setting === "overkiz.password")).toMatchObject({ value: "***", source: "profile" });
    expect(settings.find((s) => s.setting === "omlet.apiKey")).toMatchObject({ value: "***", source: "env" });
    expect(settings.find((s) => s.setting === "overkiz.username")).toMatchObject({ value: "jane.doe@example.com" });
  });

  it("--profile selects another profile; an empty one is a configuration error (exit 2) naming the fix", async () => {
    const result = await runCli(["--profile", "work", "overkiz", "devices"], env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: no Overkiz server: set OVERKIZ_SERVER or run `openapp-cli config set overkiz.server/);
  });

  it("refuses an unknown setting and unknown commands with exit 2", async () => {
    expect((await runCli(["config", "set", "omlet.apikey", "x"], env)).code).toBe(2);
    const unknown = await runCli(["overkiz", "bogus"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'bogus'/);
  });
});

describe.concurrent("read commands", () => {
  it("lists OpenApp devices and entities as JSON and as a table", async () => {
    const devices = await runCli(["openapp", "devices", "--json"], env);
    expect(devices.code, devices.stderr).toBe(0);
    const parsed = JSON.parse(devices.stdout) as { id: string; integration_id: string }[];
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed[0]).toHaveProperty("integration_id");
    const table = await runCli(["openapp", "entities"], env);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+TYPE\s+NAME\s+DEVICE\s+ZONE$/);
  });

  it("lists Omlet devices and groups, Overkiz devices, gateways and places", async () => {
    const omlet = await runCli(["omlet", "devices", "--json"], env);
    expect(omlet.code, omlet.stderr).toBe(0);
    expect((JSON.parse(omlet.stdout) as { deviceId: string }[]).every((d) => typeof d.deviceId === "string")).toBe(true);
    expect((await runCli(["omlet", "groups"], env)).stdout).toMatch(/^ID\s+NAME/);
    const devices = await runCli(["overkiz", "devices", "--json"], env);
    expect(devices.code, devices.stderr).toBe(0);
    expect((JSON.parse(devices.stdout) as { deviceURL: string }[]).map((d) => d.deviceURL)).toContain("io://0815-4711-2301/6112754");
    expect((await runCli(["overkiz", "gateways"], env)).stdout).toMatch(/^GATEWAY\s+TYPE/);
    expect((await runCli(["overkiz", "places", "--json"], env)).code).toBe(0);
  });

  it("shows one Overkiz device by label with the commands it accepts", async () => {
    const result = await runCli(["overkiz", "device", "living room shutter", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ deviceURL: "io://0815-4711-2301/6112754", commands: expect.arrayContaining(["setClosure"]) });
  });

  it("an API error is exit 1 with one line: the typed error, its status and the request id", async () => {
    const api = (await ScriptedServer.start()).otherwise({ status: 404, headers: { "x-request-id": "req_7c1d" }, body: { message: "entity not found", error_code: "not_found" } });
    try {
      const result = await runCli(["openapp", "entity", "01HZX7A1D5G9K3P7S1W5Z9C3F7"], { ...env, OPENAPP_BASE_URL: api.origin });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim()).toMatch(/^error: NotFoundError \(404, not_found\): .*entity not found.* \[request id req_7c1d\]$/);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      // The key reached the server (it is the credential) but was never printed.
      expect(api.requests[0]?.headers.authorization).toContain(OPENAPP_SECRET);
    } finally {
      await api.close();
    }
  });

  it("--verbose logs each request on stderr without a secret", async () => {
    const result = await runCli(["--verbose", "overkiz", "gateways"], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\[debug\].*GET/);
  });
});

describe("actions", () => {
  const exec = ["overkiz", "exec", "Living room shutter", "setClosure", "40"];

  it("--dry-run prints the exact request, credentials masked, and sends nothing", async () => {
    const before = execs();
    const result = await runCli([...exec, "--dry-run", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    const { request } = JSON.parse(result.stdout) as { request: { method: string; url: string; headers: Record<string, string>; body: unknown } };
    expect(request).toMatchObject({ method: "POST", url: `${overkiz.url}/exec/apply` });
    expect(request.body).toEqual({ label: "openapp-cli setClosure", actions: [{ deviceURL: "io://0815-4711-2301/6112754", commands: [{ name: "setClosure", parameters: [40] }] }] });
    expect(request.headers.cookie).toBe("***");
    expect(execs()).toBe(before);
  });

  it("checks the command against the device before asking or sending (exit 2)", async () => {
    const before = execs();
    const result = await runCli(["overkiz", "exec", "Living room shutter", "setClosure", "140", "--yes"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: ValidationError: .*setClosure parameter 1 must be an integer from 0 to 100/);
    expect(result.stderr).not.toMatch(/Will execute/);
    expect(execs()).toBe(before);
  });

  it("without a terminal and without --yes nothing is sent (exit 2)", async () => {
    const before = execs();
    const result = await runCli(exec, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pass --yes/);
    expect(execs()).toBe(before);
  });

  it("--yes sends the action exactly once and prints its result", async () => {
    const before = execs();
    const result = await runCli([...exec, "--yes", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ execId: expect.any(String), command: "setClosure", parameters: [40] });
    expect(execs()).toBe(before + 1);
  });

  it("on a terminal it asks: yes sends once, no sends nothing (exit 1)", async () => {
    // util-linux `script` gives the CLI a pseudo-terminal and types the answer into it.
    const answer = (text: string) => runInTerminal(`${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} overkiz exec 'Living room shutter' setClosure 40`, env, `${text}\n`);
    const before = execs();
    const declined = await answer("n");
    expect(declined.code).toBe(1);
    expect(declined.stdout).toMatch(/Proceed\? \[y\/N\][\s\S]*cancelled: nothing was sent/);
    expect(execs()).toBe(before);
    const accepted = await answer("y");
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(execs()).toBe(before + 1);
  });

  it("Omlet and OpenApp actions: dry run shows the request, --yes sends it", async () => {
    const door = await runCli(["omlet", "door", "Hen house", "close", "--dry-run"], env);
    expect(door.code, door.stderr).toBe(0);
    expect(door.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/device\/Hq3vKd81ZsPwT0bN\/action\/close\nauthorization: \*\*\*$/m);
    expect((await runCli(["omlet", "light", "Hen house", "blink", "--yes"], env)).code).toBe(2);
    const open = await runCli(["openapp", "action", "01HZX7A1D5G9K3P7S1W5Z9C3F7", "open", "--yes", "--json"], env);
    expect(open.code, open.stderr).toBe(0);
    expect(JSON.parse(open.stdout)).toMatchObject({ ok: true, action_id: "switchable.open" });
  });
});

describe("watch, diagnostics, completion", () => {
  it("overkiz watch streams NDJSON and stops cleanly on Ctrl-C, unregistering its listener", async () => {
    const run = startCli(["overkiz", "watch", "--json"], env);
    await waitForOutput(run.child, run.stderrText, /watching \d+ Overkiz devices/);
    await expect.poll(() => overkiz.requests.some((r) => /^\/events\/[^/]+\/fetch$/.test(r.path)), { timeout: 15_000 }).toBe(true);
    run.child.kill("SIGINT");
    const result = await run.done;
    expectNoSecrets(result);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/stopped; event listener unregistered/);
    expect(overkiz.requests.some((r) => r.method === "POST" && /^\/events\/[^/]+\/unregister$/.test(r.path))).toBe(true);
    for (const line of result.stdout.trim().split("\n").filter(Boolean)) expect(JSON.parse(line)).toHaveProperty("type");
  });

  it("omlet watch prints the first reading and stops on Ctrl-C with exit 0", async () => {
    const run = startCli(["omlet", "watch", "--json", "--interval-ms", "30000"], env);
    const firstLine = new Promise<void>((resolve) => run.child.stdout!.on("data", () => resolve()));
    await firstLine;
    run.child.kill("SIGINT");
    const result = await run.done;
    expectNoSecrets(result);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.split("\n")[0]!)).toMatchObject({ reason: "initial", type: "added" });
  });

  it("overkiz diagnostics writes the SDK's masked setup", async () => {
    const out = join(home.dir, "diagnostics.json");
    const result = await runCli(["overkiz", "diagnostics", "--out", out], env);
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(JSON.parse(written).setup.id).toMatch(/^SETUP-\*{4}-\*{4}-\d{4}$/);
    expect(written).not.toContain("0815-4711-2301");
    expect(written).not.toContain("jane.doe@example.com");
  });

  it("bash completion completes commands, subcommands, settings and options from the command tree", async () => {
    const bin = join(home.dir, "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "openapp-cli"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
    chmodSync(join(bin, "openapp-cli"), 0o755);
    const script = (await runCli(["completion", "bash"], env)).stdout;
    const complete = (words: string) => {
      const program = `${script}\nCOMP_WORDS=(${words}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _openapp_cli_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync("bash", ["-c", program], { env: { ...env, PATH: `${bin}:${env.PATH}` }, encoding: "utf8" }).stdout.trim().split("\n");
    };
    expect(complete("openapp-cli ov")).toEqual(["overkiz"]);
    expect(complete("openapp-cli overkiz d")).toEqual(["devices", "device", "diagnostics"]);
    expect(complete("openapp-cli config set overkiz.p")).toEqual(["overkiz.password"]);
    expect(complete("openapp-cli --profile work overkiz exec --d")).toEqual(["--dry-run"]);
    for (const shell of ["zsh", "fish"]) expect((await runCli(["completion", shell], env)).stdout).toContain("openapp-cli __complete --");
  });

  it("--help of the built CLI ends with examples", async () => {
    const result = await runCli(["overkiz", "exec", "--help"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ openapp-cli overkiz exec 'Living room' setClosure 40\n/);
  });

  it("every command of the tree has examples in its --help", () => {
    let help = "";
    const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }, {}, () => undefined);
    for (const command of allCommands(program).filter((c) => c.name() !== "__complete" && c.name() !== "help")) {
      help = "";
      command.configureOutput({ writeOut: (text) => (help += text) });
      command.outputHelp();
      expect(help, command.name()).toMatch(/\nExamples:\n {2}\$ .*openapp-cli /);
    }
  });
});
