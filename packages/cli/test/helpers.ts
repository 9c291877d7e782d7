import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readBody } from "@openapp/testing";
import { expect, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    openappPrism: string;
    omletPrism: string;
    overkizPrism: string;
  }
}

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** Secrets the tests configure; none may appear in any output of the CLI. */
export const OPENAPP_SECRET = "sk_live_Q8cT2vX9mN4pL7rW";
export const OMLET_KEY = "omlet-key-7Hd93kPqZx01Lm55";
export const OVERKIZ_PASSWORD = "pw-Tr0ub4dor-and-3";
export const SECRETS = [OPENAPP_SECRET, OMLET_KEY, OVERKIZ_PASSWORD];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function expectNoSecrets(result: CliResult | string): void {
  const text = typeof result === "string" ? result : `${result.stdout}\n${result.stderr}`;
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/** A scratch XDG config home per test file, removed afterwards. */
export function scratchConfigHome(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "openapp-cli-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The environment of a run: no inherited vendor variables, the scratch config home, and the given variables. */
export function cliEnv(configHome: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(OPENAPP|OMLET|OVERKIZ)_/.test(name)));
  return { ...inherited, XDG_CONFIG_HOME: configHome, NO_COLOR: "1", ...extra };
}

/** Starts the built CLI; `done` resolves with its exit and everything it printed. */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input?: string,
): { child: ChildProcess; done: Promise<CliResult>; stdoutText(): string; stderrText(): string } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(input ?? "");
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stdoutText: () => stdout, stderrText: () => stderr };
}

/** Runs the built CLI to completion and checks that nothing it printed holds a secret. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  const result = await startCli(args, env, input).done;
  expectNoSecrets(result);
  return result;
}

/** Runs a shell command line on a pseudo-terminal (util-linux `script`), typing `input` into it. */
export async function runInTerminal(commandLine: string, env: NodeJS.ProcessEnv, input: string): Promise<CliResult> {
  const child = spawn("script", ["-qec", commandLine, "/dev/null"], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  const result = await new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  expectNoSecrets(result);
  return result;
}

/** What the recording proxy saw of one request. */
export interface ProxiedRequest {
  method: string;
  path: string;
}

/** A loopback proxy in front of a Prism mock, recording every request it forwards. */
export interface RecordingProxy {
  url: string;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

const HOP_HEADERS = new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive"]);

/**
 * A proxy on 127.0.0.1 in front of a Prism mock that records every request: the tests count what
 * reached the API (an action sent once, or not at all) and see the listener unregistered.
 */
export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      requests.push({ method: request.method ?? "GET", path: new URL(request.url ?? "/", "http://proxy.invalid").pathname });
      const headers = Object.entries(request.headers).filter(([name, value]) => !HOP_HEADERS.has(name) && typeof value === "string") as [string, string][];
      const answer = await fetch(`${target}${request.url}`, { method: request.method, headers, ...(body === "" ? {} : { body }) });
      const cookies = answer.headers.getSetCookie();
      response.writeHead(answer.status, {
        "content-type": answer.headers.get("content-type") ?? "application/octet-stream",
        ...(cookies.length > 0 ? { "set-cookie": cookies } : {}),
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits for a condition the child reports on stderr (no sleeps: polled on each output chunk). */
export function waitForOutput(child: ChildProcess, text: () => string, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(text())) {
        child.stderr!.off("data", check);
        child.off("close", closed);
        resolve();
      }
    };
    const closed = () => reject(new Error(`the CLI exited before printing ${pattern}: ${text()}`));
    child.stderr!.on("data", check);
    child.once("close", closed);
    check();
  });
}

export const prismUrls = () => ({ openapp: inject("openappPrism"), omlet: inject("omletPrism"), overkiz: inject("overkizPrism") });
