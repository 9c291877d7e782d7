import { ResponseParseError, ResponseTooLargeError } from "./errors.js";
import type { KnownSecret } from "./redact.js";
import { textSnippet } from "./snippet.js";

/** A body read up to a byte cap, by {@link readCappedText}. */
export interface CappedText {
  /** The decoded text of at most `maxBytes` bytes; a character cut by the cap is dropped, not mangled. */
  text: string;
  /** True when the body had more than `maxBytes` bytes; the rest was never read and the stream was cancelled. */
  truncated: boolean;
  /** Bytes decoded into `text` (at most `maxBytes`). */
  bytes: number;
}

/**
 * Reads a body as UTF-8 text, chunk by chunk, and stops at `maxBytes`: the stream is cancelled
 * there, so a huge or endless body costs at most one chunk beyond the cap. Stream errors are thrown.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<CappedText> {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  const body = response.body;
  if (body === null) return { text: "", truncated: false, bytes: 0 };
  const reader = body.getReader();
  // Like Response.text(): UTF-8, a leading BOM dropped, invalid bytes replaced.
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      parts.push(decoder.decode());
      return { text: parts.join(""), truncated: false, bytes };
    }
    const chunk = value as Uint8Array;
    const room = maxBytes - bytes;
    if (chunk.byteLength > room) {
      // `stream: true` keeps an incomplete trailing sequence back; never flushing it drops it cleanly.
      parts.push(decoder.decode(chunk.subarray(0, room), { stream: true }));
      // Not awaited: a source that is slow to cancel must not hold up the caller.
      reader.cancel().catch(() => undefined);
      return { text: parts.join(""), truncated: true, bytes: maxBytes };
    }
    bytes += chunk.byteLength;
    parts.push(decoder.decode(chunk, { stream: true }));
  }
}

/** Describes the response in errors about its body. `url` must already be redacted. */
export interface BodyContext {
  /** HTTP method of the request, for error messages. */
  method?: string | undefined;
  /** Redacted URL of the request, for error messages. */
  url?: string | undefined;
  /** Masked in error snippets. */
  secrets?: readonly KnownSecret[] | undefined;
}

/**
 * Reads a (2xx) body as text, refusing bodies over `maxBytes` with ResponseTooLargeError: at once
 * when Content-Length says so, else as soon as the stream passes the cap.
 */
export async function readBodyText(response: Response, maxBytes: number, context: BodyContext = {}): Promise<string> {
  const tooLarge = () => new ResponseTooLargeError(maxBytes, { status: response.status, method: context.method, url: context.url });
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const { text, truncated } = await readCappedText(response, maxBytes);
  if (truncated) throw tooLarge();
  return text;
}

/**
 * Parses a 2xx body that must be JSON. Throws ResponseParseError carrying a short redacted
 * snippet; the SyntaxError is not kept as `cause`, since its message quotes the raw body.
 */
export function parseJsonBody(text: string, context: BodyContext & { status: number }): unknown {
  try {
    if (text.trim() === "") throw new SyntaxError("empty body");
    return JSON.parse(text) as unknown;
  } catch {
    throw new ResponseParseError(textSnippet(text, context.secrets ?? []), { status: context.status, method: context.method, url: context.url });
  }
}

/**
 * Reads a (2xx) body as bytes with the same cap as `readBodyText`, for a transport that must
 * finish reading inside the attempt's deadline and hand on a complete body.
 */
export async function readBodyBytes(response: Response, maxBytes: number, context: BodyContext = {}): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new ResponseTooLargeError(maxBytes, { status: response.status, method: context.method, url: context.url });
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += (value as Uint8Array).byteLength;
    if (bytes > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value as Uint8Array);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const joined = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
