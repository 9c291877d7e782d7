import { composeResources } from "@openapp/core";
import { DevicesOperations } from "../generated/resources.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";

/** `client.devices`: controllers, relays and cameras, and the entities they expose. */
export class DevicesResource extends DevicesOperations {}

export interface DevicesResource extends ImageMethods<"upload_device_image"> {}
composeResources(DevicesResource, [imageUploads("upload_device_image")]);
