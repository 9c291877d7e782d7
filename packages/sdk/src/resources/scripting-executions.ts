import { Resource } from "@openapp/core";
import type { OpenAppV1Context } from "../client.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/v1-operation-types.js";

/** `client.scripting.executions` (OpenApp 1.0): scripts run as asynchronous jobs. Errors: see {@link OpenAppClient}. */
export class ScriptingExecutionsResource extends Resource<OpenAppV1Context> {
  /** Queues a script; answers the job. `POST /scripting/executions`. */
  create(body: Body<"create_scripting_execution">, options?: Options): Promise<Result<"create_scripting_execution">> {
    return this.ctx.kit.call("create_scripting_execution", { body }, options);
  }

  /** The caller's jobs, newest first, without results. `GET /scripting/executions`. */
  list(params?: { limit?: number }, options?: Options): Promise<Result<"list_scripting_executions">> {
    return this.ctx.kit.call("list_scripting_executions", { query: params }, options);
  }

  /** The job with its `result` or `error`. `GET /scripting/executions/{id}`. */
  get(id: string, options?: Options): Promise<Result<"get_scripting_execution">> {
    return this.ctx.kit.call("get_scripting_execution", { path: { id } }, options);
  }

  /** Asks the job to stop (what it did stays done). `DELETE /scripting/executions/{id}`. */
  cancel(id: string, options?: Options): Promise<Result<"cancel_scripting_execution">> {
    return this.ctx.kit.call("cancel_scripting_execution", { path: { id } }, options);
  }
}
