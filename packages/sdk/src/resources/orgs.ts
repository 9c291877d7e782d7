import type { PagePromise } from "@openapp/core";
import { call } from "../internal/call.js";
import type { OpenAppContext } from "../internal/context.js";
import { imageMethods } from "../internal/image-methods.js";
import { list } from "../internal/list.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../internal/types.js";

/** `client.orgs`: organizations. Their routes take no `X-Org`: the organization is in the path. */
export function orgsResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /** Organizations the key can see, page by page. */
    list(params?: ListParams<"list_orgs">, options?: Options): PagePromise<Item<"list_orgs">> {
      return list(ctx, "list_orgs", undefined, params, options);
    },
    get(id: string, params?: Query<"get_org">, options?: Options): Promise<Result<"get_org">> {
      return call(ctx, "get_org", { path: { id }, query: params }, options);
    },
    create(body: Body<"create_org">, params?: Query<"create_org">, options?: Options): Promise<Result<"create_org">> {
      return call(ctx, "create_org", { body, query: params }, options);
    },
    update(id: string, body: Body<"update_org">, params?: Query<"update_org">, options?: Options): Promise<Result<"update_org">> {
      return call(ctx, "update_org", { path: { id }, body, query: params }, options);
    },
    delete(id: string, params?: Query<"delete_org">, options?: Options): Promise<Result<"delete_org">> {
      return call(ctx, "delete_org", { path: { id }, query: params }, options);
    },
    purge(id: string, params?: Query<"hard_delete_org">, options?: Options): Promise<Result<"hard_delete_org">> {
      return call(ctx, "hard_delete_org", { path: { id }, query: params }, options);
    },
    /** What the caller may do in this organization. */
    permissions(id: string, options?: Options): Promise<Result<"get_org_permissions">> {
      return call(ctx, "get_org_permissions", { path: { id } }, options);
    },
    /**
     * Members of an organization, page by page (`recursive: true` adds descendant orgs).
     * `X-Org` defaults to that organization when neither the call nor the client names one.
     */
    users(orgId: string, params?: ListParams<"list_org_users">, options?: Options): PagePromise<Item<"list_org_users">> {
      const org = options?.org ?? ctx.org ?? orgId;
      return list(ctx, "list_org_users", { org_id: orgId }, params, { ...options, org });
    },
  }, imageMethods(ctx, "upload_org_image"));
}

export type OrgsResource = ReturnType<typeof orgsResource>;
