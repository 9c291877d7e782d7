import { describe, expect, it } from "vitest";
import { OverkizClient, SERVERS } from "../../src/index.js";
import { json, scriptedFetch } from "../helpers.js";

const alive = (n: number) => ({ name: "GatewayAliveEvent", timestamp: 1_763_712_000_000 + n, gatewayId: "0815-4711-2301" });

describe("Somfy token refresh and the event listener", () => {
  it("registers a new listener after a refresh, drains the old one and skips what both delivered", async () => {
    let now = 1_763_712_000_000;
    const script = scriptedFetch({
      "POST /token": [
        json(200, { access_token: "access-1", refresh_token: "refresh-1", expires_in: 600 }),
        json(200, { access_token: "access-2", refresh_token: "refresh-2", expires_in: 600 }),
      ],
      "POST /events/register": [json(200, { id: "listener-1" }), json(200, { id: "listener-2" })],
      "POST /events/listener-1/fetch": [json(200, [alive(1)]), json(200, [alive(2), alive(3)])],
      "POST /events/listener-1/unregister": [json(200, [])],
      "POST /events/listener-2/fetch": [json(200, [alive(3), alive(4)]), json(200, [alive(3)])],
    });
    const client = new OverkizClient({
      server: { ...SERVERS.somfy_europe, endpoint: "https://overkiz.test/enduser-mobile-web/enduserAPI/" },
      credentials: { username: "jane.doe@example.com", password: "correct-horse-battery" },
      identityEndpoints: { somfy: { tokenUrl: "https://accounts.test/token" } },
      fetch: script.fetch,
      now: () => now,
    });
    const timestamps = async () => (await client.fetchEvents()).map((event) => (event.raw.timestamp as number) - 1_763_712_000_000);

    expect(await timestamps()).toEqual([1]);
    now += 600_000;
    expect(await timestamps()).toEqual([2, 3]);
    expect(client.eventListenerId).toBe("listener-2");
    expect(await timestamps()).toEqual([4]);
    // Only the first batch of the new listener is checked for repeats.
    expect(await timestamps()).toEqual([3]);

    expect(script.requests.map((r) => `${r.path} ${r.headers.get("authorization") ?? "-"}`)).toEqual([
      "/token -",
      "/events/register Bearer access-1",
      "/events/listener-1/fetch Bearer access-1",
      "/token -",
      "/events/register Bearer access-2",
      "/events/listener-1/fetch Bearer access-2",
      "/events/listener-1/unregister Bearer access-2",
      "/events/listener-2/fetch Bearer access-2",
      "/events/listener-2/fetch Bearer access-2",
    ]);
  });
});
