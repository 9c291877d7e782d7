import { ValidationError, readingInput } from "@openapp/core";
import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.scripting`: OpenApp Scripting (Rhai) run on the server with the caller's permissions. */
export function scriptingResource(ctx: OpenAppContext) {
  return {
    /**
     * Runs a script and returns `{ result }`, the value of its last expression. Scripts have side
     * effects, so a failed run is never retried once it may have reached the server.
     * On Node, `executeFile` from `@openapp/sdk/node` runs a `.openapp` file.
     * `POST /scripting/execute`.
     * @throws {ValidationError} before any request when the script is empty or blank.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    async execute(script: string | Body<"execute_scripting">, options?: Options): Promise<Result<"execute_scripting">> {
      const body = readingInput("The script", () => (typeof script === "string" ? { script } : { ...script }));
      if (typeof body.script !== "string" || body.script.trim() === "") {
        throw new ValidationError("The script is empty", { issues: [{ path: ["script"], message: "must be non-empty text" }] });
      }
      return ctx.kit.call("execute_scripting", { body }, options);
    },
  };
}

/** The type of `client.scripting`: the methods returned by {@link scriptingResource}. */
export type ScriptingResource = ReturnType<typeof scriptingResource>;
