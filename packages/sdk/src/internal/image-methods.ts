import { Resource, type ResourceClass, type Uploadable } from "@openapp/core";
import type { OpenAppContext } from "../context.js";
import type { ImageUploadOperationId, Result } from "../models/operation-types.js";
import { type ImageFromUrlOptions, type ImageUploadOptions, uploadImage, uploadImageFromUrl } from "./upload-image.js";

/** `uploadImage` and `uploadImageFromUrl`, on every resource that carries a picture. */
export interface ImageMethods<Id extends ImageUploadOperationId> {
  /**
   * Uploads a JPEG, PNG or WebP picture (Blob, File, bytes or stream; at most 10 MiB). The type
   * comes from `contentType`, then the file's own type or extension, then its first bytes.
   * `POST /{resource}/{id}/image`, one multipart part named `file`.
   * @throws {ValidationError} before any request when the data is not an upload, is over `maxBytes`, or is not JPEG, PNG or WebP.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
   */
  uploadImage(id: string, data: Uploadable, options?: ImageUploadOptions): Promise<Result<Id>>;
  /**
   * Downloads an http(s) image without the SDK's credentials or middleware, then uploads it
   * (`GET url`, then `POST /{resource}/{id}/image`).
   * @throws {ValidationError} when the URL is not http(s), names a private host (unless `allowPrivateNetwork`), redirects too often, fails, or is not an image within `maxBytes`.
   * @throws {ApiError} when the upload gets a non-2xx answer.
   */
  uploadImageFromUrl(id: string, url: string | URL, options?: ImageFromUrlOptions): Promise<Result<Id>>;
}

/**
 * The two image methods bound to one upload route, as a resource class a picture-bearing
 * resource composes: `interface DevicesResource extends ImageMethods<Id> {}` declares them and
 * `composeResources(DevicesResource, [imageUploads(id)])` puts them on its prototype.
 */
export function imageUploads<Id extends ImageUploadOperationId>(operation: Id): ResourceClass {
  return class ImageUploads extends Resource<OpenAppContext> implements ImageMethods<Id> {
    uploadImage(id: string, data: Uploadable, options?: ImageUploadOptions): Promise<Result<Id>> {
      return uploadImage(this.ctx, operation, id, data, options);
    }

    uploadImageFromUrl(id: string, url: string | URL, options?: ImageFromUrlOptions): Promise<Result<Id>> {
      return uploadImageFromUrl(this.ctx, operation, id, url, options);
    }
  };
}
