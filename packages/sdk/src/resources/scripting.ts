import { Resource, ValidationError, readingInput } from "@openapp/core";
import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions, Result } from "../models/operation-types.js";

/** `client.scripting`: OpenApp Scripting (Rhai) run on the server with the caller's permissions. */
export class ScriptingResource extends Resource<OpenAppContext> {
  /**
   * Runs a script and returns `{ result }`, the value of its last expression. Scripts have side
   * effects, so a failed run is never retried once it may have reached the server.
   * On Node, `executeFile` from `@openapp/sdk/node` runs a `.openapp` file.
   * `POST /scripting/execute`. Errors: see {@link OpenAppClient}.
   * @throws {ValidationError} before any request when the script is empty or blank.
   */
  async execute(script: string | Body<"execute_scripting">, options?: OpenAppRequestOptions): Promise<Result<"execute_scripting">> {
    const body = readingInput("The script", () => (typeof script === "string" ? { script } : { ...script }));
    if (typeof body.script !== "string" || body.script.trim() === "") {
      throw new ValidationError("The script is empty", { issues: [{ path: ["script"], message: "must be non-empty text" }] });
    }
    return this.ctx.kit.call("execute_scripting", { body }, options);
  }
}
