import { shown } from "./request-options.js";
import { contentTypeFromFilename, extensionForContentType, normalizeContentType, sniffContentType } from "./content-type.js";
import { ValidationError, readingInput } from "./errors.js";
import { readBodyBytes } from "./read-body.js";
import { redactUrl } from "./redact.js";
import { followRedirects } from "./redirects.js";
import type { FetchLike } from "./transport.js";

/** Everything an upload parameter accepts in every runtime; Node adds file paths via `/node`. */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;

/** Name and type for an upload built from bytes or a stream. */
export interface UploadMetadata {
  /** File name sent in the multipart part (default `upload`). */
  filename?: string | undefined;
  /** MIME type; guessed from the file name or the bytes when omitted. */
  contentType?: string | undefined;
}

const DEFAULT_FILENAME = "upload";

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
}

function viewBytes(view: ArrayBufferView): Uint8Array<ArrayBuffer> {
  // Copy so later mutation of the caller's buffer cannot change what is sent.
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
}

async function blobFrom(input: Uploadable): Promise<Blob> {
  return readingInput("The upload", () => {
    if (isBlob(input)) return input;
    if (input instanceof ArrayBuffer) return new Blob([input]);
    if (ArrayBuffer.isView(input)) return new Blob([viewBytes(input)]);
    if (isReadableStream(input)) return new Response(input).blob();
    throw new ValidationError("Upload must be a Blob, File, ArrayBuffer, typed array or ReadableStream");
  });
}

/**
 * Turns any uploadable into a named File. The content type comes from the caller, then the
 * blob itself, then the file extension; multipart encoding is left to the runtime.
 */
export async function toFile(input: Uploadable, metadata: UploadMetadata = {}): Promise<File> {
  const blob = await blobFrom(input);
  const existingName = blob instanceof File ? blob.name : undefined;
  const filename = metadata.filename ?? existingName ?? DEFAULT_FILENAME;
  const type = metadata.contentType ?? normalizeContentType(blob.type) ?? contentTypeFromFilename(filename) ?? "";
  if (blob instanceof File && blob.name === filename && blob.type === type) return blob;
  return new File([blob], filename, { type });
}

/** Largest file `fileFromUrl` downloads unless told otherwise: 10 MiB. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;
/** Content types `fileFromUrl` accepts by default. */
const DEFAULT_IMAGE_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/gif", "image/webp"];

/** Options of `fileFromUrl`. */
export interface FileFromUrlOptions {
  /** Plain fetch for the foreign host; never the SDK transport, so no credentials travel. */
  fetch?: FetchLike | undefined;
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
  /** Default 10 MiB. */
  maxBytes?: number | undefined;
  /** Allowed content types; default JPEG, PNG, GIF and WebP. */
  accept?: readonly string[] | undefined;
  /** File name of the result; derived from the URL path and the content type when omitted. */
  filename?: string | undefined;
  /**
   * Allow loopback, link-local and private addresses (an intranet image host). Off by default: a
   * server that downloads user-supplied URLs must not be turned against its own network.
   */
  allowPrivateNetwork?: boolean | undefined;
}

/** Redirect hops a download follows, each checked like the first URL. */
const MAX_DOWNLOAD_REDIRECTS = 5;

function ipv4Octets(host: string): number[] | undefined {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b! >= 64 && b! <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) || a! >= 224
  );
}

function isPrivateIpv6(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (address === "::" || address === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (mapped) return isPrivateIpv4(ipv4Octets(mapped) ?? [0]);
  // ::ffff:7f00:1 is how the URL parser writes a mapped 127.0.0.1.
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mappedHex) {
    const high = Number.parseInt(mappedHex[1]!, 16);
    return isPrivateIpv4([high >> 8, high & 255]);
  }
  return /^f[cd]/.test(address) || /^fe[89ab]/.test(address);
}

