/**
 * Multi-step scenarios against a scripted upstream placed behind `prism proxy --errors`, so
 * both the SDK's requests and the scripted answers are checked against the spec.
 */
import { describe, expect, it } from "vitest";
import { OverkizClient } from "../../src/index.js";
import { useScenarioHarness } from "./harness.js";

const h = useScenarioHarness();
const { recorder } = h;
const server = () => h.server();

const loginAnswer = (session: string) => ({
  status: 200,
  headers: { "set-cookie": `JSESSIONID=${session}; Path=/enduser-mobile-web; Secure; HttpOnly` },
  body: { success: true, roles: [{ name: "ENDUSER" }] },
});
const notAuthenticated = { status: 401, body: { errorCode: "RESOURCE_ACCESS_DENIED", error: "Not authenticated" } };
const place = { oid: "7c26474b-2091-49bf-83cc-a76777e5f70c", label: "Home", type: 200, subPlaces: [] };

describe("session scenarios (through prism proxy)", () => {
  it("logs in, sends the cookie, and logs in again once the session expired", async () => {
    h.upstream.on("POST", "/login", loginAnswer("3F2A9C1E7F0B3A5D"), loginAnswer("6E8C1B2A3F4E5D6C"));
    h.upstream.on("GET", "/setup/places", (request) =>
      request.headers.cookie === "JSESSIONID=3F2A9C1E7F0B3A5D" ? notAuthenticated : { status: 200, body: place },
    );
    const client = new OverkizClient({
      server: server(),
      credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
      middleware: [recorder],
    });

    await expect(client.getPlaces()).resolves.toMatchObject({ label: "Home" });

    expect(h.upstream.requests.map((r) => `${r.method} ${r.path} ${r.headers.cookie ?? "-"}`)).toEqual([
      "POST /login -",
      "GET /setup/places JSESSIONID=3F2A9C1E7F0B3A5D",
      "POST /login -",
      "GET /setup/places JSESSIONID=6E8C1B2A3F4E5D6C",
    ]);
    expect(new URLSearchParams(h.upstream.requests[0]?.body).get("userId")).toBe("jane.doe@example.com");
    expect(h.upstream.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("replaces an expired event listener and keeps fetching", async () => {
    h.upstream.on("POST", "/events/register",
      { status: 200, body: { id: "a70f6d96-0000-4000-8000-000000000001" } },
      { status: 200, body: { id: "a70f6d96-0000-4000-8000-000000000002" } },
    );
    h.upstream.on("POST", "/events/a70f6d96-0000-4000-8000-000000000001/fetch",
      { status: 400, body: { errorCode: "UNSPECIFIED_ERROR", error: '"No registered event listener."' } },
    );
    h.upstream.on("POST", "/events/a70f6d96-0000-4000-8000-000000000002/fetch",
      {
        status: 200,
        body: [
          {
            name: "DeviceStateChangedEvent",
            timestamp: 1714566001410,
            deviceURL: "io://0815-4711-2301/6112754",
            deviceStates: [{ name: "core:ClosureState", type: 1, value: "100" }],
          },
        ],
      },
    );
    const client = new OverkizClient({ server: server(), credentials: { token: "scenario-token-0001" }, middleware: [recorder] });

    await client.registerEventListener();
    const events = await client.fetchEvents();

    expect(events).toHaveLength(1);
    const [event] = events;
    if (event?.kind !== "deviceStateChanged") throw new Error("expected a state change");
    expect(event.deviceStates[0]?.valueAsInt()).toBe(100);
    expect(client.eventListenerId).toBe("a70f6d96-0000-4000-8000-000000000002");
  });

  it("resends an execution the server refused as too busy, and nothing else", async () => {
    h.upstream.on("POST", "/exec/apply",
      { status: 400, body: { errorCode: "RESOURCE_ACCESS_DENIED", error: "Server busy, please try again later. (Too many executions)" } },
      { status: 200, body: { execId: "ee7a5676-c68f-43a3-956d-6f5efc745954" } },
    );
    // random() = 0 makes the jittered wait zero, so no clock is needed.
    const client = new OverkizClient({ server: server(), credentials: { token: "scenario-token-0001" }, middleware: [recorder], random: () => 0 });

    const execId = await client.executeActionGroup([{ deviceURL: "io://0815-4711-2301/6112754", commands: ["close"] }]);

    expect(execId).toBe("ee7a5676-c68f-43a3-956d-6f5efc745954");
    const bodies = h.upstream.requests.map((r) => JSON.parse(r.body) as unknown);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
  });
});
