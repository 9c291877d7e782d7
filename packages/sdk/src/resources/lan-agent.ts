import { LanAgentOperations } from "../generated/resources.js";
import type { OpenAppRequestOptions, Result } from "../models/operation-types.js";

/** `client.lanAgent`: the on-premises agent that reaches devices on a building's network. */
export class LanAgentResource extends LanAgentOperations {
  /**
   * The installer shell script for a bootstrap key, as text.
   * `GET /lan-agent/cli/bootstrap.sh`. Errors: see {@link OpenAppClient}.
   */
  bootstrapScript(key: string, options?: OpenAppRequestOptions): Promise<Result<"get_lan_agent_cli_bootstrap_sh">> {
    return this.ctx.kit.call("get_lan_agent_cli_bootstrap_sh", { query: { key }, accept: "text/x-shellscript" }, options);
  }
}
