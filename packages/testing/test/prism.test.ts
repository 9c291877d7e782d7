import { afterEach, describe, expect, it } from "vitest";
import { ScriptedServer, startPrism, type PrismServer } from "../src/index.js";

const spec = "packages/testing/test/fixtures/tiny.yaml";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startPrism", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((stop) => stop()));
  });

  it("serves the spec's example in mock mode on loopback and rejects invalid requests", async () => {
    const prism: PrismServer = await startPrism({ spec });
    cleanups.push(prism.stop);
    expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${prism.url}/things/abc`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: "abc", name: "Garden gate" });
    const bad = await fetch(`${prism.url}/things/NOT-VALID`);
    expect(bad.status).toBe(422);
  });

  it("proxies to a scripted upstream and reports response violations", async () => {
    const upstream = await ScriptedServer.start();
    cleanups.push(() => upstream.close());
    upstream.on("GET", "/things/abc", { body: { id: "abc", name: "Coop" } }, { body: { id: 42 } });
    const prism = await startPrism({ spec, mode: "proxy", upstream: upstream.origin });
    cleanups.push(prism.stop);
    const first = await fetch(`${prism.url}/things/abc`);
    expect(await first.json()).toEqual({ id: "abc", name: "Coop" });
    const second = await fetch(`${prism.url}/things/abc`);
    expect(second.status).toBe(500);
    expect(upstream.requests.map((r) => r.path)).toEqual(["/things/abc", "/things/abc"]);
  });

  it("leaves no process behind after stop", async () => {
    const prism = await startPrism({ spec });
    expect(processAlive(prism.pid)).toBe(true);
    await prism.stop();
    expect(processAlive(prism.pid)).toBe(false);
    await expect(fetch(`${prism.url}/things/abc`)).rejects.toThrow();
  });
});
