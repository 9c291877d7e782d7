import { composeResources } from "@openapp/core";
import { IntegrationsOperations } from "../generated/resources.js";
import { MAX_PAGE_SIZE } from "../context.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";
import type { Body, Item, OpenAppRequestOptions, Result } from "../models/operation-types.js";

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

  /**
   * The integration with this name, in any of its locales (`match: "fuzzy"`: whose name contains it).
   * Pages `GET /integrations?q=` (the server prefilters, the SDK matches). Errors: see {@link OpenAppClient}.
   * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
   */
  async getByName(name: string, options?: GetByNameOptions): Promise<Item<"list_integrations">> {
    const { needle, mode, request } = byNameInput(name, options);
    return findByName("integration", name, needle, mode, this.list({ q: name.trim(), limit: MAX_PAGE_SIZE }, request));
  }

  /**
   * The access portal of an integration with this name, in any locale.
   * `GET /integrations/{id}/access-portals`. Errors: see {@link OpenAppClient}.
   * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
   */
  async getAccessPortalByName(id: string, name: string, options?: GetByNameOptions): Promise<Result<"list_integration_access_portals">["portals"][number]> {
    const { needle, mode, request } = byNameInput(name, options);
    const { portals } = await this.listAccessPortals(id, request);
    return findByName("access portal", name, needle, mode, portals);
  }
}

export interface IntegrationsResource extends ImageMethods<"upload_integration_image"> {}
composeResources(IntegrationsResource, [imageUploads("upload_integration_image")]);
