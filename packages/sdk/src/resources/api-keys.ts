import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.apiKeys`: keys of the calling user. The secret is returned once, by `create`. */
export function apiKeysResource(ctx: OpenAppContext) {
  return {
    /**
     * Every key (one bare array, not paged); only `token_suffix` identifies a key.
     * `GET /api-keys`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    list(options?: Options): Promise<Result<"list_api_keys">> {
      return ctx.kit.call("list_api_keys", {}, options);
    },
    /**
     * Mints a key; `token` in the answer is the only time the full key is shown.
     * `POST /api-keys`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_api_key">, options?: Options): Promise<Result<"create_api_key">> {
      return ctx.kit.call("create_api_key", { body }, options);
    },
    /**
     * Update an API key.
     * `PATCH /api-keys/{id}`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(id: string, body: Body<"update_api_key">, options?: Options): Promise<Result<"update_api_key">> {
      return ctx.kit.call("update_api_key", { path: { id }, body }, options);
    },
    /**
     * Revokes the key (reversible with `restore`).
     * `DELETE /api-keys/{id}`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    revoke(id: string, options?: Options): Promise<Result<"revoke_api_key">> {
      return ctx.kit.call("revoke_api_key", { path: { id } }, options);
    },
    /**
     * Restore an API key.
     * `POST /api-keys/{id}/restore`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    restore(id: string, options?: Options): Promise<Result<"restore_api_key">> {
      return ctx.kit.call("restore_api_key", { path: { id } }, options);
    },
    /**
     * Deletes a revoked key for good (409 while it is still active).
     * `DELETE /api-keys/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, options?: Options): Promise<Result<"purge_api_key">> {
      return ctx.kit.call("purge_api_key", { path: { id } }, options);
    },
  };
}

/** The type of `client.apiKeys`: the methods returned by {@link apiKeysResource}. */
export type ApiKeysResource = ReturnType<typeof apiKeysResource>;
