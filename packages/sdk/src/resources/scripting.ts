import { AbortError, Resource, ValidationError, readingInput } from "@openapp/core";
import type { OpenAppContext } from "../context.js";
import { ScriptingJobError } from "../errors.js";
import { pollUntil } from "../internal/poll.js";
import type { Body, OpenAppRequestOptions, Result } from "../models/operation-types.js";
import { ScriptingExecutionsResource } from "./scripting-executions.js";

/** Options of `scripting.execute`; the polling ones apply to 1.0 clients, whose scripts run as jobs. */
export interface ExecuteOptions extends OpenAppRequestOptions {
  /** First wait before polling the job, in milliseconds (default 1 000); doubles up to `maxDelayMs`. */
  initialDelayMs?: number | undefined;
  /** Longest wait between two polls, in milliseconds (default 5 000). */
  maxDelayMs?: number | undefined;
  /** Give up after this long, in milliseconds (default 15 minutes, when the server stops a job too). */
  timeoutMs?: number | undefined;
}

const FINISHED = new Set(["succeeded", "failed", "canceled"]);
const JOB_CEILING_MS = 15 * 60 * 1000;

/** `client.scripting`: OpenApp Scripting (Rhai) run on the server with the caller's permissions. */
export class ScriptingResource extends Resource<OpenAppContext> {
  /** 1.0: the scripting jobs themselves (create, get, list, cancel). */
  readonly executions: ScriptingExecutionsResource;

  constructor(ctx: OpenAppContext) {
    super(ctx);
    this.executions = new ScriptingExecutionsResource(ctx.v1);
  }

  /**
   * Runs a script and returns `{ result }`, the value of its last expression. Scripts have side
   * effects, so a failed run is never retried once it may have reached the server.
   * On Node, `executeFile` from `@openapp/sdk/node` runs a `.openapp` file.
   * `POST /scripting/execute`. A 1.0 client runs it as a job instead (`scripting.executions.create`,
   * polled from 1 s doubling to 5 s, 15-minute ceiling; aborting cancels the job) and answers the
   * succeeded job, whose `result` is the same. Errors: see {@link OpenAppClient}.
   * @throws {ValidationError} before any request when the script is empty or blank.
   * @throws {ScriptingJobError} (1.0) when the job failed or was canceled (with its `error`), or outlived the ceiling.
   */
  async execute(script: string | Body<"execute_scripting">, options?: ExecuteOptions): Promise<Result<"execute_scripting">> {
    const body = readingInput("The script", () => (typeof script === "string" ? { script } : { ...script }));
    if (typeof body.script !== "string" || body.script.trim() === "") {
      throw new ValidationError("The script is empty", { issues: [{ path: ["script"], message: "must be non-empty text" }] });
    }
    const { initialDelayMs = 1000, maxDelayMs = 5000, timeoutMs = JOB_CEILING_MS, ...request } = options ?? {};
    if (this.ctx.generation === "0.1") return this.ctx.kit.call("execute_scripting", { body }, request);
    return this.#runJob(body.script, { initialDelayMs, maxDelayMs, timeoutMs }, request);
  }

  /** Create, poll until finished, answer the succeeded job; an abort cancels the job before rejecting. */
  async #runJob(script: string, schedule: { initialDelayMs: number; maxDelayMs: number; timeoutMs: number }, request: OpenAppRequestOptions) {
    const job = await this.executions.create({ script }, request);
    try {
      const { value, timedOut } = await pollUntil(() => this.executions.get(job.id, request), (state) => FINISHED.has(state.status), schedule, request.signal);
      if (timedOut) throw new ScriptingJobError(job.id, value.status, undefined, `Scripting job ${job.id} is still ${value.status} after ${schedule.timeoutMs} ms`);
      if (value.status !== "succeeded") {
        const reason = value.error ?? undefined;
        throw new ScriptingJobError(job.id, value.status, reason, `Scripting job ${job.id} ${value.status}${reason ? `: ${reason}` : ""}`);
      }
      return { ...value, result: value.result };
    } catch (error) {
      // The caller gave up: stop the job too (best effort, without the aborted signal).
      if (error instanceof AbortError) await this.executions.cancel(job.id, { ...request, signal: undefined }).catch(() => undefined);
      throw error;
    }
  }
}
