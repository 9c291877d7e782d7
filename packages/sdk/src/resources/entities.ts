import { ConfigError, type PagePromise } from "@openapp/core";
import type { EntityShortcut, OpenAppContext } from "../client.js";
import { type ActionOptions, type ActionPreview, previewAction, runAction, splitActionOptions } from "../internal/entity-action.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/** The body of `POST /entities/{id}/actions/{action_id}`. */
export type ActionBody = Body<"execute_entity_action">;
/** The answer to an entity action. */
export type ActionResult = Result<"execute_entity_action">;
/** One of a handle's sugar methods (`open`, `close`, `on`, `off`): runs the action configured for it. */
export type Shortcut = (body?: ActionBody, options?: ActionOptions) => Promise<ActionResult>;

/** One entity, bound by id: `action()` is the primitive, the rest are sugar for common action ids. */
export interface EntityHandle extends Readonly<Record<EntityShortcut, Shortcut>> {
  /** The entity's id. */
  readonly id: string;
  /**
   * Runs `actionId` on this entity, as `entities.action(id, actionId, body)` does: `POST /entities/{id}/actions/{action_id}`.
   * @throws {ConfigError} before any request when the client has no API key.
   * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id or action).
   */
  action(actionId: string, body?: ActionBody, options?: ActionOptions): Promise<ActionResult>;
  /**
   * OpenApp 1.0: what running `actionId` with `body` would do, decided by the policies without
   * touching the hardware, as `entities.preview(id, actionId, body)` does.
   * @throws {ConfigError} before any request on a 0.1 client.
   */
  preview(actionId: string, body?: ActionBody, options?: Options): Promise<ActionPreview>;
}

const NEEDS_V1 = "needs the OpenApp 1.0 API: use a 1.0 API key ({origin}_openapp_{secret}) or pass { apiVersion: \"1.0\" } to OpenAppClient";

/** `client.entities`: doors, lights, switches, sensors and apartments. */
export function entitiesResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  const resource = Object.assign({
    /**
     * All entities, page by page (filter: `zone_id`).
     * `GET /entities`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    list(params?: ListParams<"list_entities">, options?: Options): PagePromise<Item<"list_entities">> {
      return ctx.kit.list("list_entities", { query: params }, options);
    },
    /**
     * Get an entity.
     * `GET /entities/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    get(id: string, params?: Query<"get_entity">, options?: Options): Promise<Result<"get_entity">> {
      return ctx.kit.call("get_entity", { path: { id }, query: params }, options);
    },
    /**
     * Create an entity.
     * `POST /entities`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_entity">, params?: Query<"create_entity">, options?: Options): Promise<Result<"create_entity">> {
      return ctx.kit.call("create_entity", { body, query: params }, options);
    },
    /**
     * Replaces the editable fields.
     * `PUT /entities/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(id: string, body: Body<"update_entity">, params?: Query<"update_entity">, options?: Options): Promise<Result<"update_entity">> {
      return ctx.kit.call("update_entity", { path: { id }, body, query: params }, options);
    },
    /**
     * Shallow-merges `metadata`; a key set to `null` is removed.
     * `PATCH /entities/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    patch(id: string, body: Body<"patch_entity">, params?: Query<"patch_entity">, options?: Options): Promise<Result<"patch_entity">> {
      return ctx.kit.call("patch_entity", { path: { id }, body, query: params }, options);
    },
    /**
     * Soft-delete an entity.
     * `DELETE /entities/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    delete(id: string, params?: Query<"delete_entity">, options?: Options): Promise<Result<"delete_entity">> {
      return ctx.kit.call("delete_entity", { path: { id }, query: params }, options);
    },
    /**
     * Restore an entity.
     * `POST /entities/{id}/restore`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    restore(id: string, params?: Query<"restore_entity">, options?: Options): Promise<Result<"restore_entity">> {
      return ctx.kit.call("restore_entity", { path: { id }, query: params }, options);
    },
    /**
     * Purge an entity.
     * `DELETE /entities/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, params?: Query<"hard_delete_entity">, options?: Options): Promise<Result<"hard_delete_entity">> {
      return ctx.kit.call("hard_delete_entity", { path: { id }, query: params }, options);
    },
    /**
     * Runs an action such as `switchable.open`; the body defaults to `{}`.
     * On the 0.1 API it moves hardware without deduplication, so it is sent once and never
     * retried after it may have reached the server. On the 1.0 API every call carries one
     * idempotency key (`idempotencyKey`, else a generated one) on every attempt, so it is resent
     * after a lost answer and still runs once; `confirm` previews and asks first, `previewToken`
     * confirms an earlier preview (see {@link ActionOptions}).
     * `POST /entities/{id}/actions/{action_id}`.
     * @throws {ConfigError} before any request when the client has no API key, or on a 0.1 client given `confirm` / `previewToken`.
     * @throws {ConfirmationRequiredError} (1.0) when a step-up policy wants a confirmation: its `previewToken` confirms later.
     * @throws {ConfirmationDeclinedError} (1.0) when `confirm` answered false: nothing was sent.
     * @throws {ActionIntervalError} (1.0) when the provider's minimum interval between opens has not passed.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    async action(id: string, actionId: string, body: ActionBody = {}, options?: ActionOptions): Promise<ActionResult> {
      if (ctx.generation === "1.0") return runAction(ctx.v1.kit, id, actionId, body, options);
      const { confirm, previewToken, request } = splitActionOptions(options, "OpenApp entity action");
      if (confirm !== undefined || previewToken !== undefined) throw new ConfigError(`Confirming an entity action ${NEEDS_V1}`);
      return ctx.kit.call("execute_entity_action", { path: { id, action_id: actionId }, body }, request);
    },
    /**
     * OpenApp 1.0: what running the action would do, decided by the policies without touching the
     * hardware. When the policies want a confirmation the preview carries a `preview_token` (kept
     * out of JSON and `util.inspect` output) to pass as `{ previewToken }` to `action`.
     * `POST /entities/{id}/actions/{action_id}/preview`.
     * @throws {ConfigError} before any request on a 0.1 client.
     */
    async preview(id: string, actionId: string, body: ActionBody = {}, options?: Options): Promise<ActionPreview> {
      if (ctx.generation !== "1.0") throw new ConfigError(`entities.preview ${NEEDS_V1}`);
      return previewAction(ctx.v1.kit, id, actionId, body, options ?? {});
    },
    /**
     * Get the settings schema of an entity.
     * `GET /entities/{id}/metadata-definition`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    metadataDefinition(id: string, options?: Options): Promise<Result<"get_entity_metadata_definition">> {
      return ctx.kit.call("get_entity_metadata_definition", { path: { id } }, options);
    },
    /** A handle on one entity; no request is made until one of its methods is called. */
    byId(id: string): EntityHandle {
      const shortcut = (name: EntityShortcut): Shortcut => (body, options) => resource.action(id, ctx.entityActions[name], body, options);
      return {
        id,
        action: (actionId, body, options) => resource.action(id, actionId, body, options),
        preview: (actionId, body, options) => resource.preview(id, actionId, body, options),
        open: shortcut("open"),
        close: shortcut("close"),
        on: shortcut("on"),
        off: shortcut("off"),
      };
    },
  }, imageMethods(ctx, "upload_entity_image"));
  return resource;
}

/** The type of `client.entities`: the methods returned by {@link entitiesResource}. */
export type EntitiesResource = ReturnType<typeof entitiesResource>;
