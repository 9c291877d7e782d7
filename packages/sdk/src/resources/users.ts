import { composeResources } from "@openapp/core";
import { UsersOperations } from "../generated/resources.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";

/** `client.users`: people and their roles per organization. */
export class UsersResource extends UsersOperations {}

export interface UsersResource extends ImageMethods<"upload_user_image"> {}
composeResources(UsersResource, [imageUploads("upload_user_image")]);
