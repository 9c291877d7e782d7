import { type RequestOptions, Resource, ValidationError, readingInput } from "@openapp/core";
import type { OverkizContext, OverkizKit } from "../context.js";
import { ActionQueue, type ResolvedQueueSettings } from "../internal/action-queue.js";
import { type ActionInput, DEFAULT_EXECUTION_LABEL, buildActionGroup } from "../models/commands.js";
import { ExecutionMode } from "../models/enums.js";
import { type Execution, isEmptyAnswer, parseExecution } from "../models/execution.js";
import { checkCommands } from "../models/command-check.js";
import type { Device } from "../models/device.js";
import { applyRtsDefaultDuration } from "../models/rts.js";
import { type HistoryExecution, parseHistoryExecution } from "../models/history.js";
import type { WireActionGroup, WireExecution } from "../models/wire-types.js";
import { checkedId, checkedParams } from "./shared.js";

/** Options of `executeActionGroup`: mode, label and devices to check against. */
export interface ExecuteParams {
  /** `highPriority`, `geolocated` or `internal`; cloud only. */
  mode?: ExecutionMode | undefined;
  /** Shown in the vendor app's history; `null` sends no label. */
  label?: string | null | undefined;
  /**
   * Devices to check the commands against, in addition to those loaded by `getSetup()` /
   * `getDevices()` (see the client's `validateCommands`).
   */
  devices?: readonly Device[] | undefined;
}

const EXECUTION_MODES: readonly unknown[] = Object.values(ExecutionMode);

function knownDevices(ctx: OverkizContext, given: readonly Device[] | undefined): Map<string, Device> {
  const byUrl = new Map<string, Device>();
  for (const device of ctx.cache.devices ?? []) byUrl.set(device.deviceURL, device);
  for (const device of given ?? []) byUrl.set(device.deviceURL, device);
  return byUrl;
}

/**
 * Sends one execution and returns its id. Core's retry loop never resends the POST after it may
 * have reached the gateway (timeout, 5xx, reset); only the refusals that prove nothing ran ("Too
 * many executions", "Not authenticated") go again, through the Overkiz refusal policy.
 */
async function sendActionGroup(kit: OverkizKit, body: WireActionGroup, mode: ExecutionMode | undefined, options?: RequestOptions): Promise<string> {
  const answer =
    mode === undefined
      ? await kit.call("executeActionGroup", { body }, options)
      : await kit.call("executeActionGroupWithMode", { path: { mode }, body }, options);
  return answer.execId;
}

/** The executions resource's action queue (the client's `actionQueue` option): its batches leave through `sendActionGroup`. */
export function createActionQueue(kit: OverkizKit, settings: ResolvedQueueSettings | undefined): ActionQueue | undefined {
  return settings && new ActionQueue(settings, (group, mode) => sendActionGroup(kit, group, mode), kit.logger);
}

export class ExecutionsResource extends Resource<OverkizContext> {
  /**
   * Runs commands now; returns the execution id. Two actions for one device are merged into one
   * (commands in order); every device URL is checked before anything is sent, and with the device
   * known (loaded or passed in `devices`) every command is checked against what the device declares
   * and reports, its UI profiles filling in only where it declares nothing (`validateCommands: false`
   * turns that off). With the action queue on, calls within its window
   * are merged and share one execution id; per-call options then only contribute their `signal`.
   * `POST /exec/apply`, or `POST /exec/apply/{mode}` with a mode.
   * @throws {ValidationError} before any request when an action or device URL is malformed, `mode` is unknown
   * (or given on the local API), or a known device's definition or states prove a command wrong.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`TooManyExecutionsError` once its resends are spent).
   */
  async executeActionGroup(actions: readonly ActionInput[], params?: ExecuteParams, options?: RequestOptions): Promise<string> {
    const { mode, label: given, devices } = checkedParams(params, "executeActionGroup", ["mode", "label", "devices"]);
    if (mode !== undefined && !EXECUTION_MODES.includes(mode)) {
      throw new ValidationError(`Unknown execution mode ${JSON.stringify(mode)}: expected one of ${EXECUTION_MODES.join(", ")}`);
    }
    if (mode !== undefined && this.ctx.server.apiType === "local") {
      throw new ValidationError(`Execution mode "${mode}" is not supported by the local API; leave \`mode\` out`);
    }
    const label = given === undefined ? DEFAULT_EXECUTION_LABEL : given;
    const body = readingInput("The actions", () => buildActionGroup(actions, label));
    const known = knownDevices(this.ctx, devices);
    body.actions = applyRtsDefaultDuration(body.actions, [...known.values()], this.ctx.defaultRtsCommandDurationSeconds);
    // Before the queue and the network: a refused command never reaches the gateway.
    if (this.ctx.validateCommands) checkCommands(body.actions, known);
    if (this.ctx.actionQueue) return this.ctx.actionQueue.add(body.actions, mode, label, options?.signal);
    return sendActionGroup(this.ctx.kit, body, mode, options);
  }

  /**
   * Sends the queued executions now (`POST /exec/apply` each) and waits for their answers (no-op
   * without a queue). Never rejects: a failed execution rejects its `executeActionGroup` calls.
   */
  async flushActionQueue(): Promise<void> {
    await this.ctx.actionQueue?.flush();
  }

  /**
   * Null when the execution is not running (finished or unknown).
   * `GET /exec/current/{execId}`.
   * @throws {ValidationError} before any request when `execId` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getCurrentExecution(execId: string, options?: RequestOptions): Promise<Execution | null> {
    const answer = await this.ctx.kit.call("getCurrentExecution", { path: { execId: checkedId("execId", execId) } }, options);
    return isEmptyAnswer(answer) ? null : parseExecution(answer as WireExecution, this.ctx.logger);
  }

  /**
   * Executions in progress.
   * `GET /exec/current`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getCurrentExecutions(options?: RequestOptions): Promise<Execution[]> {
    const answer = await this.ctx.kit.call("getCurrentExecutions", {}, options);
    return answer.map((execution) => parseExecution(execution, this.ctx.logger));
  }

  /**
   * Cancels a running execution; also succeeds for executions that already finished.
   * `DELETE /exec/current/setup/{execId}`.
   * @throws {ValidationError} before any request when `execId` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async cancelExecution(execId: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("cancelExecution", { path: { execId: checkedId("execId", execId) } }, options);
  }

  /**
   * Cancels every running execution (local API).
   * `DELETE /exec/current/setup`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async cancelAllExecutions(options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("cancelAllExecutions", {}, options);
  }

  /**
   * Past executions.
   * `GET /history/executions`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getExecutionHistory(options?: RequestOptions): Promise<HistoryExecution[]> {
    const answer = await this.ctx.kit.call("getExecutionHistory", {}, options);
    return (Array.isArray(answer) ? answer : []).map((execution) => parseHistoryExecution(execution, this.ctx.logger));
  }
}
