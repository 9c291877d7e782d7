import { Resource } from "@openapp/core";
import type { OpenAppV1Context } from "../client.js";
import { type ActionOptions, previewAction, runAction } from "../internal/entity-action.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/v1-operation-types.js";

/** `client.aliases` (OpenApp 1.0): other names of an organization's resources, used by resolve. Errors: see {@link OpenAppClient}. */
export class AliasesResource extends Resource<OpenAppV1Context> {
  /** `GET /orgs/{org_id}/aliases`, optionally for one `resource_type` / `resource_id`. */
  list(orgId: string, params?: { resource_type?: string; resource_id?: string }, options?: Options): Promise<Result<"list_aliases">> {
    return this.ctx.kit.call("list_aliases", { path: { org_id: orgId }, query: params }, options);
  }

  /** `POST /orgs/{org_id}/aliases`. */
  create(orgId: string, body: Body<"create_alias">, options?: Options): Promise<Result<"create_alias">> {
    return this.ctx.kit.call("create_alias", { path: { org_id: orgId }, body }, options);
  }

  /** `DELETE /orgs/{org_id}/aliases/{id}`. */
  delete(orgId: string, id: string, options?: Options): Promise<Result<"delete_alias">> {
    return this.ctx.kit.call("delete_alias", { path: { org_id: orgId, id } }, options);
  }
}

/** `client.mcp` (OpenApp 1.0): the Model Context Protocol endpoint. Errors: see {@link OpenAppClient}. */
export class McpResource extends Resource<OpenAppV1Context> {
  /** Sends one JSON-RPC 2.0 request and answers the JSON-RPC response. `POST /mcp`. */
  call(body: Body<"mcp_jsonrpc">, options?: Options): Promise<Result<"mcp_jsonrpc">> {
    return this.ctx.kit.call("mcp_jsonrpc", { body }, options);
  }
}

/** `client.entityActions` (OpenApp 1.0): entity actions with preview, confirmation and idempotency keys. Errors: see {@link OpenAppClient}. */
export class EntityActionsResource extends Resource<OpenAppV1Context> {
  /**
   * Runs an action (`switchable.open`, …) exactly once: one idempotency key on every attempt, so a
   * lost answer is resent and the server runs it once. `confirm` previews and asks first;
   * `previewToken` confirms an earlier preview. `POST /entities/{id}/actions/{action_id}`.
   */
  execute(id: string, actionId: string, body: Body<"execute_entity_action"> = {}, options?: ActionOptions): Promise<Result<"execute_entity_action">> {
    return runAction(this.ctx.kit, id, actionId, body, options);
  }

  /**
   * What executing would do, without touching the hardware; its `preview_token` is kept out of
   * JSON and `util.inspect` output. `POST /entities/{id}/actions/{action_id}/preview`.
   */
  preview(id: string, actionId: string, body: Body<"preview_entity_action"> = {}, options?: Options): Promise<Result<"preview_entity_action">> {
    return previewAction(this.ctx.kit, id, actionId, body, options ?? {});
  }
}
