import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ResponseParseError, ResponseTooLargeError, SdkError } from "../src/errors.js";
import { parseJsonBody, readBodyBytes, readCappedText } from "../src/read-body.js";

const encoder = new TextEncoder();

/** A body that never ends: every pull yields another chunk. Counts pulls and notices cancel. */
function endlessBody(chunk: Uint8Array) {
  const stats = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        stats.pulls++;
        controller.enqueue(chunk);
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(stream, { status: 502 }), stats };
}

/** A body served as the given chunks, then closed. */
function chunkedBody(chunks: Uint8Array[], init?: ResponseInit): Response {
  let next = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    }),
    init,
  );
}

describe("readCappedText", () => {
  it("stops reading an endless body at the cap and cancels the stream", async () => {
    const { response, stats } = endlessBody(encoder.encode("<p>".padEnd(1024, "a")));
    const result = await readCappedText(response, 64 * 1024);
    expect(result.truncated).toBe(true);
    expect(result.bytes).toBe(64 * 1024);
    expect(result.text.length).toBe(64 * 1024);
    // 64 chunks fill the cap; one more shows there is more. Nothing is read after that.
    expect(stats.pulls).toBeLessThanOrEqual(66);
    expect(stats.cancelled).toBe(true);
  });

  it("reads a body that fits, including one of exactly the cap", async () => {
    expect(await readCappedText(new Response("héllo"), 6)).toEqual({ text: "héllo", truncated: false, bytes: 6 });
    expect(await readCappedText(chunkedBody([encoder.encode("abc"), encoder.encode("def")]), 6)).toEqual({ text: "abcdef", truncated: false, bytes: 6 });
    expect(await readCappedText(new Response(null, { status: 204 }), 10)).toEqual({ text: "", truncated: false, bytes: 0 });
  });

  it("never cuts a UTF-8 character in half, whatever the chunking", async () => {
    const text = "€uro ✓ 😀 done";
    const bytes = encoder.encode(text);
    for (let cap = 0; cap <= bytes.length; cap++) {
      const oneByteChunks = [...bytes].map((byte) => Uint8Array.of(byte));
      const { text: cut } = await readCappedText(chunkedBody(oneByteChunks), cap);
      expect(cut).not.toContain("\uFFFD");
      expect(text.startsWith(cut)).toBe(true);
      expect(encoder.encode(cut).length).toBeGreaterThan(cap - 4);
    }
  });

  it("decodes like Response.text(): BOM dropped, invalid bytes replaced", async () => {
    const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, 0x68, 0x69, 0xff);
    expect((await readCappedText(new Response(bytes), 100)).text).toBe(await new Response(bytes).text());
  });

  it("rejects a nonsensical cap", async () => {
    await expect(readCappedText(new Response("x"), -1)).rejects.toBeInstanceOf(RangeError);
  });
});

describe("readBodyBytes (2xx bodies, downloads)", () => {
  const tooLarge = () => new ResponseTooLargeError(10_000, { status: 200, method: "GET", url: "https://api.test/devices" });

  it("throws ResponseTooLargeError as soon as a streamed body passes the cap", async () => {
    const { response, stats } = endlessBody(encoder.encode("x".repeat(4096)));
    const error = await readBodyBytes(new Response(response.body, { status: 200 }), 10_000, tooLarge).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toMatchObject({ status: 200, maxBytes: 10_000, method: "GET", url: "https://api.test/devices" });
    expect((error as Error).message).toBe("GET https://api.test/devices → 200: body exceeds the 10000-byte limit");
    expect(stats.pulls).toBeLessThanOrEqual(4);
    expect(stats.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const { response, stats } = endlessBody(encoder.encode("x"));
    const declared = new Response(response.body, { status: 200, headers: { "content-length": "50000000" } });
    await expect(readBodyBytes(declared, 1_000_000, tooLarge)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(stats.pulls).toBe(0);
  });

  it("returns the bytes of a body within the cap, also when they come in several chunks", async () => {
    expect(new TextDecoder().decode(await readBodyBytes(new Response('{"ok":true}'), 11, tooLarge))).toBe('{"ok":true}');
    const chunked = chunkedBody([encoder.encode("abc"), encoder.encode("def")]);
    expect(new TextDecoder().decode(await readBodyBytes(chunked, 6, tooLarge))).toBe("abcdef");
  });
});

describe("parseJsonBody", () => {
  const secret = "tok_9f8e7d6c5b4a3210";

  it("parses JSON", () => {
    expect(parseJsonBody('{"items":[1]}', { status: 200 })).toEqual({ items: [1] });
  });

  it("throws ResponseParseError with a short redacted snippet, and no raw body anywhere", () => {
    const body = `<html><body><h1>Login</h1><p>session=${secret} password=hunter2</p>${"<p>filler</p>".repeat(100)}</body></html>`;
    let error: unknown;
    try {
      parseJsonBody(body, { status: 200, method: "GET", url: "https://api.test/devices", secrets: [secret] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toBeInstanceOf(SdkError);
    const parseError = error as ResponseParseError;
    expect(parseError).toMatchObject({ status: 200, method: "GET", url: "https://api.test/devices" });
    expect(parseError.snippet.startsWith("Login session=*** password=***")).toBe(true);
    expect(parseError.snippet.length).toBeLessThanOrEqual(200);
    const everything = `${inspect(parseError, { depth: 5 })} ${JSON.stringify(parseError)} ${parseError.message}`;
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain("hunter2");
  });

  it("treats an empty body as a parse error", () => {
    expect(() => parseJsonBody("  ", { status: 200 })).toThrow(ResponseParseError);
    expect(() => parseJsonBody("", { status: 200 })).toThrow("body is not valid JSON (empty)");
  });
});
