import type { PagePromise } from "@openapp/core";
import type { OpenAppContext } from "../client.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/** `client.users`: people and their roles per organization. */
export function usersResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /**
     * Users whose name or email contains `q`, page by page. `X-Org` is optional here: the
     * client's org is sent when known, or pass `org_id` / `scope: "all"`.
     */
    search(params?: ListParams<"search_users">, options?: Options): PagePromise<Item<"search_users">> {
      return ctx.kit.list("search_users", { query: params }, options);
    },
    get(id: string, params?: Query<"get_user">, options?: Options): Promise<Result<"get_user">> {
      return ctx.kit.call("get_user", { path: { id }, query: params }, options);
    },
    create(body: Body<"create_user">, params?: Query<"create_user">, options?: Options): Promise<Result<"create_user">> {
      return ctx.kit.call("create_user", { body, query: params }, options);
    },
    update(id: string, body: Body<"update_user">, params?: Query<"update_user">, options?: Options): Promise<Result<"update_user">> {
      return ctx.kit.call("update_user", { path: { id }, body, query: params }, options);
    },
    delete(id: string, params?: Query<"delete_user">, options?: Options): Promise<Result<"delete_user">> {
      return ctx.kit.call("delete_user", { path: { id }, query: params }, options);
    },
    purge(id: string, params?: Query<"hard_delete_user">, options?: Options): Promise<Result<"hard_delete_user">> {
      return ctx.kit.call("hard_delete_user", { path: { id }, query: params }, options);
    },
    /** Grants roles: organization id → role names. */
    addRoles(id: string, roles: Body<"add_roles">, options?: Options): Promise<Result<"add_roles">> {
      return ctx.kit.call("add_roles", { path: { id }, body: roles }, options);
    },
    /** Revokes roles: organization id → role names (a DELETE with a body). */
    removeRoles(id: string, roles: Body<"delete_roles">, options?: Options): Promise<Result<"delete_roles">> {
      return ctx.kit.call("delete_roles", { path: { id }, body: roles }, options);
    },
  }, imageMethods(ctx, "upload_user_image"));
}

export type UsersResource = ReturnType<typeof usersResource>;
