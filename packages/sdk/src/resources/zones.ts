import type { OpenAppContext } from "../client.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";
import type { Body, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/** `client.zones`: areas inside an integration (lobby, floors, parking). */
export function zonesResource(ctx: OpenAppContext) {
  return {
    /**
     * Zones of one integration; the API has no organization-wide zone list. One bare array, not paged.
     * `GET /integrations/{integration_id}/zones`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    listForIntegration(
      integrationId: string,
      params?: Query<"list_integration_zones">,
      options?: Options,
    ): Promise<Result<"list_integration_zones">> {
      return ctx.kit.call("list_integration_zones", { path: { integration_id: integrationId }, query: params }, options);
    },
    /**
     * Get a zone.
     * `GET /zones/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    get(id: string, params?: Query<"get_zone">, options?: Options): Promise<Result<"get_zone">> {
      return ctx.kit.call("get_zone", { path: { id }, query: params }, options);
    },
    /**
     * Create a zone.
     * `POST /zones`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_zone">, params?: Query<"create_zone">, options?: Options): Promise<Result<"create_zone">> {
      return ctx.kit.call("create_zone", { body, query: params }, options);
    },
    /**
     * Update a zone.
     * `PUT /zones/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(id: string, body: Body<"update_zone">, params?: Query<"update_zone">, options?: Options): Promise<Result<"update_zone">> {
      return ctx.kit.call("update_zone", { path: { id }, body, query: params }, options);
    },
    /**
     * Soft-delete a zone.
     * `DELETE /zones/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    delete(id: string, params?: Query<"delete_zone">, options?: Options): Promise<Result<"delete_zone">> {
      return ctx.kit.call("delete_zone", { path: { id }, query: params }, options);
    },
    /**
     * Purge a zone.
     * `DELETE /zones/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, params?: Query<"hard_delete_zone">, options?: Options): Promise<Result<"hard_delete_zone">> {
      return ctx.kit.call("hard_delete_zone", { path: { id }, query: params }, options);
    },
    /**
     * The zone of an integration with this name, in any locale. `GET /integrations/{integration_id}/zones`.
     * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
     */
    async getByName(integrationId: string, name: string, options?: GetByNameOptions) {
      const { needle, mode, request } = byNameInput(name, options);
      return findByName("zone", name, needle, mode, await this.listForIntegration(integrationId, undefined, request));
    },
  };
}

/** The type of `client.zones`: the methods returned by {@link zonesResource}. */
export type ZonesResource = ReturnType<typeof zonesResource>;
