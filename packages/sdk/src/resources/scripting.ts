import { AbortError, ValidationError, readingInput } from "@openapp/core";
import type { OpenAppContext } from "../client.js";
import { ScriptingJobError } from "../errors.js";
import { pollUntil } from "../internal/poll.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";
import { ScriptingExecutionsResource } from "./scripting-executions.js";

/** Options of `scripting.execute`; the polling ones apply to 1.0 clients, whose scripts run as jobs. */
export interface ExecuteOptions extends Options {
  /** First wait before polling the job, in milliseconds (default 1 000); doubles up to `maxDelayMs`. */
  initialDelayMs?: number | undefined;
  /** Longest wait between two polls, in milliseconds (default 5 000). */
  maxDelayMs?: number | undefined;
  /** Give up after this long, in milliseconds (default 15 minutes, when the server stops a job too). */
  timeoutMs?: number | undefined;
}

const FINISHED = new Set(["succeeded", "failed", "canceled"]);
const JOB_CEILING_MS = 15 * 60 * 1000;

/**
 * Runs a script as a 1.0 job: create, poll (1 s doubling to 5 s, 15-minute ceiling), answer the
 * succeeded job (`result` as in 0.1). An abort cancels the job on the server before rejecting.
 */
async function runJob(executions: ScriptingExecutionsResource, script: string, options: ExecuteOptions = {}) {
  const { initialDelayMs = 1000, maxDelayMs = 5000, timeoutMs = JOB_CEILING_MS, ...request } = options;
  const job = await executions.create({ script }, request);
  try {
    const { value, timedOut } = await pollUntil(() => executions.get(job.id, request), (state) => FINISHED.has(state.status), { initialDelayMs, maxDelayMs, timeoutMs }, request.signal);
    if (timedOut) throw new ScriptingJobError(job.id, value.status, undefined, `Scripting job ${job.id} is still ${value.status} after ${timeoutMs} ms`);
    if (value.status !== "succeeded") {
      const reason = value.error ?? undefined;
      throw new ScriptingJobError(job.id, value.status, reason, `Scripting job ${job.id} ${value.status}${reason ? `: ${reason}` : ""}`);
    }
    return { ...value, result: value.result };
  } catch (error) {
    // The caller gave up: stop the job too (best effort, without the aborted signal).
    if (error instanceof AbortError) await executions.cancel(job.id, { ...request, signal: undefined }).catch(() => undefined);
    throw error;
  }
}

/** `client.scripting`: OpenApp Scripting (Rhai) run on the server with the caller's permissions. */
export function scriptingResource(ctx: OpenAppContext) {
  const executions = new ScriptingExecutionsResource(ctx.v1);
  return {
    /**
     * Runs a script and returns `{ result }`, the value of its last expression. Scripts have side
     * effects, so a failed run is never retried once it may have reached the server. A 1.0 client
     * runs it as a job (`POST /scripting/executions`, polled from 1 s doubling to 5 s, 15-minute
     * ceiling; aborting cancels the job) and answers the succeeded job, whose `result` is the same;
     * a failed or canceled job is a {@link ScriptingJobError} carrying the job's `error`.
     * On Node, `executeFile` from `@openapp/sdk/node` runs a `.openapp` file.
     * `POST /scripting/execute`.
     * @throws {ValidationError} before any request when the script is empty or blank.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    async execute(script: string | Body<"execute_scripting">, options?: ExecuteOptions): Promise<Result<"execute_scripting">> {
      const body = readingInput("The script", () => (typeof script === "string" ? { script } : { ...script }));
      if (typeof body.script !== "string" || body.script.trim() === "") {
        throw new ValidationError("The script is empty", { issues: [{ path: ["script"], message: "must be non-empty text" }] });
      }
      if (ctx.generation === "1.0") return runJob(executions, body.script, options);
      const { initialDelayMs, maxDelayMs, timeoutMs, ...request } = options ?? {};
      return ctx.kit.call("execute_scripting", { body }, request);
    },
    /** The 1.0 scripting jobs themselves: create, get, list, cancel. */
    executions,
  };
}

/** The type of `client.scripting`: the methods returned by {@link scriptingResource}. */
export type ScriptingResource = ReturnType<typeof scriptingResource>;
