import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, ConnectionError, TimeoutError, ValidationError } from "../../src/index.js";
import { testClient } from "../helpers.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = new Uint8Array([...new TextEncoder().encode("RIFF"), 0, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);
const UPLOADED = { url: "https://media.openapp.example/signed/abc", expires_in_seconds: 3600 };

interface Seen {
  url: string;
  headers: Headers;
  file?: File;
}

/** Answers image downloads from `images` and API calls with the signed URL, recording both. */
function imageWorld(images: Record<string, () => Response> = {}) {
  const seen: Seen[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const entry: Seen = { url: request.url, headers: new Headers(request.headers) };
    seen.push(entry);
    const image = images[request.url];
    if (image) return image();
    const file = (await request.formData()).get("file");
    if (file instanceof File) entry.file = file;
    return new Response(JSON.stringify(UPLOADED), { headers: { "content-type": "application/json" } });
  };
  return { fetch, seen };
}

describe("uploadImage", () => {
  it("sniffs the type of raw bytes and names the part after it", async () => {
    const { fetch, seen } = imageWorld();
    expect(await testClient(fetch).devices.uploadImage("d1", PNG)).toEqual(UPLOADED);
    expect(seen[0]?.url).toBe("https://api.openapp.test/api/v1/devices/d1/image");
    expect(seen[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.file).toMatchObject({ name: "upload.png", type: "image/png", size: PNG.byteLength });
  });

  it.each([
    ["a declared type", JPEG, { contentType: "image/jpeg", filename: "front" }, "front.jpg", "image/jpeg"],
    ["the filename's extension", WEBP, { filename: "lobby.webp" }, "lobby.webp", "image/webp"],
    ["a File's own type", new File([PNG], "logo", { type: "image/png" }), {}, "logo.png", "image/png"],
    ["a stream's first bytes", new Blob([JPEG]).stream(), {}, "upload.jpg", "image/jpeg"],
  ])("takes the type from %s", async (_case, data, options, name, type) => {
    const { fetch, seen } = imageWorld();
    await testClient(fetch).entities.uploadImage("e1", data, options);
    expect(seen[0]?.file).toMatchObject({ name, type });
  });

  it.each([
    ["text bytes", new TextEncoder().encode("hello, not an image"), {}],
    ["a GIF", new Uint8Array([...new TextEncoder().encode("GIF89a"), 1, 0]), {}],
    ["a declared PDF", PNG, { contentType: "application/pdf" }],
    ["an image over the size cap", PNG, { maxBytes: 8 }],
  ])("refuses %s before any request", async (_case, data, options) => {
    const { fetch, seen } = imageWorld();
    await expect(testClient(fetch).users.uploadImage("u1", data, options)).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it("sends X-Org on org-scoped resources but not on organizations", async () => {
    const { fetch, seen } = imageWorld();
    const client = testClient(fetch);
    await client.integrations.uploadImage("i1", PNG);
    await client.orgs.uploadImage("o1", PNG);
    expect(seen.map((s) => s.headers.get("x-org"))).toEqual([client.org, null]);
  });
});

describe("uploadImageFromUrl", () => {
  const jpegAt = (type = "image/jpeg") => () => new Response(JPEG, { headers: { "content-type": type } });

  it("downloads without the SDK's credentials or middleware, then uploads with them", async () => {
    const { fetch, seen } = imageWorld({ "https://cdn.example.net/photos/door.jpg": jpegAt() });
    const client = testClient(fetch, {
      middleware: [(request, next) => (request.headers.set("X-Tenant", "harbor"), next(request))],
    });

    await client.devices.uploadImageFromUrl("d1", "https://cdn.example.net/photos/door.jpg");

    const [download, upload] = seen;
    expect(download?.headers.has("authorization")).toBe(false);
    expect(download?.headers.has("x-tenant")).toBe(false);
    expect(upload?.headers.get("authorization")).toMatch(/^Bearer /);
    expect(upload?.headers.get("x-tenant")).toBe("harbor");
    expect(upload?.file).toMatchObject({ name: "door.jpg", type: "image/jpeg" });
  });

  it("falls back to the magic bytes when the host sends no useful type", async () => {
    const { fetch, seen } = imageWorld({ "https://cdn.example.net/p/12345": jpegAt("application/octet-stream") });
    await testClient(fetch).orgs.uploadImageFromUrl("o1", new URL("https://cdn.example.net/p/12345"), { filename: "crest.jpg" });
    expect(seen[1]?.file).toMatchObject({ name: "crest.jpg", type: "image/jpeg" });
  });

  it.each([["ftp://files.example.net/door.jpg"], ["file:///etc/passwd"], ["data:image/png;base64,iVBORw0KGgo="], ["not a url"]])(
    "refuses %s without any request",
    async (url) => {
      const { fetch, seen } = imageWorld();
      await expect(testClient(fetch).users.uploadImageFromUrl("u1", url)).rejects.toBeInstanceOf(ValidationError);
      expect(seen).toHaveLength(0);
    },
  );

  it("refuses a download that is not an image or is too large, and uploads nothing", async () => {
    const { fetch, seen } = imageWorld({
      "https://cdn.example.net/page.html": () => new Response("<html></html>", { headers: { "content-type": "text/html" } }),
      "https://cdn.example.net/huge.png": () => new Response(PNG, { headers: { "content-type": "image/png", "content-length": "20000000" } }),
    });
    const client = testClient(fetch);
    await expect(client.integrations.uploadImageFromUrl("i1", "https://cdn.example.net/page.html")).rejects.toThrow(/text\/html/);
    await expect(client.integrations.uploadImageFromUrl("i1", "https://cdn.example.net/huge.png")).rejects.toThrow(/limit/);
    expect(seen.map((s) => new URL(s.url).host)).toEqual(["cdn.example.net", "cdn.example.net"]);
  });
});

describe("uploadImageFromUrl safety", () => {
  it.each([["http://127.0.0.1/x.png"], ["http://10.0.0.1/x.png"], ["http://[::1]/x.png"], ["http://169.254.169.254/latest"]])(
    "refuses the private address %s before any request",
    async (url) => {
      const { fetch, seen } = imageWorld();
      await expect(testClient(fetch).devices.uploadImageFromUrl("d1", url)).rejects.toThrow(/private address/);
      expect(seen).toHaveLength(0);
    },
  );

  it("downloads through downloadFetch when one is given, and uploads through the client's fetch", async () => {
    const api = imageWorld();
    const downloads = imageWorld({ "https://cdn.example.net/door.png": () => new Response(PNG, { headers: { "content-type": "image/png" } }) });
    const client = testClient(api.fetch, { downloadFetch: downloads.fetch });
    expect(await client.devices.uploadImageFromUrl("d1", "https://cdn.example.net/door.png")).toEqual(UPLOADED);
    expect(downloads.seen.map((s) => s.url)).toEqual(["https://cdn.example.net/door.png"]);
    expect(api.seen.map((s) => new URL(s.url).pathname)).toEqual(["/api/v1/devices/d1/image"]);
    expect(downloads.seen[0]!.headers.has("authorization")).toBe(false);
  });
});

describe("uploadImageFromUrl failures", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Never answers; rejects only when the request's signal fires, like a real fetch.
  const hangingFetch = (request: Request) =>
    new Promise<Response>((_resolve, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));

  it("gives up on a hanging image host after the call's timeout", async () => {
    vi.useFakeTimers();
    const pending = testClient(hangingFetch)
      .devices.uploadImageFromUrl("d1", "https://slow.example.net/a.png", { timeout: 5_000, maxRetries: 0 })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toBeInstanceOf(TimeoutError);
  });

  it("stops when the caller aborts, and reports network failures as ConnectionError", async () => {
    const controller = new AbortController();
    const pending = testClient(hangingFetch).entities.uploadImageFromUrl("e1", "https://slow.example.net/a.png", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);

    const offline = async () => Promise.reject(new TypeError("fetch failed"));
    await expect(testClient(offline).users.uploadImageFromUrl("u1", "https://cdn.example.net/a.png")).rejects.toBeInstanceOf(ConnectionError);
  });
});
