import { ConfigError, composeResources } from "@openapp/core";
import type { EntityShortcut } from "../context.js";
import { EntitiesOperations } from "../generated/resources.js";
import { type ActionOptions, type ActionPreview, previewAction, runAction, splitActionOptions } from "../internal/entity-action.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

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
   * Runs `actionId` on this entity, as `entities.action(id, actionId, body)` does.
   * Errors: see {@link OpenAppClient}.
   */
  action(actionId: string, body?: ActionBody, options?: ActionOptions): Promise<ActionResult>;
  /**
   * OpenApp 1.0: what running `actionId` with `body` would do, as `entities.preview(id, actionId, body)` does.
   * Errors: see {@link OpenAppClient}.
   */
  preview(actionId: string, body?: ActionBody, options?: Options): Promise<ActionPreview>;
}

const NEEDS_V1 = 'needs the OpenApp 1.0 API: use a 1.0 API key ({origin}_openapp_{secret}) or pass { apiVersion: "1.0" } to OpenAppClient';

/** `client.entities`: doors, lights, switches, sensors and apartments. */
export class EntitiesResource extends EntitiesOperations {
  /**
   * Runs an action such as `switchable.open`; the body defaults to `{}`. On the 0.1 API it is sent
   * once and never retried after it may have reached the server. On the 1.0 API every call
   * carries one idempotency key (`idempotencyKey`, else a generated one) on every attempt, so it is
   * resent after a lost answer and still runs once; `confirm` previews and asks first,
   * `previewToken` confirms an earlier preview (a ConfigError on a 0.1 client).
   * `POST /entities/{id}/actions/{action_id}`. Errors: see {@link OpenAppClient}.
   */
  async action(id: string, actionId: string, body: ActionBody = {}, options?: ActionOptions): Promise<ActionResult> {
    if (this.ctx.generation === "1.0") return runAction(this.ctx.v1.kit, id, actionId, body, options);
    const { confirm, previewToken, request } = splitActionOptions(options, "OpenApp entity action");
    if (confirm !== undefined || previewToken !== undefined) throw new ConfigError(`Confirming an entity action ${NEEDS_V1}`);
    return this.ctx.kit.call("execute_entity_action", { path: { id, action_id: actionId }, body }, request);
  }

  /**
   * OpenApp 1.0: what running the action would do, decided by the policies without touching the
   * hardware. When the policies want a confirmation the preview carries a `preview_token` (kept
   * out of JSON and `util.inspect` output) to pass as `{ previewToken }` to `action`.
   * `POST /entities/{id}/actions/{action_id}/preview`. Errors: see {@link OpenAppClient}.
   */
  async preview(id: string, actionId: string, body: ActionBody = {}, options?: Options): Promise<ActionPreview> {
    if (this.ctx.generation !== "1.0") throw new ConfigError(`entities.preview ${NEEDS_V1}`);
    return previewAction(this.ctx.v1.kit, id, actionId, body, options ?? {});
  }

  /** A handle on one entity; no request is made until one of its methods is called. */
  byId(id: string): EntityHandle {
    const actions = this.ctx.entityActions;
    const shortcut = (name: EntityShortcut): Shortcut => (body, options) => this.action(id, actions[name], body, options);
    return {
      id,
      action: (actionId, body, options) => this.action(id, actionId, body, options),
      preview: (actionId, body, options) => this.preview(id, actionId, body, options),
      open: shortcut("open"),
      close: shortcut("close"),
      on: shortcut("on"),
      off: shortcut("off"),
    };
  }
}

export interface EntitiesResource extends ImageMethods<"upload_entity_image"> {}
composeResources(EntitiesResource, [imageUploads("upload_entity_image")]);
