import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { contentTypeFromFilename } from "../content-type.js";
import { ValidationError } from "../errors.js";
import type { UploadMetadata } from "../uploads.js";

/**
 * Opens a local file as a File without reading it into memory first. The type comes from
 * the caller or the extension.
 */
export async function fileFromPath(path: string, metadata: UploadMetadata = {}): Promise<File> {
  const info = await stat(path).catch((error: unknown) => {
    throw new ValidationError(`Cannot read upload file ${path}`, { cause: error });
  });
  if (!info.isFile()) throw new ValidationError(`Upload path is not a file: ${path}`);
  const filename = metadata.filename ?? basename(path);
  const type = metadata.contentType ?? contentTypeFromFilename(filename) ?? "";
  const blob = await openAsBlob(path, { type });
  return new File([blob], filename, { type });
}
