import { ConfigError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import { OverkizClient, SERVERS } from "../../src/index.js";
import { TEST_SERVER, json, loginOk, scriptedFetch } from "../helpers.js";

const credentials = { username: "jane.doe@example.com", password: "correct-horse-battery" };

/** scriptedFetch plus the credentials mode each request was sent with, by path. */
function recordingCredentials(script: ReturnType<typeof scriptedFetch>) {
  const modes: string[] = [];
  const fetch = (request: Request, init?: RequestInit) => {
    modes.push(`${new URL(request.url).pathname.split("/").pop()} ${init?.credentials ?? "-"}`);
    return script.fetch(request);
  };
  return { fetch, modes };
}

describe("fetchCredentials (browsers: cookie sessions across origins)", () => {
  it("sends the login and every later call with the given mode", async () => {
    const script = scriptedFetch({ "POST /login": [loginOk()], "GET /setup/places": [json(200, { oid: "root" })] });
    const { fetch, modes } = recordingCredentials(script);
    const client = new OverkizClient({ server: TEST_SERVER, credentials, fetch, fetchCredentials: "include" });

    await client.getPlaces();

    expect(modes).toEqual(["login include", "places include"]);
  });

  it("leaves the mode to the runtime when not set", async () => {
    const script = scriptedFetch({ "POST /login": [loginOk()], "GET /setup/places": [json(200, { oid: "root" })] });
    const { fetch, modes } = recordingCredentials(script);
    await new OverkizClient({ server: TEST_SERVER, credentials, fetch }).getPlaces();
    expect(modes).toEqual(["login -", "places -"]);
  });

  it("never sends an identity provider the mode", async () => {
    const script = scriptedFetch({
      "POST /token": [json(200, { access_token: "access-1", refresh_token: "refresh-1", expires_in: 600 })],
      "GET /setup/places": [json(200, { oid: "root" })],
    });
    const { fetch, modes } = recordingCredentials(script);
    const client = new OverkizClient({
      server: { ...SERVERS.somfy_europe, endpoint: "https://overkiz.test/enduser-mobile-web/enduserAPI/" },
      credentials,
      identityEndpoints: { somfy: { tokenUrl: "https://accounts.test/token" } },
      fetch,
      fetchCredentials: "include",
    });

    await client.getPlaces();

    expect(modes).toEqual(["token -", "places include"]);
  });

  it("refuses an unknown mode when the client is built", () => {
    expect(() => new OverkizClient({ server: TEST_SERVER, credentials, fetchCredentials: "yes" as never })).toThrow(ConfigError);
  });
});
