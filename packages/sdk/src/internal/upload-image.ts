import { DEFAULT_MAX_DOWNLOAD_BYTES, type Uploadable, ValidationError, contentTypeFromFilename, fileFromUrl, normalizeContentType, sniffContentType, toFile, checkedRequestOptions } from "@openapp/core";
import type { OpenAppContext } from "../context.js";
import type { Body, ImageUploadOperationId, OpenAppRequestOptions, Path, Result } from "../models/operation-types.js";

/** The types the image routes accept. */
export const IMAGE_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/webp"];
const EXTENSIONS: Readonly<Record<string, string>> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** Options of `uploadImage`: request options plus how to name, type and cap the image. */
export interface ImageUploadOptions extends OpenAppRequestOptions {
  /** Wins over the file's own type and its extension. */
  contentType?: string | undefined;
  /** File name sent with the image; an extension matching its type is added when missing. */
  filename?: string | undefined;
  /** Largest image accepted, in bytes (default 10 MiB). */
  maxBytes?: number | undefined;
}

/** Options of `uploadImageFromUrl`: like {@link ImageUploadOptions}, the type always comes from the download. */
export interface ImageFromUrlOptions extends Omit<ImageUploadOptions, "contentType"> {
  /** Allow loopback, link-local and private image hosts (intranet); refused by default. */
  allowPrivateNetwork?: boolean | undefined;
}

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
  const { contentType: _type, filename: _name, maxBytes: _max, allowPrivateNetwork: _private, ...requestOptions } = options as ImageFromUrlOptions & ImageUploadOptions;
  // Every image route is `/{resource}/{id}/image` with a `file` part; the generic id cannot show it.
  const input = { path: { id: resourceId } as Path<Id>, body: { file } as Body<Id> };
  return ctx.kit.call(id, input, requestOptions) as Promise<Result<Id>>;
}

/** `POST /{resource}/{id}/image` with one multipart part named `file`. */
export async function uploadImage<Id extends ImageUploadOperationId>(
  ctx: OpenAppContext,
  id: Id,
  resourceId: string,
  data: Uploadable,
  given?: ImageUploadOptions,
): Promise<Result<Id>> {
  const options: ImageUploadOptions = checkedRequestOptions(given, "uploadImage");
  return post(ctx, id, resourceId, await imageFile(data, options), options);
}

/**
 * Fetches the image through the kit's foreign-origin transport: the call's timeout, signal and
 * typed errors, but never the key, cookie, client headers or middleware.
 */
function download(ctx: OpenAppContext, url: string | URL, options: ImageFromUrlOptions): Promise<File> {
  const { signal, timeout, maxRetries, allowPrivateNetwork } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  // The transport stops reading past the image cap too, so a huge answer is never buffered.
  const fetch = ctx.kit.foreignFetch({ signal, timeout, maxRetries, maxResponseBytes: maxBytes });
  return fileFromUrl(url, { fetch, maxBytes, accept: IMAGE_TYPES, filename: options.filename, allowPrivateNetwork });
}

/** Downloads an http(s) image without the SDK's credentials, then uploads it like `uploadImage`. */
export async function uploadImageFromUrl<Id extends ImageUploadOperationId>(
  ctx: OpenAppContext,
  id: Id,
  resourceId: string,
  url: string | URL,
  given?: ImageFromUrlOptions,
): Promise<Result<Id>> {
  const options: ImageFromUrlOptions = checkedRequestOptions(given, "uploadImageFromUrl");
  return post(ctx, id, resourceId, await download(ctx, url, options), options);
}