/**
 * True for hosts that name this machine or a private network by themselves: `localhost`, and IP
 * literals in loopback, link-local, private, shared (CGNAT), unspecified or multicast ranges. Names
 * that only resolve there are caught after DNS by the Node helper (`@openapp/core/node`).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host.includes(":")) return isPrivateIpv6(host);
  const octets = ipv4Octets(host);
  return octets !== undefined && isPrivateIpv4(octets);
}

function parseHttpUrl(url: string | URL, allowPrivateNetwork = false): URL {
  let parsed: URL;
  if (typeof url !== "string" && !(url instanceof URL)) throw new ValidationError(`Not a URL: ${shown(url)}`);
  try {
    parsed = new URL(String(url));
  } catch {
    throw new ValidationError(`Not a valid URL: ${redactUrl(String(url))}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ValidationError(`Only http: and https: URLs can be downloaded, got ${parsed.protocol}`);
  }
  if (!allowPrivateNetwork && isPrivateHost(parsed.hostname)) {
    throw new ValidationError(
      `Refusing to download from ${redactUrl(parsed)}: it is a loopback, link-local or private address (pass allowPrivateNetwork: true for an intranet host)`,
    );
  }
  return parsed;
}

function tooLarge(url: URL, maxBytes: number): ValidationError {
  return new ValidationError(`Download from ${redactUrl(url)} is larger than the ${maxBytes}-byte limit`);
}

function filenameFromUrl(url: URL, type: string): string {
  const lastSegment = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  if (lastSegment && contentTypeFromFilename(lastSegment)) return lastSegment;
  const extension = extensionForContentType(type);
  return extension ? `${lastSegment || "download"}.${extension}` : lastSegment || "download";
}

/** Content-Type header first, then the URL's extension, then the file's magic bytes. */
function detectType(response: Response, url: URL, bytes: Uint8Array): string | undefined {
  return normalizeContentType(response.headers.get("content-type")) ?? contentTypeFromFilename(url.pathname) ?? sniffContentType(bytes);
}

/**
 * Downloads a file (typically an image) so it can be re-uploaded. Only http(s), no SDK
 * credentials, no cookies, capped in size, and the type must be one of `accept`.
 */
export async function fileFromUrl(url: string | URL, options: FileFromUrlOptions = {}): Promise<File> {
  const allowPrivate = options.allowPrivateNetwork === true;
  let parsed = readingInput("The URL", () => parseHttpUrl(url, allowPrivate));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const accept = options.accept ?? DEFAULT_IMAGE_TYPES;
  const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike);
  const hopTo = (target: URL): Request => new Request(target, { credentials: "omit", redirect: "manual", signal: options.signal ?? null });
  const response = await followRedirects(hopTo(parsed), (request) => fetchImpl(request), (_response, request, target, hop) => {
    if (hop >= MAX_DOWNLOAD_REDIRECTS) throw new ValidationError(`Download from ${redactUrl(url)} redirected more than ${MAX_DOWNLOAD_REDIRECTS} times`);
    if (target === undefined) throw new ValidationError(`Download from ${redactUrl(request.url)} redirected without a usable Location`);
    // Every hop is checked like the first URL, so a redirect cannot reach a private address either.
    parsed = parseHttpUrl(target, allowPrivate);
    return hopTo(parsed);
  });
  return downloadedFile(response, parsed, maxBytes, accept, options.filename);
}

async function downloadedFile(response: Response, url: URL, maxBytes: number, accept: readonly string[], filename: string | undefined): Promise<File> {
  if (!response.ok) {
    await response.body?.cancel();
    throw new ValidationError(`Download from ${redactUrl(url)} failed with HTTP ${response.status}`);
  }
  const bytes = await readBodyBytes(response, maxBytes, () => tooLarge(url, maxBytes));
  const type = detectType(response, url, bytes);
  if (!type || !accept.includes(type)) {
    throw new ValidationError(`Download from ${redactUrl(url)} has type ${type ?? "unknown"}; expected one of ${accept.join(", ")}`);
  }
  return new File([bytes], filename ?? filenameFromUrl(url, type), { type });
}
