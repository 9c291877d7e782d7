import type { Uploadable } from "@openapp/core";
import type { OpenAppContext } from "../client.js";
import type { ImageUploadOperationId, Result } from "../models/operation-types.js";
import { type ImageFromUrlOptions, type ImageUploadOptions, uploadImage, uploadImageFromUrl } from "./upload-image.js";

export interface ImageMethods<Id extends ImageUploadOperationId> {
  /**
   * Uploads a JPEG, PNG or WebP picture (Blob, File, bytes or stream; at most 10 MiB). The type
   * comes from `contentType`, then the file's own type or extension, then its first bytes.
   */
  uploadImage(id: string, data: Uploadable, options?: ImageUploadOptions): Promise<Result<Id>>;
  /** Downloads an http(s) image without the SDK's credentials or middleware, then uploads it. */
  uploadImageFromUrl(id: string, url: string | URL, options?: ImageFromUrlOptions): Promise<Result<Id>>;
}

/** The two image methods every picture-bearing resource shares, bound to its upload route. */
export function imageMethods<Id extends ImageUploadOperationId>(ctx: OpenAppContext, operation: Id): ImageMethods<Id> {
  return {
    uploadImage: (id, data, options) => uploadImage(ctx, operation, id, data, options),
    uploadImageFromUrl: (id, url, options) => uploadImageFromUrl(ctx, operation, id, url, options),
  };
}
