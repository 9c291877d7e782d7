import { type RequestOptions, ValidationError } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import { sendActionGroup } from "../internal/execute.js";
import { type ActionInput, DEFAULT_EXECUTION_LABEL, buildActionGroup } from "../models/commands.js";
import type { ExecutionMode } from "../models/enums.js";
import { type Execution, isEmptyAnswer, parseExecution } from "../models/execution.js";
import { applyRtsDefaultDuration } from "../models/rts.js";
import type { HistoryExecution, WireExecution } from "../types.js";
import { checkedId } from "./shared.js";

export interface ExecuteParams {
  /** `highPriority`, `geolocated` or `internal`; cloud only. */
  mode?: ExecutionMode | undefined;
  /** Shown in the vendor app's history; `null` sends no label. */
  label?: string | null | undefined;
}

/**
 * Runs commands now and returns the execution id. With the action queue on, calls made within
 * its window share one execution (and its id). The POST is never resent after it may have
 * reached the gateway; only explicit refusals ("Too many executions", "Not authenticated") are
 * retried, because they prove nothing ran.
 */
export async function executeActionGroup(
  core: ClientCore,
  actions: readonly ActionInput[],
  params: ExecuteParams = {},
  options?: RequestOptions,
): Promise<string> {
  if (params.mode !== undefined && core.server.apiType === "local") {
    throw new ValidationError(`Execution mode "${params.mode}" is not supported by the local API; leave \`mode\` out`);
  }
  const label = params.label === undefined ? DEFAULT_EXECUTION_LABEL : params.label;
  const body = buildActionGroup(actions, label);
  body.actions = applyRtsDefaultDuration(body.actions, core.cache.devices, core.defaultRtsCommandDuration);
  if (core.actionQueue) return core.actionQueue.add(body.actions, params.mode, label, options?.signal);
  return sendActionGroup(core, body, params.mode, options);
}

/** Null when the execution is not running (finished or unknown). */
export async function getCurrentExecution(core: ClientCore, execId: string, options?: RequestOptions): Promise<Execution | null> {
  const path = { execId: checkedId("execId", execId) };
  const answer = await core.call((fetch) => core.raw.GET("/exec/current/{execId}", { params: { path }, fetch }), options);
  return isEmptyAnswer(answer) ? null : parseExecution(answer as WireExecution, core.logger);
}

export async function getCurrentExecutions(core: ClientCore, options?: RequestOptions): Promise<Execution[]> {
  const answer = await core.call((fetch) => core.raw.GET("/exec/current", { fetch }), options);
  return answer.map((execution) => parseExecution(execution, core.logger));
}

/** Also succeeds for executions that already finished. */
export async function cancelExecution(core: ClientCore, execId: string, options?: RequestOptions): Promise<void> {
  const path = { execId: checkedId("execId", execId) };
  await core.call((fetch) => core.raw.DELETE("/exec/current/setup/{execId}", { params: { path }, fetch }), options);
}

export async function cancelAllExecutions(core: ClientCore, options?: RequestOptions): Promise<void> {
  await core.call((fetch) => core.raw.DELETE("/exec/current/setup", { fetch }), options);
}

export function getExecutionHistory(core: ClientCore, options?: RequestOptions): Promise<HistoryExecution[]> {
  return core.call((fetch) => core.raw.GET("/history/executions", { fetch }), options);
}
