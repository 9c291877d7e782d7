import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort } from "./free-port.js";
import { fromRepo } from "./repo.js";

export interface PrismOptions {
  /** Spec path, absolute or relative to the repo root. */
  spec: string;
  mode?: "mock" | "proxy";
  /** Upstream URL, required in proxy mode. */
  upstream?: string;
  /** Prism's --errors: 422 on request violations, 500 on response violations. Default true. */
  errors?: boolean;
  /** How long to wait for Prism to listen. */
  startupTimeoutMs?: number;
  /** Loopback port to listen on; a free one when omitted. */
  port?: number;
}

export interface PrismServer {
  url: string;
  port: number;
  /** Process id of the Prism process (the leader of its process group). */
  pid: number;
  /** Everything Prism printed so far. */
  output(): string;
  /** Request or response violations Prism reported so far. */
  violations(): string[];
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last line of defence: a crashing test process must not leave Prism behind. */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) killGroup(child);
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function prismEntry(): string {
  const require = createRequire(fromRepo("package.json"));
  const pkg = require.resolve("@stoplight/prism-cli/package.json");
  return join(dirname(pkg), "dist/index.js");
}

function prismArgs(options: PrismOptions, port: number): string[] {
  const mode = options.mode ?? "mock";
  if (mode === "proxy" && !options.upstream) throw new Error("prism proxy mode needs an upstream URL");
  const target = mode === "proxy" ? [fromRepo(options.spec), options.upstream as string] : [fromRepo(options.spec)];
  const errors = options.errors === false ? [] : ["--errors"];
  return [prismEntry(), mode, ...target, ...errors, "--host", "127.0.0.1", "--port", String(port)];
}

function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => killGroup(child, "SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    killGroup(child);
  });
}

/** Starts Prism on a free loopback port and resolves once it listens. */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  installExitHook();
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, prismArgs(options, port), {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  running.add(child);
  let output = "";
  const url = `http://127.0.0.1:${port}`;
  const server: PrismServer = {
    url,
    port,
    pid: child.pid ?? -1,
    output: () => output,
    violations: () => output.split("\n").filter((line) => /violation/i.test(line)),
    stop: () => stopChild(child),
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${options.startupTimeoutMs ?? 30000} ms:\n${output}`)), options.startupTimeoutMs ?? 30000);
    function fail(error: Error) {
      clearTimeout(timer);
      void stopChild(child).then(() => reject(error));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`listening on ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Prism exited with code ${code} before listening:\n${output}`)));
  });
  return server;
}
