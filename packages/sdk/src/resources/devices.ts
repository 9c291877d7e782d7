import type { PagePromise } from "@openapp/core";
import type { OpenAppContext } from "../client.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/** `client.devices`: controllers, relays and cameras, and the entities they expose. */
export function devicesResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /** All devices, page by page (filters: `integration_id`, `q`, `device_kind`, …). Stops on a short page. */
    list(params?: ListParams<"list_devices">, options?: Options): PagePromise<Item<"list_devices">> {
      return ctx.kit.list("list_devices", { query: params }, options);
    },
    get(id: string, params?: Query<"get_device">, options?: Options): Promise<Result<"get_device">> {
      return ctx.kit.call("get_device", { path: { id }, query: params }, options);
    },
    create(body: Body<"create_device">, params?: Query<"create_device">, options?: Options): Promise<Result<"create_device">> {
      return ctx.kit.call("create_device", { body, query: params }, options);
    },
    update(id: string, body: Body<"update_device">, params?: Query<"update_device">, options?: Options): Promise<Result<"update_device">> {
      return ctx.kit.call("update_device", { path: { id }, body, query: params }, options);
    },
    /** Soft delete; `{ recursive: true }` takes the device's entities along. */
    delete(id: string, params?: Query<"delete_device">, options?: Options): Promise<Result<"delete_device">> {
      return ctx.kit.call("delete_device", { path: { id }, query: params }, options);
    },
    restore(id: string, params?: Query<"restore_device">, options?: Options): Promise<Result<"restore_device">> {
      return ctx.kit.call("restore_device", { path: { id }, query: params }, options);
    },
    /** Permanent delete. */
    purge(id: string, params?: Query<"hard_delete_device">, options?: Options): Promise<Result<"hard_delete_device">> {
      return ctx.kit.call("hard_delete_device", { path: { id }, query: params }, options);
    },
    /** Apartment entities allowed to open this virtual access door (empty: no restriction). */
    doorRestrictions(id: string, options?: Options): Promise<Result<"get_door_restrictions">> {
      return ctx.kit.call("get_door_restrictions", { path: { id } }, options);
    },
    metadataDefinition(id: string, options?: Options): Promise<Result<"get_device_metadata_definition">> {
      return ctx.kit.call("get_device_metadata_definition", { path: { id } }, options);
    },
    /** The device's entities, page by page. */
    entities(deviceId: string, params?: ListParams<"list_device_entities">, options?: Options): PagePromise<Item<"list_device_entities">> {
      return ctx.kit.list("list_device_entities", { path: { device_id: deviceId }, query: params }, options);
    },
    /** JSON Schema for `entity_metadata` of one entity type on this device. */
    entityMetadataDefinition(
      deviceId: string,
      params: Query<"get_device_entity_metadata_definition">,
      options?: Options,
    ): Promise<Result<"get_device_entity_metadata_definition">> {
      return ctx.kit.call("get_device_entity_metadata_definition", { path: { device_id: deviceId }, query: params }, options);
    },
    apartmentFloors(deviceId: string, options?: Options): Promise<Result<"list_device_apartment_floors">> {
      return ctx.kit.call("list_device_apartment_floors", { path: { device_id: deviceId } }, options);
    },
  }, imageMethods(ctx, "upload_device_image"));
}

export type DevicesResource = ReturnType<typeof devicesResource>;
