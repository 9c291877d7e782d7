import { ScriptingExecutionsOperations } from "../generated/resources-v1.js";

/** `client.scripting.executions` (OpenApp 1.0): scripts run as asynchronous jobs. */
export class ScriptingExecutionsResource extends ScriptingExecutionsOperations {}
