/**
 * OpenApp 1.0 from the command line, against a scripted loopback API: audit tail follows new
 * events until Ctrl-C; audit export waits for the job and downloads it without sending the key to
 * the file's host.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ScriptedServer } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OPENAPP_SECRET, cliEnv, expectNoSecrets, runCli, scratchConfigHome, startCli, waitForOutput } from "./helpers.js";

const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const DOOR = "01HZX7A1D5G9K3P7S1W5Z9C3F7";
const home = scratchConfigHome();
let api: ScriptedServer;
let env: NodeJS.ProcessEnv;

const record = (id: string, occurredAt: string) => ({
  id, occurred_at: occurredAt, org_id: ORG, actor_kind: "api_key", event_type: "door.open", outcome: "succeeded", source: "api", details: {}, resource_type: "entity", resource_id: DOOR,
});

beforeAll(async () => {
  api = await ScriptedServer.start();
  env = cliEnv(home.dir, { OPENAPP_API_KEY: `${api.origin}_openapp_${OPENAPP_SECRET}`, OPENAPP_ORG: ORG });
});
afterAll(async () => {
  await api?.close();
  home.remove();
});
afterEach(() => api.requests.splice(0));

describe("OpenApp 1.0 audit", () => {
  it("audit tail prints past events oldest first, then new ones, and stops on Ctrl-C", async () => {
    let polls = 0;
    api.on("GET", `/api/v1/orgs/${ORG}/audit/events`, () => {
      polls++;
      const items = polls === 1 ? [record("ev2", new Date(Date.now() - 60_000).toISOString()), record("ev1", new Date(Date.now() - 120_000).toISOString())] : [record("ev3", new Date().toISOString())];
      return { body: { items, next_cursor: null } };
    });
    const run = startCli(["openapp", "audit", "tail", "--json", "--interval-ms", "100"], env);
    await waitForOutput(run.child, run.stderrText, /following audit events/);
    await expect.poll(run.stdoutText, { timeout: 15_000 }).toContain('"ev3"');
    run.child.kill("SIGINT");
    const result = await run.done;
    expectNoSecrets(result);
    expect(result.code, result.stderr).toBe(0);
    const ids = result.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.slice(0, 3)).toEqual(["ev1", "ev2", "ev3"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("audit export --wait --out polls the job and downloads the file without the key", async () => {
    api.on("POST", `/api/v1/orgs/${ORG}/audit/exports`, { status: 202, body: { id: "exp1", org_id: ORG, status: "pending", format: "jsonl" } });
    api.on(
      "GET",
      `/api/v1/orgs/${ORG}/audit/exports/exp1`,
      { body: { id: "exp1", org_id: ORG, status: "running", format: "jsonl" } },
      { body: { id: "exp1", org_id: ORG, status: "completed", format: "jsonl", row_count: 2, download_url: `${api.origin}/signed/exp1.jsonl?sig=abc` } },
    );
    api.on("GET", "/signed/exp1.jsonl", { body: '{"id":"ev1"}\n{"id":"ev2"}\n', headers: { "content-type": "application/x-ndjson" } });
    const out = join(home.dir, "audit.jsonl");
    const result = await runCli(["openapp", "audit", "export", "--from", new Date(Date.now() - 86_400_000).toISOString(), "--out", out], env);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe('{"id":"ev1"}\n{"id":"ev2"}\n');
    const download = api.requests.find((r) => r.path === "/signed/exp1.jsonl")!;
    expect(download.headers["x-api-key"]).toBeUndefined();
    expect(result.stderr).not.toMatch(/\r/); // no progress redraws off a terminal
  });

  it("audit export resumes an interrupted download with a Range request", async () => {
    api.on("GET", `/api/v1/orgs/${ORG}/audit/exports/exp2`, { body: { id: "exp2", org_id: ORG, status: "completed", format: "jsonl", row_count: 2, download_url: `${api.origin}/signed/exp2.jsonl?sig=def` } });
    api.on("GET", "/signed/exp2.jsonl", (request) =>
      request.headers.range === "bytes=13-" ? { status: 206, body: '{"id":"ev2"}\n', headers: { "content-range": "bytes 13-25/26" } } : { body: '{"id":"ev1"}\n{"id":"ev2"}\n' },
    );
    const out = join(home.dir, "resumed.jsonl");
    writeFileSync(`${out}.part`, '{"id":"ev1"}\n');
    const result = await runCli(["openapp", "audit", "export", "--job", "exp2", "--out", out], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/resuming .*resumed\.jsonl\.part at byte 13/);
    expect(readFileSync(out, "utf8")).toBe('{"id":"ev1"}\n{"id":"ev2"}\n');
    expect(existsSync(`${out}.part`)).toBe(false);
  });
});
