import type { PagePromise } from "@openapp/core";
import type { OpenAppContext } from "../context.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/** `client.users`: people and their roles per organization. */
export function usersResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /**
     * Users whose name or email contains `q`, page by page. `X-Org` is optional here: the
     * client's org is sent when known, or pass `org_id` / `scope: "all"`.
     * `GET /users/search`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    search(params?: ListParams<"search_users">, options?: Options): PagePromise<Item<"search_users">> {
      return ctx.kit.list("search_users", { query: params }, options);
    },
    /**
     * Get a user.
     * `GET /users/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    get(id: string, params?: Query<"get_user">, options?: Options): Promise<Result<"get_user">> {
      return ctx.kit.call("get_user", { path: { id }, query: params }, options);
    },
    /**
     * Create a user.
     * `POST /users`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_user">, params?: Query<"create_user">, options?: Options): Promise<Result<"create_user">> {
      return ctx.kit.call("create_user", { body, query: params }, options);
    },
    /**
     * Update a user.
     * `PUT /users/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(id: string, body: Body<"update_user">, params?: Query<"update_user">, options?: Options): Promise<Result<"update_user">> {
      return ctx.kit.call("update_user", { path: { id }, body, query: params }, options);
    },
    /**
     * Soft-delete a user.
     * `DELETE /users/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    delete(id: string, params?: Query<"delete_user">, options?: Options): Promise<Result<"delete_user">> {
      return ctx.kit.call("delete_user", { path: { id }, query: params }, options);
    },
    /**
     * Purge a user.
     * `DELETE /users/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, params?: Query<"hard_delete_user">, options?: Options): Promise<Result<"hard_delete_user">> {
      return ctx.kit.call("hard_delete_user", { path: { id }, query: params }, options);
    },
    /**
     * Grants roles: organization id → role names.
     * `POST /users/{id}/roles`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    addRoles(id: string, roles: Body<"add_roles">, options?: Options): Promise<Result<"add_roles">> {
      return ctx.kit.call("add_roles", { path: { id }, body: roles }, options);
    },
    /**
     * Revokes roles: organization id → role names (a DELETE with a body).
     * `DELETE /users/{id}/roles`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    removeRoles(id: string, roles: Body<"delete_roles">, options?: Options): Promise<Result<"delete_roles">> {
      return ctx.kit.call("delete_roles", { path: { id }, body: roles }, options);
    },
  }, imageMethods(ctx, "upload_user_image"));
}

/** The type of `client.users`: the methods returned by {@link usersResource}. */
export type UsersResource = ReturnType<typeof usersResource>;
