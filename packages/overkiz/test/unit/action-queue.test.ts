import { AbortError, ConfigError, ValidationError } from "@openapp/core";
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExecutionQueueFullError, OverkizClient } from "../../src/index.js";
import { TEST_SERVER, json, overkizError, scriptedFetch, wireDevice } from "../helpers.js";

const token = { token: "queue-token-0001" };
const device = (n: number) => `io://0815-4711-2301/61127${String(n).padStart(2, "0")}`;
const close = (n: number) => [{ deviceURL: device(n), commands: ["close"] }];

type Body = { label: string | null; actions: { deviceURL: string; commands: { name: string; parameters?: unknown[] }[] }[] };

function numberedExecIds() {
  let n = 0;
  return () => json(200, { execId: `exec-${++n}` });
}

function queuedClient(settings: boolean | { delayMs?: number; maxActions?: number } = { delayMs: 100, maxActions: 20 }, script = scriptedFetch({ "POST /exec/apply": [numberedExecIds()] })) {
  const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, actionQueue: settings });
  const bodies = () => script.requests.filter((r) => r.path.startsWith("/exec/apply")).map((r) => JSON.parse(r.body) as Body);
  return { client, script, bodies };
}

describe("action queue", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("merges the calls of one window into one execution that every caller shares", async () => {
    const { client, bodies } = queuedClient();
    const calls = [
      client.executeActionGroup(close(1)),
      client.executeActionGroup([{ deviceURL: device(2), commands: [{ name: "setClosure", parameters: [40] }] }]),
      client.executeActionGroup([{ deviceURL: device(1), commands: ["my"] }]),
    ];
    expect(client.pendingActionsCount).toBe(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(bodies()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);

    await expect(Promise.all(calls)).resolves.toEqual(["exec-1", "exec-1", "exec-1"]);
    expect(bodies()).toEqual([
      {
        label: "OpenApp SDK",
        actions: [
          { deviceURL: device(1), commands: [{ name: "close" }, { name: "my" }] },
          { deviceURL: device(2), commands: [{ name: "setClosure", parameters: [40] }] },
        ],
      },
    ]);
  });

  it("callers sharing one signal put one listener on it while queued, and none once answered", async () => {
    const { client } = queuedClient();
    const shutdown = new AbortController();
    const calls = Array.from({ length: 15 }, (_, n) => client.executeActionGroup(close(n), undefined, { signal: shutdown.signal }));
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(Promise.all(calls)).resolves.toEqual(Array.from({ length: 15 }, () => "exec-1"));
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("does not push the window back for late calls", async () => {
    const { client, bodies } = queuedClient();
    const first = client.executeActionGroup(close(1));
    await vi.advanceTimersByTimeAsync(80);
    const second = client.executeActionGroup(close(2));
    await vi.advanceTimersByTimeAsync(20);
    expect(await Promise.all([first, second])).toEqual(["exec-1", "exec-1"]);
    const third = client.executeActionGroup(close(3));
    await vi.advanceTimersByTimeAsync(100);
    expect(await third).toBe("exec-2");
    expect(bodies().map((body) => body.actions.length)).toEqual([2, 1]);
  });

  it("sends early once maxActions devices wait, and loses or repeats no action", async () => {
    const { client, bodies } = queuedClient({ delayMs: 100, maxActions: 20 });
    const calls = Array.from({ length: 45 }, (_, i) => client.executeActionGroup(close(i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(bodies().map((body) => body.actions.length)).toEqual([20, 20]);
    expect(client.pendingActionsCount).toBe(5);
    await vi.advanceTimersByTimeAsync(100);

    const execIds = await Promise.all(calls);
    expect(bodies().map((body) => body.actions.length)).toEqual([20, 20, 5]);
    const sent = bodies().flatMap((body) => body.actions.map((action) => action.deviceURL));
    expect(sent).toEqual(Array.from({ length: 45 }, (_, i) => device(i)));
    expect(execIds.slice(0, 20).every((id) => id === "exec-1")).toBe(true);
    expect(execIds[44]).toBe("exec-3");
  });

  it("starts a new execution for another label or mode", async () => {
    const { client, script, bodies } = queuedClient(true, scriptedFetch({ "POST /exec/apply": [numberedExecIds()], "POST /exec/apply/highPriority": [json(200, { execId: "exec-hp" })] }));
    const a = client.executeActionGroup(close(1), { label: "Evening" });
    const b = client.executeActionGroup(close(2), { label: "Morning" });
    const c = client.executeActionGroup(close(3), { label: "Morning", mode: "highPriority" });
    await vi.advanceTimersByTimeAsync(100);
    expect(await Promise.all([a, b, c])).toEqual(["exec-1", "exec-2", "exec-hp"]);
    expect(bodies().map((body) => body.label)).toEqual(["Evening", "Morning", "Morning"]);
    expect(script.requests.map((r) => r.path)).toEqual(["/exec/apply", "/exec/apply", "/exec/apply/highPriority"]);
  });

  it("gives every caller of a batch the batch's error", async () => {
    const full = overkizError(400, "EXEC_QUEUE_FULL", "Execution queue is full on gateway: #0815-4711-2301 (soft limit: 10)");
    const { client, script } = queuedClient(true, scriptedFetch({ "POST /exec/apply": [full] }));
    const calls = [client.executeActionGroup(close(1)), client.executeActionGroup(close(2))].map((call) => call.catch((e: unknown) => e));
    await vi.advanceTimersByTimeAsync(100);
    const [first, second] = await Promise.all(calls);
    expect(first).toBeInstanceOf(ExecutionQueueFullError);
    expect(second).toBe(first);
    expect(script.count("POST", "/exec/apply")).toBe(1);
  });

  it("takes an aborted caller's actions out before sending, and only detaches it after", async () => {
    const { client, bodies } = queuedClient();
    const before = new AbortController();
    const after = new AbortController();
    const leaving = client.executeActionGroup(close(1), {}, { signal: before.signal }).catch((e: unknown) => e);
    const staying = client.executeActionGroup(close(2), {}, { signal: after.signal });
    before.abort();
    expect(await leaving).toBeInstanceOf(AbortError);
    expect(client.pendingActionsCount).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    after.abort();
    expect(await staying).toBe("exec-1");
    expect(bodies()[0]?.actions.map((action) => action.deviceURL)).toEqual([device(2)]);
  });

  it("refuses a bad call alone and queues nothing for it", async () => {
    const { client, bodies } = queuedClient();
    await expect(client.executeActionGroup([{ deviceURL: device(1), commands: [] }])).rejects.toThrow(ValidationError);
    expect(client.pendingActionsCount).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(bodies()).toHaveLength(0);
  });

  it("flushActionQueue sends at once and waits for the answer", async () => {
    const { client, bodies } = queuedClient({ delayMs: 60_000 });
    const call = client.executeActionGroup(close(1));
    await client.flushActionQueue();
    expect(bodies()).toHaveLength(1);
    await expect(call).resolves.toBe("exec-1");
    expect(client.pendingActionsCount).toBe(0);
  });

  it("close() sends the queue before unregistering the listener", async () => {
    const script = scriptedFetch({
      "POST /exec/apply": [numberedExecIds()],
      "POST /events/register": [json(200, { id: "listener-1" })],
      "POST /events/listener-1/unregister": [json(200, [])],
    });
    const { client } = queuedClient({ delayMs: 60_000 }, script);
    await client.registerEventListener();
    const call = client.executeActionGroup(close(1));
    await client.close();
    await expect(call).resolves.toBe("exec-1");
    expect(script.requests.map((r) => r.path)).toEqual(["/events/register", "/exec/apply", "/events/listener-1/unregister"]);
  });

  it("checks its settings", () => {
    const make = (actionQueue: object) => () => new OverkizClient({ server: TEST_SERVER, credentials: token, actionQueue });
    expect(make({ delayMs: 0 })).toThrow(ConfigError);
    expect(make({ maxActions: 0 })).toThrow(ConfigError);
    expect(make({ maxActions: 2.5 })).toThrow(ConfigError);
  });
});

describe("RTS default duration", () => {
  const RTS = "rts://0815-4711-2301/16730914";
  const rtsDevice = wireDevice({
    deviceURL: RTS,
    controllableName: "rts:RollerShutterRTSComponent",
    definition: {
      commands: [
        { commandName: "close", nparams: 1 },
        { commandName: "tiltPositive", nparams: 2 },
        { commandName: "identify", nparams: 0 },
      ],
      widgetName: "UpDownRollerShutter",
      uiClass: "RollerShutter",
    },
  });

  async function sent(actions: Parameters<OverkizClient["executeActionGroup"]>[0], duration: number | undefined) {
    const script = scriptedFetch({ "GET /setup/devices": [json(200, [rtsDevice, wireDevice()])], "POST /exec/apply": [json(200, { execId: "exec-1" })] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: token, fetch: script.fetch, defaultRtsCommandDurationSeconds: duration });
    await client.getDevices();
    await client.executeActionGroup(actions);
    return (JSON.parse(script.requests.at(-1)?.body ?? "") as Body).actions;
  }

  it("appends the duration to RTS commands one parameter short", async () => {
    const actions = await sent([
      { deviceURL: RTS, commands: ["close", { name: "tiltPositive", parameters: [3] }, "identify"] },
      { deviceURL: "io://0815-4711-2301/6112754", commands: ["close"] },
      { deviceURL: "rts://0815-4711-2301/99999999", commands: ["close"] },
    ], 30);
    expect(actions).toEqual([
      { deviceURL: RTS, commands: [{ name: "close", parameters: [30] }, { name: "tiltPositive", parameters: [3, 30] }, { name: "identify" }] },
      { deviceURL: "io://0815-4711-2301/6112754", commands: [{ name: "close" }] },
      { deviceURL: "rts://0815-4711-2301/99999999", commands: [{ name: "close" }] },
    ]);
  });

  it("leaves complete commands alone, allows 0, and is off by default", async () => {
    expect(await sent([{ deviceURL: RTS, commands: [{ name: "close", parameters: [12] }] }], 30)).toEqual([{ deviceURL: RTS, commands: [{ name: "close", parameters: [12] }] }]);
    expect(await sent([{ deviceURL: RTS, commands: ["close"] }], 0)).toEqual([{ deviceURL: RTS, commands: [{ name: "close", parameters: [0] }] }]);
    expect(await sent([{ deviceURL: RTS, commands: ["close"] }], undefined)).toEqual([{ deviceURL: RTS, commands: [{ name: "close" }] }]);
    expect(() => new OverkizClient({ server: TEST_SERVER, credentials: token, defaultRtsCommandDurationSeconds: -1 })).toThrow(ConfigError);
  });
});
