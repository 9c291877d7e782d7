import type { OpenAppContext } from "../client.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.apiKeys`: keys of the calling user. The secret is returned once, by `create`. */
export function apiKeysResource(ctx: OpenAppContext) {
  return {
    /** Every key (one bare array, not paged); only `token_suffix` identifies a key. */
    list(options?: Options): Promise<Result<"list_api_keys">> {
      return ctx.kit.call("list_api_keys", {}, options);
    },
    /** Mints a key; `token` in the answer is the only time the full key is shown. */
    create(body: Body<"create_api_key">, options?: Options): Promise<Result<"create_api_key">> {
      return ctx.kit.call("create_api_key", { body }, options);
    },
    update(id: string, body: Body<"update_api_key">, options?: Options): Promise<Result<"update_api_key">> {
      return ctx.kit.call("update_api_key", { path: { id }, body }, options);
    },
    /** Revokes the key (reversible with `restore`). */
    revoke(id: string, options?: Options): Promise<Result<"revoke_api_key">> {
      return ctx.kit.call("revoke_api_key", { path: { id } }, options);
    },
    restore(id: string, options?: Options): Promise<Result<"restore_api_key">> {
      return ctx.kit.call("restore_api_key", { path: { id } }, options);
    },
    /** Deletes a revoked key for good (409 while it is still active). */
    purge(id: string, options?: Options): Promise<Result<"purge_api_key">> {
      return ctx.kit.call("purge_api_key", { path: { id } }, options);
    },
  };
}

export type ApiKeysResource = ReturnType<typeof apiKeysResource>;
