/**
 * The device watcher against a scripted Omlet behind `prism proxy --errors`: every read, the
 * action and the DELETE with its body are checked against the spec in both directions.
 */
import { type PrismServer, ScriptedServer, startPrism, violationRecorder } from "@openapp/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Device, type DeviceChanges, OmletClient, parseWebhookEvent, sectionState } from "../../src/index.js";
import { doorWithLight, fan, feeder } from "../fixtures/devices.js";
import { TEST_KEY } from "../helpers.js";

let upstream: ScriptedServer;
let prism: PrismServer;
const violations = violationRecorder();

beforeAll(async () => {
  upstream = await ScriptedServer.start();
  prism = await startPrism({ spec: "openapi/omlet/openapi.yaml", mode: "proxy", upstream: upstream.origin });
});

afterAll(async () => {
  await prism?.stop();
  await upstream?.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  violations.take();
});

afterEach(() => {
  expect(violations.take().map((v) => v.message)).toEqual([]);
});

const client = () => new OmletClient({ apiKey: TEST_KEY, baseUrl: prism.url, middleware: [violations.middleware], maxRetries: 0 });

async function next(watcher: AsyncIterator<DeviceChanges>): Promise<DeviceChanges> {
  const result = await watcher.next();
  if (result.done) throw new Error("watcher ended early");
  return result.value;
}

describe("watchDevices through the proxy", () => {
  it("reads after an action until the door settles, reads on a webhook, and sends nothing but the one action", async () => {
    // Each read takes the next list; the last one repeats.
    const readings: Device[][] = [
      [doorWithLight("closed"), fan("off")],
      [doorWithLight("openpending"), fan("off")],
      [doorWithLight("open"), fan("off")],
      [doorWithLight("open"), fan("off"), feeder()],
    ];
    let read = 0;
    upstream.on("GET", "/device", () => ({ body: readings[Math.min(read++, readings.length - 1)] }));
    upstream.on("POST", "/device/Pz4kWm82QrTd1VxN/action/open", { status: 204 });

    const omlet = client();
    // Short follow-ups keep the test fast; the 300 s interval never fires during it.
    const watcher = omlet.watchDevices({ followUpDelaysMs: [20, 80] });
    const initial = await next(watcher);
    expect(initial.reason).toBe("initial");
    expect(initial.changes.map((c) => [c.type, c.deviceId])).toEqual([
      ["added", "Pz4kWm82QrTd1VxN"],
      ["added", "Fa7nUq1CwZ5rLp3E"],
    ]);

    const result = await omlet.door(initial.devices[0] as Device).open();
    expect(result.pendingValue).toBe("openpending");
    const moving = await next(watcher);
    expect(moving.reason).toBe("follow-up");
    expect(sectionState(moving.devices[0] as Device, "door")).toBe("openpending");
    const settled = await next(watcher);
    expect(settled.changes.filter((c) => c.type === "settled")).toMatchObject([{ deviceId: "Pz4kWm82QrTd1VxN", section: "door", from: "openpending", to: "open" }]);

    // The app's webhook handler hands the event in: a cue to read, not a state.
    const event = parseWebhookEvent(
      JSON.stringify({ payload: { deviceId: "Fd2sNe8YbR4tGw6H", parameterName: "state", oldValue: "closed", newValue: "open" } }),
      { expectedToken: "whk_R2d9", url: "/hooks/omlet?token=whk_R2d9" },
    );
    watcher.notify(event);
    const pushed = await next(watcher);
    expect(pushed.reason).toBe("webhook");
    expect(pushed.changes.map((c) => c.type)).toEqual(["added"]);
    await watcher.return?.();

    const sent = upstream.requests.map((r) => `${r.method} ${r.path}`);
    expect(sent.filter((line) => !line.startsWith("GET /device"))).toEqual(["POST /device/Pz4kWm82QrTd1VxN/action/open"]);
    expect(sent.filter((line) => line === "GET /device")).toHaveLength(4);
  });
});

describe("removeUser on the wire", () => {
  it("names the member in the query and in the JSON body, and the spec accepts both", async () => {
    upstream.on("DELETE", "/group/Gq2LmS7xTn4RwY8c/user", { status: 204 });
    await client().removeUser("Gq2LmS7xTn4RwY8c", "sam.okafor@example.com");
    const [request] = upstream.requests;
    expect(request?.query.get("emailAddress")).toBe("sam.okafor@example.com");
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(request?.body ?? "")).toEqual({ emailAddress: "sam.okafor@example.com" });
  });
});
