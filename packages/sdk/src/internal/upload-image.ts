import {
  AbortError,
  ConnectionError,
  DEFAULT_MAX_DOWNLOAD_BYTES,
  DEFAULT_TIMEOUT_MS,
  SdkError,
  TimeoutError,
  type Uploadable,
  ValidationError,
  anySignal,
  contentTypeFromFilename,
  fileFromUrl,
  normalizeContentType,
  redactUrl,
  sniffContentType,
  toFile,
} from "@openapp/core";
import { call } from "./call.js";
import type { OpenAppContext } from "./context.js";
import type { Body, ImageUploadOperationId, OpenAppRequestOptions, Path, Result } from "./types.js";

/** The types the image routes accept. */
export const IMAGE_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/webp"];
const EXTENSIONS: Readonly<Record<string, string>> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

export interface ImageUploadOptions extends OpenAppRequestOptions {
  /** Wins over the file's own type and its extension. */
  contentType?: string | undefined;
  filename?: string | undefined;
  /** Largest image accepted, in bytes (default 10 MiB). */
  maxBytes?: number | undefined;
}

export type ImageFromUrlOptions = Omit<ImageUploadOptions, "contentType">;

/** Declared type (argument, then the blob's own), then the extension, then the first bytes. */
async function imageType(file: File, declared: string | undefined): Promise<string | undefined> {
  const explicit = normalizeContentType(declared) ?? normalizeContentType(file.type) ?? contentTypeFromFilename(file.name);
  if (explicit) return explicit;
  return sniffContentType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
}

function withExtension(name: string, type: string): string {
  return contentTypeFromFilename(name) ? name : `${name}.${EXTENSIONS[type]}`;
}

async function imageFile(data: Uploadable, options: ImageUploadOptions): Promise<File> {
  const file = await toFile(data, { filename: options.filename });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  if (file.size > maxBytes) throw new ValidationError(`Image is ${file.size} bytes; the limit is ${maxBytes}`);
  const type = await imageType(file, options.contentType);
  if (!type || !IMAGE_TYPES.includes(type)) {
    throw new ValidationError(`Images must be ${IMAGE_TYPES.join(", ")}; got ${type ?? "an unrecognised type"}`);
  }
  return new File([file], withExtension(file.name, type), { type });
}

function post<Id extends ImageUploadOperationId>(ctx: OpenAppContext, id: Id, resourceId: string, file: File, options: ImageUploadOptions) {
  const { contentType: _type, filename: _name, maxBytes: _max, ...requestOptions } = options;
  // Every image route is `/{resource}/{id}/image` with a `file` part; the generic id cannot show it.
  const input = { path: { id: resourceId } as Path<Id>, body: { file } as Body<Id> };
  return call(ctx, id, input, requestOptions);
}

/** `POST /{resource}/{id}/image` with one multipart part named `file`. */
export async function uploadImage<Id extends ImageUploadOperationId>(
  ctx: OpenAppContext,
  id: Id,
  resourceId: string,
  data: Uploadable,
  options: ImageUploadOptions = {},
): Promise<Result<Id>> {
  return post(ctx, id, resourceId, await imageFile(data, options), options);
}

/** The failure of a download as an SDK error: timeout, the caller's abort, or the network. */
function downloadFailure(error: unknown, url: string | URL, timedOut: boolean, timeoutMs: number, signal: AbortSignal | undefined): unknown {
  if (error instanceof SdkError) return error;
  const target = { method: "GET", url: redactUrl(String(url)) };
  if (signal?.aborted) return new AbortError("Image download was aborted", { cause: error });
  if (timedOut) return new TimeoutError(timeoutMs, { cause: error, ...target });
  return new ConnectionError(`Image download failed: GET ${target.url}`, { cause: error, ...target });
}

/**
 * Fetches the image with the plain `fetch` (never the SDK transport, so no key, cookie or
 * middleware reaches the image host), bounded by the call's timeout and signal.
 */
async function download(ctx: OpenAppContext, url: string | URL, options: ImageFromUrlOptions): Promise<File> {
  const timeoutMs = options.timeout ?? ctx.transport.options.timeout ?? DEFAULT_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = anySignal([options.signal, deadline.signal]);
  try {
    return await fileFromUrl(url, { fetch: ctx.downloadFetch, signal, maxBytes: options.maxBytes, accept: IMAGE_TYPES, filename: options.filename });
  } catch (error) {
    throw downloadFailure(error, url, deadline.signal.aborted, timeoutMs, options.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads an http(s) image without the SDK's credentials, then uploads it like `uploadImage`. */
export async function uploadImageFromUrl<Id extends ImageUploadOperationId>(
  ctx: OpenAppContext,
  id: Id,
  resourceId: string,
  url: string | URL,
  options: ImageFromUrlOptions = {},
): Promise<Result<Id>> {
  return post(ctx, id, resourceId, await download(ctx, url, options), options);
}
