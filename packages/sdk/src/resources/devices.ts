import { composeResources } from "@openapp/core";
import { DevicesOperations } from "../generated/resources.js";
import { MAX_PAGE_SIZE } from "../context.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";
import type { Item } from "../models/operation-types.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";

/** `client.devices`: controllers, relays and cameras, and the entities they expose. */
export class DevicesResource extends DevicesOperations {
  /**
   * The device with this name, in any of its locales (`match: "fuzzy"`: whose name contains it).
   * Pages `GET /devices?q=` (the server prefilters, the SDK matches). Errors: see {@link OpenAppClient}.
   * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
   */
  async getByName(name: string, options?: GetByNameOptions): Promise<Item<"list_devices">> {
    const { needle, mode, request } = byNameInput(name, options);
    return findByName("device", name, needle, mode, this.list({ q: name.trim(), limit: MAX_PAGE_SIZE }, request));
  }
}

export interface DevicesResource extends ImageMethods<"upload_device_image"> {}
composeResources(DevicesResource, [imageUploads("upload_device_image")]);
