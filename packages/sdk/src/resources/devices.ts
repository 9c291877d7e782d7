import type { PagePromise } from "@openapp/core";
import { MAX_PAGE_SIZE, type OpenAppContext } from "../client.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";

/** `client.devices`: controllers, relays and cameras, and the entities they expose. */
export function devicesResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /**
     * All devices, page by page (filters: `integration_id`, `q`, `device_kind`, …). Stops on a short page.
     * `GET /devices`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    list(params?: ListParams<"list_devices">, options?: Options): PagePromise<Item<"list_devices">> {
      return ctx.kit.list("list_devices", { query: params }, options);
    },
    /**
     * Get a device.
     * `GET /devices/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    get(id: string, params?: Query<"get_device">, options?: Options): Promise<Result<"get_device">> {
      return ctx.kit.call("get_device", { path: { id }, query: params }, options);
    },
    /**
     * Create a device.
     * `POST /devices`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_device">, params?: Query<"create_device">, options?: Options): Promise<Result<"create_device">> {
      return ctx.kit.call("create_device", { body, query: params }, options);
    },
    /**
     * Update a device.
     * `PUT /devices/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(id: string, body: Body<"update_device">, params?: Query<"update_device">, options?: Options): Promise<Result<"update_device">> {
      return ctx.kit.call("update_device", { path: { id }, body, query: params }, options);
    },
    /**
     * Soft delete; `{ recursive: true }` takes the device's entities along.
     * `DELETE /devices/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    delete(id: string, params?: Query<"delete_device">, options?: Options): Promise<Result<"delete_device">> {
      return ctx.kit.call("delete_device", { path: { id }, query: params }, options);
    },
    /**
     * Restore a device.
     * `POST /devices/{id}/restore`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    restore(id: string, params?: Query<"restore_device">, options?: Options): Promise<Result<"restore_device">> {
      return ctx.kit.call("restore_device", { path: { id }, query: params }, options);
    },
    /**
     * Permanent delete.
     * `DELETE /devices/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, params?: Query<"hard_delete_device">, options?: Options): Promise<Result<"hard_delete_device">> {
      return ctx.kit.call("hard_delete_device", { path: { id }, query: params }, options);
    },
    /**
     * Apartment entities allowed to open this virtual access door (empty: no restriction).
     * `GET /devices/{id}/door-restrictions`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    doorRestrictions(id: string, options?: Options): Promise<Result<"get_door_restrictions">> {
      return ctx.kit.call("get_door_restrictions", { path: { id } }, options);
    },
    /**
     * Get the device settings schema.
     * `GET /devices/{id}/metadata-definition`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    metadataDefinition(id: string, options?: Options): Promise<Result<"get_device_metadata_definition">> {
      return ctx.kit.call("get_device_metadata_definition", { path: { id } }, options);
    },
    /**
     * The device's entities, page by page.
     * `GET /devices/{device_id}/entities`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    entities(deviceId: string, params?: ListParams<"list_device_entities">, options?: Options): PagePromise<Item<"list_device_entities">> {
      return ctx.kit.list("list_device_entities", { path: { device_id: deviceId }, query: params }, options);
    },
    /**
     * JSON Schema for `entity_metadata` of one entity type on this device.
     * `GET /devices/{device_id}/entities/metadata-definition`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    entityMetadataDefinition(
      deviceId: string,
      params: Query<"get_device_entity_metadata_definition">,
      options?: Options,
    ): Promise<Result<"get_device_entity_metadata_definition">> {
      return ctx.kit.call("get_device_entity_metadata_definition", { path: { device_id: deviceId }, query: params }, options);
    },
    /**
     * List apartment floors of a device.
     * `GET /devices/{device_id}/apartment-floors`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    apartmentFloors(deviceId: string, options?: Options): Promise<Result<"list_device_apartment_floors">> {
      return ctx.kit.call("list_device_apartment_floors", { path: { device_id: deviceId } }, options);
    },
    /**
     * The device with this name, in any of its locales (`match: "fuzzy"`: whose name contains it).
     * Pages `GET /devices?q=` (the server prefilters, the SDK matches).
     * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
     */
    async getByName(name: string, options?: GetByNameOptions): Promise<Item<"list_devices">> {
      const { needle, mode, request } = byNameInput(name, options);
      return findByName("device", name, needle, mode, this.list({ q: name.trim(), limit: MAX_PAGE_SIZE }, request));
    },
  }, imageMethods(ctx, "upload_device_image"));
}

/** The type of `client.devices`: the methods returned by {@link devicesResource}. */
export type DevicesResource = ReturnType<typeof devicesResource>;
