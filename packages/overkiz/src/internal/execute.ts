import type { RequestOptions } from "@openapp/core";
import type { ExecutionMode } from "../models/enums.js";
import type { WireActionGroup } from "../types.js";
import type { ClientCore } from "./client-core.js";
import { TOO_MANY_EXECUTIONS_POLICY } from "./policies.js";

function post(core: ClientCore, body: WireActionGroup, mode: ExecutionMode | undefined, options?: RequestOptions) {
  if (mode === undefined) return core.call((fetch) => core.raw.POST("/exec/apply", { body, fetch }), options);
  const path = { mode };
  return core.call((fetch) => core.raw.POST("/exec/apply/{mode}", { params: { path }, body, fetch }), options);
}

/**
 * Sends one execution and returns its id. The POST is never resent after it may have reached
 * the gateway; only refusals that prove nothing ran ("Too many executions", "Not
 * authenticated") are retried.
 */
export async function sendActionGroup(
  core: ClientCore,
  body: WireActionGroup,
  mode: ExecutionMode | undefined,
  options?: RequestOptions,
): Promise<string> {
  const answer = await core.withBackoff(TOO_MANY_EXECUTIONS_POLICY, () => post(core, body, mode, options), options);
  return answer.execId;
}
