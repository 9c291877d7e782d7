import { AgentsOperations } from "../generated/resources-v1.js";
import { rememberOneTimeSecrets } from "../internal/one-time-secrets.js";
import type { Body, OpenAppRequestOptions, Result } from "../models/v1-operation-types.js";

/** `client.agents` (OpenApp 1.0): automation principals and their credentials. */
export class AgentsResource extends AgentsOperations {
  /**
   * Issues an API key for the agent. Its `token` is in this answer only: store it now. The SDK masks
   * it in its own logs and error messages from then on. `POST /agents/{id}/credentials`.
   * Errors: see {@link OpenAppClient}.
   */
  override async createCredential(id: string, body: Body<"create_agent_credential">, options?: OpenAppRequestOptions): Promise<Result<"create_agent_credential">> {
    return rememberOneTimeSecrets(this.ctx, await super.createCredential(id, body, options));
  }
}
