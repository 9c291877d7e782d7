import { AliasesOperations, EntityActionsOperations, McpOperations } from "../generated/resources-v1.js";
import { type ActionOptions, previewAction, runAction } from "../internal/entity-action.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/v1-operation-types.js";

/** `client.aliases` (OpenApp 1.0): other names of an organization's resources, used by resolve. */
export class AliasesResource extends AliasesOperations {}

/** `client.mcp` (OpenApp 1.0): the Model Context Protocol (JSON-RPC 2.0) endpoint. */
export class McpResource extends McpOperations {}

/** `client.entityActions` (OpenApp 1.0): entity actions with preview, confirmation and idempotency keys. */
export class EntityActionsResource extends EntityActionsOperations {
  /**
   * Runs an action (`switchable.open`, …) exactly once: one idempotency key on every attempt, so a
   * lost answer is resent and the server runs it once. `confirm` previews and asks first;
   * `previewToken` confirms an earlier preview. `POST /entities/{id}/actions/{action_id}`.
   * Errors: see {@link OpenAppClient}.
   */
  override execute(id: string, actionId: string, body: Body<"execute_entity_action"> = {}, options?: ActionOptions): Promise<Result<"execute_entity_action">> {
    return runAction(this.ctx.kit, id, actionId, body, options);
  }

  /**
   * What executing would do, without touching the hardware; its `preview_token` is kept out of
   * JSON and `util.inspect` output. `POST /entities/{id}/actions/{action_id}/preview`.
   * Errors: see {@link OpenAppClient}.
   */
  override preview(id: string, actionId: string, body: Body<"preview_entity_action"> = {}, options?: Options): Promise<Result<"preview_entity_action">> {
    return previewAction(this.ctx.kit, id, actionId, body, options ?? {});
  }
}
