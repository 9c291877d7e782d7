import type { OpenAppContext } from "../client.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.apartmentResidents`: who lives where in a virtual access building. */
export function apartmentResidentsResource(ctx: OpenAppContext) {
  return {
    /** Residents of the building behind an integration (one bare array, not paged). */
    list(integrationId: string, options?: Options): Promise<Result<"list_building_users">> {
      return ctx.kit.call("list_building_users", { path: { id: integrationId } }, options);
    },
    add(integrationId: string, body: Body<"add_building_user">, options?: Options): Promise<Result<"add_building_user">> {
      return ctx.kit.call("add_building_user", { path: { id: integrationId }, body }, options);
    },
    remove(integrationId: string, userId: string, options?: Options): Promise<Result<"delete_building_user">> {
      return ctx.kit.call("delete_building_user", { path: { id: integrationId, user_id: userId } }, options);
    },
  };
}

export type ApartmentResidentsResource = ReturnType<typeof apartmentResidentsResource>;
