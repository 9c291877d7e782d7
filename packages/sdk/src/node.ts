/** Node-only helpers: reading scripts and images from disk. The main entry stays browser-safe. */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ValidationError } from "@openapp/core";
import type { OpenAppClient } from "./client.js";
import type { OpenAppRequestOptions, Result } from "./models/operation-types.js";

/** Opens a local file as a File for `uploadImage` without reading it into memory first. */
export { fileFromPath } from "@openapp/core/node";

/** A download `fetch` that refuses names resolving to private addresses; pass it as `downloadFetch`. */
export { createPublicNetworkFetch } from "@openapp/core/node";

/** The only file extension `executeFile` runs. */
export const SCRIPT_EXTENSION = ".openapp";

/**
 * Runs a `.openapp` script file with `client.scripting.execute`. Other extensions are refused
 * so a stray path (a shell script, a JSON file) is never sent to the server as code.
 * `POST /scripting/execute`.
 * @throws {ValidationError} before any request when the extension is not `.openapp` or the file cannot be read.
 */
export async function executeFile(client: OpenAppClient, path: string, options?: OpenAppRequestOptions): Promise<Result<"execute_scripting">> {
  if (extname(path).toLowerCase() !== SCRIPT_EXTENSION) {
    throw new ValidationError(`executeFile runs ${SCRIPT_EXTENSION} scripts only, got ${basename(path)}`);
  }
  const source = await readFile(path, "utf8").catch((error: unknown) => {
    throw new ValidationError(`Cannot read script ${path}`, { cause: error });
  });
  // Editors on Windows like to start UTF-8 files with a byte-order mark.
  return client.scripting.execute(source.replace(/^\uFEFF/, ""), options);
}
