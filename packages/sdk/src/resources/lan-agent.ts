import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.lanAgent`: the on-premises agent that reaches devices on a building's network. */
export function lanAgentResource(ctx: OpenAppContext) {
  return {
    /**
     * Protocol version, supported agent versions and the task catalog.
     * `GET /lan-agent/meta`.
     * @throws {ApiError} for a non-2xx answer.
     */
    meta(options?: Options): Promise<Result<"get_lan_agent_meta">> {
      return ctx.kit.call("get_lan_agent_meta", {}, options);
    },
    /**
     * The installer shell script for a bootstrap key, as text.
     * `GET /lan-agent/cli/bootstrap.sh`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    bootstrapScript(key: string, options?: Options): Promise<Result<"get_lan_agent_cli_bootstrap_sh">> {
      return ctx.kit.call("get_lan_agent_cli_bootstrap_sh", { query: { key }, accept: "text/x-shellscript" }, options);
    },
    /**
     * A short-lived key for `bootstrapScript`.
     * `POST /lan-agent/cli/bootstrap-token`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    createBootstrapToken(
      body: Body<"post_lan_agent_cli_bootstrap_token">,
      options?: Options,
    ): Promise<Result<"post_lan_agent_cli_bootstrap_token">> {
      return ctx.kit.call("post_lan_agent_cli_bootstrap_token", { body }, options);
    },
    /**
     * A short-lived agent token for the caller.
     * `POST /lan-agent/cli/token`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    createCliToken(options?: Options): Promise<Result<"post_lan_agent_cli_token">> {
      return ctx.kit.call("post_lan_agent_cli_token", {}, options);
    },
    /**
     * Tasks queued for the integration's agent.
     * `GET /integrations/{integration_id}/lan-agent/tasks`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    tasks(integrationId: string, options?: Options): Promise<Result<"get_integration_lan_agent_tasks">> {
      return ctx.kit.call("get_integration_lan_agent_tasks", { path: { integration_id: integrationId } }, options);
    },
    /**
     * Resolves a task into the spec the agent runs (426 when the agent is too old).
     * `POST /integrations/{integration_id}/lan-agent/task-spec`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    taskSpec(
      integrationId: string,
      body: Body<"post_integration_lan_agent_task_spec">,
      options?: Options,
    ): Promise<Result<"post_integration_lan_agent_task_spec">> {
      return ctx.kit.call("post_integration_lan_agent_task_spec", { path: { integration_id: integrationId }, body }, options);
    },
  };
}

/** The type of `client.lanAgent`: the methods returned by {@link lanAgentResource}. */
export type LanAgentResource = ReturnType<typeof lanAgentResource>;
