import { ResponseParseError } from "./errors.js";
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
 * The one capped reader: reads a body chunk by chunk and stops once it passes `maxBytes`; the
 * stream is cancelled there, so a huge or endless body costs at most one chunk beyond the cap.
 * `bytes` holds at most `maxBytes` bytes; `truncated` says the body had more. Stream errors are thrown.
 */
async function readUpTo(response: Response, maxBytes: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean }> {
  const body = response.body;
  if (body === null) return { bytes: new Uint8Array(0), truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: joined(chunks, total), truncated: false };
    const chunk = value as Uint8Array;
    const room = maxBytes - total;
    if (chunk.byteLength > room) {
      chunks.push(chunk.subarray(0, room));
      // Not awaited: a source that is slow to cancel must not hold up the caller.
      reader.cancel().catch(() => undefined);
      return { bytes: joined(chunks, maxBytes), truncated: true };
    }
    total += chunk.byteLength;
    chunks.push(chunk);
  }
}

function joined(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a body as UTF-8 text up to `maxBytes` (an error body, a snippet): like Response.text(), a
 * leading BOM dropped and invalid bytes replaced; a character cut by the cap is dropped, not mangled.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<CappedText> {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  const { bytes, truncated } = await readUpTo(response, maxBytes);
  // `stream: true` keeps an incomplete trailing sequence back; never flushing it drops it cleanly.
  const text = new TextDecoder().decode(bytes, { stream: truncated });
  return { text, truncated, bytes: bytes.byteLength };
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
 * Reads a body whole as bytes, refusing one over `maxBytes` with `tooLarge()`: at once when
 * Content-Length says so, else as soon as the stream passes the cap (a 2xx answer the transport
 * must finish inside the attempt's deadline; a download).
 */
export async function readBodyBytes(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const { bytes, truncated } = await readUpTo(response, maxBytes);
  if (truncated) throw tooLarge();
  return bytes;
}
