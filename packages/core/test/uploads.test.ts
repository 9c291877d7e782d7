import { describe, expect, it } from "vitest";
import { fileFromUrl, serializeBody, sniffContentType, toFile, ValidationError } from "../src/index.js";
import { steppedFetch } from "./helpers.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP = new Uint8Array([...new TextEncoder().encode("RIFF"), 0, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

describe("toFile", () => {
  it.each([
    ["Blob", () => new Blob([PNG])],
    ["ArrayBuffer", () => PNG.slice().buffer],
    ["Uint8Array", () => PNG],
    ["ReadableStream", () => streamOf(PNG)],
  ])("accepts a %s", async (_kind, make) => {
    const file = await toFile(make(), { filename: "door.png" });
    expect(file.name).toBe("door.png");
    expect(file.type).toBe("image/png");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
  });

  it("copies typed-array views so later writes do not change the upload", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const file = await toFile(bytes.subarray(1, 3));
    bytes[1] = 99;
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([2, 3]);
  });

  it("keeps an existing File's name and type", async () => {
    const original = new File([JPEG], "gate.jpg", { type: "image/jpeg" });
    expect(await toFile(original)).toBe(original);
  });
});

describe("multipart bodies", () => {
  it("are built by serializeBody, whose Content-Type, with boundary, comes from the runtime", async () => {
    const form = serializeBody({ file: await toFile(PNG, { filename: "door.png" }), caption: "Front door", skip: undefined }) as FormData;
    const request = new Request("https://api.test/upload", { method: "POST", body: form });
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const text = await request.text();
    expect(text).toContain('name="file"; filename="door.png"');
    expect(text).toContain("Content-Type: image/png");
    expect(text).toContain("Front door");
    expect(text).not.toContain('name="skip"');
  });
});

describe("sniffContentType", () => {
  it("recognises images by magic bytes", () => {
    expect(sniffContentType(PNG)).toBe("image/png");
    expect(sniffContentType(JPEG)).toBe("image/jpeg");
    expect(sniffContentType(WEBP)).toBe("image/webp");
    expect(sniffContentType(new TextEncoder().encode("<html>"))).toBeUndefined();
  });
});

describe("fileFromUrl", () => {
  it("downloads without credentials and types the file from Content-Type", async () => {
    const fetch = steppedFetch(new Response(JPEG, { headers: { "content-type": "image/jpeg" } }));
    const file = await fileFromUrl("https://images.example.test/photos/entrance", { fetch });
    expect(file.type).toBe("image/jpeg");
    expect(file.name).toBe("entrance.jpg");
    const sent = fetch.requests[0]!;
    expect(sent.headers.has("authorization")).toBe(false);
    expect(sent.headers.has("cookie")).toBe(false);
  });

  it("falls back to the extension, then to magic bytes, when Content-Type says nothing", async () => {
    const byExtension = steppedFetch(new Response(WEBP, { headers: { "content-type": "application/octet-stream" } }));
    expect((await fileFromUrl("https://cdn.test/a/door.webp", { fetch: byExtension })).type).toBe("image/webp");
    const byMagic = steppedFetch(new Response(PNG));
    const file = await fileFromUrl("https://cdn.test/a/download", { fetch: byMagic });
    expect(file.type).toBe("image/png");
    expect(file.name).toBe("download.png");
  });

  it.each(["file:///etc/passwd", "ftp://files.test/a.png", "data:image/png;base64,AAAA", "not a url"])("rejects %s", async (url) => {
    const fetch = steppedFetch();
    await expect(fileFromUrl(url, { fetch })).rejects.toBeInstanceOf(ValidationError);
    expect(fetch.requests).toHaveLength(0);
  });

  it("rejects bodies over the cap from Content-Length before reading them", async () => {
    const fetch = steppedFetch(new Response(PNG, { headers: { "content-length": String(20 * 1024 * 1024), "content-type": "image/png" } }));
    await expect(fileFromUrl("https://cdn.test/big.png", { fetch })).rejects.toThrow(/larger than the 10485760-byte limit/);
  });

  it("counts streamed bytes when Content-Length is missing", async () => {
    const chunks = 5;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(400));
      },
    });
    const fetch = steppedFetch(new Response(body, { headers: { "content-type": "image/png" } }));
    await expect(fileFromUrl("https://cdn.test/endless.png", { fetch, maxBytes: chunks * 400 - 1 })).rejects.toThrow(ValidationError);
  });

  it("rejects content that is not an accepted type", async () => {
    const html = steppedFetch(new Response("<html>login</html>", { headers: { "content-type": "text/html" } }));
    await expect(fileFromUrl("https://cdn.test/door.png", { fetch: html })).rejects.toThrow(/text\/html/);
    const unknown = steppedFetch(new Response(new Uint8Array([1, 2, 3])));
    await expect(fileFromUrl("https://cdn.test/blob", { fetch: unknown })).rejects.toThrow(/unknown/);
  });

  it("reports failed downloads without leaking query tokens", async () => {
    const fetch = steppedFetch(new Response("nope", { status: 403 }));
    const error = await fileFromUrl("https://cdn.test/a.png?X-Amz-Signature=abcdef&token=t0k", { fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).not.toMatch(/abcdef|t0k/);
  });
});
