import { describe, expect, it } from "vitest";
import { ConfigError, type FetchLike, Transport, withFetchCredentials } from "../src/index.js";

const URL_DEVICES = "https://api.example.test/api/v1/devices";

/** Records the init of every fetch call and answers 200 with a fresh body each time. */
function recordingFetch() {
  const inits: (RequestInit | undefined)[] = [];
  const fetch: FetchLike = async (_request, init) => {
    inits.push(init);
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch, inits };
}

describe("withFetchCredentials", () => {
  it("passes the credentials mode to fetch on every attempt, next to the transport's signal", async () => {
    const { fetch, inits } = recordingFetch();
    let first = true;
    const flaky: FetchLike = (request, init) => {
      if (first) {
        first = false;
        inits.push(init);
        return Promise.resolve(new Response("busy", { status: 503 }));
      }
      return fetch(request, init);
    };
    const transport = new Transport({ fetch: withFetchCredentials(flaky, "include"), maxRetries: 1, random: () => 0 });
    await transport.fetch(URL_DEVICES);
    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(init?.credentials).toBe("include");
      expect(init?.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it("returns the fetch unchanged when no mode is given", () => {
    const { fetch } = recordingFetch();
    expect(withFetchCredentials(fetch, undefined)).toBe(fetch);
    expect(withFetchCredentials(undefined, undefined)).toBeUndefined();
  });

  it("refuses an unknown mode before anything is sent", () => {
    expect(() => withFetchCredentials(undefined, "always" as never)).toThrow(ConfigError);
    expect(() => withFetchCredentials(undefined, "always" as never)).toThrow(/"include", "omit" or "same-origin"/);
  });
});
