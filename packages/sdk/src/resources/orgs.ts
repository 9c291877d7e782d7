import type { PagePromise } from "@openapp/core";
import type { OpenAppContext } from "../client.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/** `client.orgs`: organizations. Their routes take no `X-Org`: the organization is in the path. */
export function orgsResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /** Organizations the key can see, page by page. */
    list(params?: ListParams<"list_orgs">, options?: Options): PagePromise<Item<"list_orgs">> {
      return ctx.kit.list("list_orgs", { query: params }, options);
    },
    get(id: string, params?: Query<"get_org">, options?: Options): Promise<Result<"get_org">> {
      return ctx.kit.call("get_org", { path: { id }, query: params }, options);
    },
    create(body: Body<"create_org">, params?: Query<"create_org">, options?: Options): Promise<Result<"create_org">> {
      return ctx.kit.call("create_org", { body, query: params }, options);
    },
    update(id: string, body: Body<"update_org">, params?: Query<"update_org">, options?: Options): Promise<Result<"update_org">> {
      return ctx.kit.call("update_org", { path: { id }, body, query: params }, options);
    },
    delete(id: string, params?: Query<"delete_org">, options?: Options): Promise<Result<"delete_org">> {
      return ctx.kit.call("delete_org", { path: { id }, query: params }, options);
    },
    purge(id: string, params?: Query<"hard_delete_org">, options?: Options): Promise<Result<"hard_delete_org">> {
      return ctx.kit.call("hard_delete_org", { path: { id }, query: params }, options);
    },
    /** What the caller may do in this organization. */
    permissions(id: string, options?: Options): Promise<Result<"get_org_permissions">> {
      return ctx.kit.call("get_org_permissions", { path: { id } }, options);
    },
    /**
     * Members of an organization, page by page (`recursive: true` adds descendant orgs).
     * `X-Org` defaults to that organization when neither the call nor the client names one.
     */
    users(orgId: string, params?: ListParams<"list_org_users">, options?: Options): PagePromise<Item<"list_org_users">> {
      const withOrg: Options = { ...options, org: options?.org ?? (ctx.kit.defaultOption("org") as string | undefined) ?? orgId };
      return ctx.kit.list("list_org_users", { path: { org_id: orgId }, query: params }, withOrg);
    },
  }, imageMethods(ctx, "upload_org_image"));
}

export type OrgsResource = ReturnType<typeof orgsResource>;
