import { composeResources } from "@openapp/core";
import type { EntityShortcut } from "../context.js";
import { EntitiesOperations } from "../generated/resources.js";
import { type ImageMethods, imageUploads } from "../internal/image-methods.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** The body of `POST /entities/{id}/actions/{action_id}`. */
export type ActionBody = Body<"execute_entity_action">;
/** The answer to an entity action. */
export type ActionResult = Result<"execute_entity_action">;
/** One of a handle's sugar methods (`open`, `close`, `on`, `off`): runs the action configured for it. */
export type Shortcut = (body?: ActionBody, options?: Options) => Promise<ActionResult>;

/** One entity, bound by id: `action()` is the primitive, the rest are sugar for common action ids. */
export interface EntityHandle extends Readonly<Record<EntityShortcut, Shortcut>> {
  /** The entity's id. */
  readonly id: string;
  /**
   * Runs `actionId` on this entity, as `entities.action(id, actionId, body)` does.
   * Errors: see {@link OpenAppClient}.
   */
  action(actionId: string, body?: ActionBody, options?: Options): Promise<ActionResult>;
}

/** `client.entities`: doors, lights, switches, sensors and apartments. */
export class EntitiesResource extends EntitiesOperations {
  /**
   * Runs an action such as `switchable.open`. It moves hardware, so it is sent once and never
   * retried after it may have reached the server; the body defaults to `{}`.
   * `POST /entities/{id}/actions/{action_id}`. Errors: see {@link OpenAppClient}.
   */
  action(id: string, actionId: string, body: ActionBody = {}, options?: Options): Promise<ActionResult> {
    return this.ctx.kit.call("execute_entity_action", { path: { id, action_id: actionId }, body }, options);
  }

  /** A handle on one entity; no request is made until one of its methods is called. */
  byId(id: string): EntityHandle {
    const actions = this.ctx.entityActions;
    const shortcut = (name: EntityShortcut): Shortcut => (body, options) => this.action(id, actions[name], body, options);
    return {
      id,
      action: (actionId, body, options) => this.action(id, actionId, body, options),
      open: shortcut("open"),
      close: shortcut("close"),
      on: shortcut("on"),
      off: shortcut("off"),
    };
  }
}

export interface EntitiesResource extends ImageMethods<"upload_entity_image"> {}
composeResources(EntitiesResource, [imageUploads("upload_entity_image")]);
