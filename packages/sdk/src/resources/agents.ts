import { type PagePromise, Resource } from "@openapp/core";
import type { OpenAppV1Context } from "../client.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Result } from "../models/v1-operation-types.js";
import { rememberOneTimeSecrets } from "../internal/one-time-secrets.js";

/** `client.agents` (OpenApp 1.0): automation principals and their credentials. Errors: see {@link OpenAppClient}. */
export class AgentsResource extends Resource<OpenAppV1Context> {
  /** Agents visible to the caller; `await` gives a page, `for await` walks all. `GET /agents`. */
  list(params?: ListParams<"list_agents">, options?: Options): PagePromise<Item<"list_agents">> {
    return this.ctx.kit.list("list_agents", { query: params }, options);
  }

  /** Registers an agent. `POST /agents`. */
  create(body: Body<"create_agent">, options?: Options): Promise<Result<"create_agent">> {
    return this.ctx.kit.call("create_agent", { body }, options);
  }

  /** `GET /agents/{id}`. */
  get(id: string, options?: Options): Promise<Result<"get_agent">> {
    return this.ctx.kit.call("get_agent", { path: { id } }, options);
  }

  /** `PATCH /agents/{id}`. */
  update(id: string, body: Body<"update_agent">, options?: Options): Promise<Result<"update_agent">> {
    return this.ctx.kit.call("update_agent", { path: { id }, body }, options);
  }

  /** Disables the agent and its credentials. `DELETE /agents/{id}`. */
  revoke(id: string, options?: Options): Promise<Result<"revoke_agent">> {
    return this.ctx.kit.call("revoke_agent", { path: { id } }, options);
  }

  /**
   * Issues an API key for the agent. Its `token` is in this answer only: store it now. The SDK masks
   * it in its own logs and error messages from then on. `POST /agents/{id}/credentials`.
   */
  async createCredential(id: string, body: Body<"create_agent_credential">, options?: Options): Promise<Result<"create_agent_credential">> {
    return rememberOneTimeSecrets(this.ctx, await this.ctx.kit.call("create_agent_credential", { path: { id }, body }, options));
  }
}
