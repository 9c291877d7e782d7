import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.apartmentResidents`: who lives where in a virtual access building. */
export function apartmentResidentsResource(ctx: OpenAppContext) {
  return {
    /**
     * Residents of the building behind an integration (one bare array, not paged).
     * `GET /integrations/{id}/building-users`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    list(integrationId: string, options?: Options): Promise<Result<"list_building_users">> {
      return ctx.kit.call("list_building_users", { path: { id: integrationId } }, options);
    },
    /**
     * Add a building user.
     * `POST /integrations/{id}/building-users`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    add(integrationId: string, body: Body<"add_building_user">, options?: Options): Promise<Result<"add_building_user">> {
      return ctx.kit.call("add_building_user", { path: { id: integrationId }, body }, options);
    },
    /**
     * Remove a building user.
     * `DELETE /integrations/{id}/building-users/{user_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    remove(integrationId: string, userId: string, options?: Options): Promise<Result<"delete_building_user">> {
      return ctx.kit.call("delete_building_user", { path: { id: integrationId, user_id: userId } }, options);
    },
  };
}

/** The type of `client.apartmentResidents`: the methods returned by {@link apartmentResidentsResource}. */
export type ApartmentResidentsResource = ReturnType<typeof apartmentResidentsResource>;
