import { describe, expect, it } from "vitest";
import { ConnectionError, RedirectError, ResponseParseError, ResponseTooLargeError, Transport, ValidationError, fileFromUrl } from "../src/index.js";
import { isPrivateHost } from "../src/uploads.js";
import { json, steppedFetch } from "./helpers.js";

const ORIGIN = "https://api.example.test";
const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });
const post = (url: string) => new Request(url, { method: "POST", body: "{}", headers: { authorization: "Bearer sk_live_0123456789" } });

describe("redirects", () => {
  it("never lets the runtime follow one: every request goes out with redirect: manual", async () => {
    const inits: Array<RequestInit | undefined> = [];
    const fetch = async (_request: Request, init?: RequestInit) => {
      inits.push(init);
      return json(200, {});
    };
    await new Transport({ fetch }).fetch(`${ORIGIN}/devices`);
    expect(inits[0]?.redirect).toBe("manual");
  });

  it("follows a same-origin GET redirect with its credentials", async () => {
    const fetch = steppedFetch(redirect(302, "/v2/devices"), json(200, { ok: true }));
    const request = new Request(`${ORIGIN}/devices`, { headers: { authorization: "Bearer sk_live_0123456789" } });
    const response = await new Transport({ fetch }).send(request);
    expect(await response.json()).toEqual({ ok: true });
    expect(fetch.requests.map((call) => call.url.href)).toEqual([`${ORIGIN}/devices`, `${ORIGIN}/v2/devices`]);
    expect(fetch.requests[1]!.headers.get("authorization")).toBe("Bearer sk_live_0123456789");
  });

  it("refuses a redirect to another origin, and any redirect of a POST, naming the redacted target", async () => {
    const crossOrigin = steppedFetch(redirect(307, "https://evil.example.net/steal?token=abc"));
    const error = await new Transport({ fetch: crossOrigin }).fetch(`${ORIGIN}/devices`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBe("https://evil.example.net/steal?token=***");
    expect(crossOrigin.requests).toHaveLength(1);

    const samePost = steppedFetch(redirect(307, "/entities/e1/actions/open"));
    await expect(new Transport({ fetch: samePost }).send(post(`${ORIGIN}/entities/e1/actions/switchable.open`))).rejects.toBeInstanceOf(RedirectError);
    expect(samePost.requests).toHaveLength(1);
  });

  it("stops after a few hops", async () => {
    const fetch = steppedFetch(...Array.from({ length: 4 }, (_, i) => redirect(302, `/hop${i}`)));
    await expect(new Transport({ fetch }).fetch(`${ORIGIN}/devices`)).rejects.toThrow(/more than 3 redirects/);
    expect(fetch.requests).toHaveLength(4);
  });
});

describe("2xx bodies", () => {
  it("refuses a body above the cap, by Content-Length or while reading", async () => {
    const declared = steppedFetch(new Response("x".repeat(20), { status: 200, headers: { "content-length": "20" } }));
    await expect(new Transport({ fetch: declared, maxResponseBytes: 10 }).fetch(`${ORIGIN}/a`)).rejects.toBeInstanceOf(ResponseTooLargeError);
    const streamed = steppedFetch(new Response(new Blob(["y".repeat(64)]).stream(), { status: 200 }));
    await expect(new Transport({ fetch: streamed }).fetch(`${ORIGIN}/a`, undefined)).resolves.toBeInstanceOf(Response);
    const capped = steppedFetch(new Response(new Blob(["y".repeat(64)]).stream(), { status: 200 }));
    await expect(new Transport({ fetch: capped }).send(new Request(`${ORIGIN}/a`), { maxResponseBytes: 16 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("turns a body dropped mid-way into a ConnectionError, and never resends the POST", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        controller.error(new TypeError("terminated"));
      },
    });
    const fetch = steppedFetch(new Response(broken, { status: 200 }));
    await expect(new Transport({ fetch }).send(post(`${ORIGIN}/entities/e1/actions/switchable.open`))).rejects.toBeInstanceOf(ConnectionError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("a 2xx that is not JSON is a ResponseParseError with a short redacted snippet", async () => {
    const { ClientKit, rawClientDefaults } = await import("../src/index.js");
    const createClient = (await import("openapi-fetch")).default;
    const table = { get_a: { method: "get", path: "/a", auth: "none", headers: {}, query: [], pagination: null, requestMediaType: null } } as const;
    const fetch = steppedFetch(new Response("<html>Bearer abc.def maintenance</html>", { status: 200, headers: { "content-type": "text/html" } }));
    const kit = new ClientKit<Record<"get_a", unknown>, typeof table, unknown>(
      {
        name: "Acme",
        logLevelEnv: "ACME_LOG",
        logPrefix: "acme",
        operations: table,
        createRawClient: ({ baseUrl, fetch: f }) => createClient({ ...rawClientDefaults, baseUrl, fetch: f }),
        sendCredentialsToPublicOperations: false,
        missingCredentials: () => "key needed",
      },
      { baseUrl: ORIGIN, auth: undefined, fetch },
    );
    const error = (await kit.call("get_a").catch((caught: unknown) => caught)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
    expect(error.snippet).not.toContain("abc.def");
  });
});

describe("downloads refuse private networks", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.9", "169.254.169.254", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:127.0.0.1]", "localhost", "db.localhost"])(
    "%s is private",
    (host) => {
      expect(isPrivateHost(new URL(`http://${host}/`).hostname)).toBe(true);
    },
  );

  it.each(["93.184.216.34", "images.example.net", "172.32.0.1", "[2001:db8::1]"])("%s is not", (host) => {
    expect(isPrivateHost(new URL(`http://${host}/`).hostname)).toBe(false);
  });

  it("refuses a private address before any request, also as a decimal literal and behind a redirect", async () => {
    const fetch = steppedFetch(redirect(302, "http://127.0.0.1/admin.png"));
    await expect(fileFromUrl("http://2130706433/x.png", { fetch })).rejects.toThrow(/private address/);
    expect(fetch.requests).toHaveLength(0);
    await expect(fileFromUrl("https://images.example.net/a.png", { fetch })).rejects.toBeInstanceOf(ValidationError);
    expect(fetch.requests.map((call) => call.url.href)).toEqual(["https://images.example.net/a.png"]);
  });

  it("allows an intranet host when asked", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const fetch = steppedFetch(new Response(png, { status: 200, headers: { "content-type": "image/png" } }));
    const file = await fileFromUrl("http://10.0.0.5/logo.png", { fetch, allowPrivateNetwork: true });
    expect(file.type).toBe("image/png");
  });
});
