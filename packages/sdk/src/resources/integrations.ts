import { composeResources } from "@openapp/core";
import { IntegrationsOperations } from "../generated/resources.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";
import type { Body, OpenAppRequestOptions, Result } from "../models/operation-types.js";

/** `client.integrations`: provider connections, their access portals and guest invites. */
export class IntegrationsResource extends IntegrationsOperations {
  /**
   * Runs one provider operation (the body defaults to `{}`); never retried once it may have
   * reached the server.
   * `POST /integrations/{id}/ops/{op_id}`. Errors: see {@link OpenAppClient}.
   */
  runOp(id: string, opId: string, body: Body<"execute_integration_op"> = {}, options?: OpenAppRequestOptions): Promise<Result<"execute_integration_op">> {
    return this.ctx.kit.call("execute_integration_op", { path: { id, op_id: opId }, body }, options);
  }
}

export interface IntegrationsResource extends ImageMethods<"upload_integration_image"> {}
composeResources(IntegrationsResource, [imageUploads("upload_integration_image")]);
