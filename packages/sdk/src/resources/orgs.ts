import { type PagePromise, checkedRequestOptions, composeResources, failedPages } from "@openapp/core";
import { OrgsOperations } from "../generated/resources.js";
import { MAX_PAGE_SIZE } from "../context.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";
import type { Item, ListParams, OpenAppRequestOptions } from "../models/operation-types.js";

/** `client.orgs`: organizations. Their routes take no `X-Org`: the organization is in the path. */
export class OrgsResource extends OrgsOperations {
  /**
   * Members of an organization, page by page (`recursive: true` adds descendant orgs).
   * `X-Org` defaults to that organization when neither the call nor the client names one.
   * `GET /orgs/{org_id}/users`, one request per page. Errors: see {@link OpenAppClient}.
   */
  users(orgId: string, params?: ListParams<"list_org_users">, options?: OpenAppRequestOptions): PagePromise<Item<"list_org_users">> {
    try {
      const given: OpenAppRequestOptions = checkedRequestOptions(options, "orgs.users");
      const withOrg: OpenAppRequestOptions = { ...given, org: given.org ?? (this.ctx.kit.defaultOption("org") as string | undefined) ?? orgId };
      return this.ctx.kit.list("list_org_users", { path: { org_id: orgId }, query: params }, withOrg);
    } catch (error) {
      return failedPages(error);
    }
  }

  /**
   * The organization with this name, in any of its locales (`match: "fuzzy"`: whose name contains it).
   * Pages `GET /orgs`. Errors: see {@link OpenAppClient}.
   * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
   */
  async getByName(name: string, options?: GetByNameOptions): Promise<Item<"list_orgs">> {
    const { needle, mode, request } = byNameInput(name, options);
    return findByName("organization", name, needle, mode, this.list({ limit: MAX_PAGE_SIZE }, request));
  }
}

export interface OrgsResource extends ImageMethods<"upload_org_image"> {}
composeResources(OrgsResource, [imageUploads("upload_org_image")]);
