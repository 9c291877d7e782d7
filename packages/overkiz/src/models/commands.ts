import { ValidationError, isPlainObject } from "@openapp/core";
import { checkedDeviceUrl } from "./device-url.js";
import type { WireAction, WireActionGroup, WireCommand } from "./wire-types.js";
import type { CommandName } from "./names.js";

/** A command for one device: `{ name: "setClosure", parameters: [40] }`. */
export interface CommandInput {
  /** Command name, e.g. `setClosure` or `open`. */
  name: CommandName;
  /** Plain JSON values; omitted on the wire when empty. */
  parameters?: readonly unknown[] | undefined;
  /** Command type; most callers leave it out. */
  type?: number | undefined;
}

/** Commands for one device. A bare string is a command without parameters. */
export interface ActionInput {
  /** URL of the device the commands are for. */
  deviceURL: string;
  /** Commands to send to the device, in order. */
  commands: ReadonlyArray<CommandInput | CommandName>;
}

/** Label sent when the caller gives none; shows up in the vendor app's history. */
export const DEFAULT_EXECUTION_LABEL = "OpenApp SDK";

/** `command("setClosure", 40)` → `{ name: "setClosure", parameters: [40] }`. */
export function command(name: CommandName, ...parameters: unknown[]): CommandInput {
  return parameters.length > 0 ? { name, parameters } : { name };
}

/** Keeps JSON values as they are; anything else (enums, dates, …) is sent as its string form. */
function wireParameter(value: unknown, commandName: string): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ValidationError(`Command ${commandName}: parameter ${value} is not a finite number`);
    return value;
  }
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value) || isPlainObject(value)) return value;
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) throw new ValidationError(`Command ${commandName}: a parameter is undefined`);
  return String(value);
}

/**
 * The wire form of a command (a bare name or `{ name, parameters, type }`); dates become ISO text.
 * @throws {ValidationError} when the name is empty or a parameter is undefined.
 */
export function toWireCommand(input: CommandInput | string): WireCommand {
  const { name, parameters, type } = typeof input === "string" ? { name: input, parameters: undefined, type: undefined } : input;
  if (typeof name !== "string" || name.trim() === "") throw new ValidationError("A command needs a name");
  const wire: WireCommand = { name };
  if (parameters && parameters.length > 0) wire.parameters = parameters.map((value) => wireParameter(value, name));
  if (type !== undefined) wire.type = type;
  return wire;
}

/**
 * The wire form of an action `{ deviceURL, commands }`.
 * @throws {ValidationError} when the device URL is missing or malformed, or there are no commands.
 */
export function toWireAction(input: ActionInput): WireAction {
  if (typeof input?.deviceURL !== "string" || input.deviceURL === "") throw new ValidationError("An action needs a deviceURL");
  // The one parser: a malformed URL never reaches the gateway.
  checkedDeviceUrl(input.deviceURL);
  if (!Array.isArray(input.commands) || input.commands.length === 0) {
    throw new ValidationError(`Action for ${input.deviceURL} has no commands`);
  }
  return { deviceURL: input.deviceURL, commands: input.commands.map(toWireCommand) };
}

/**
 * The most devices one execution may carry. Overkiz documents no limit; a gateway holds at most a
 * few hundred devices, so a longer list is a caller's bug (a loop gone wrong), refused before it
 * reaches the gateway.
 */
export const MAX_ACTIONS_PER_EXECUTION = 500;

/**
 * Builds the `exec/apply` body. Refuses an empty execution before anything is sent. The gateway
 * takes one action per device, so two actions for the same device are merged into one carrying
 * both commands, in order (as pyoverkiz does); devices keep the order of their first action.
 */
export function buildActionGroup(actions: readonly ActionInput[], label: string | null = DEFAULT_EXECUTION_LABEL): WireActionGroup {
  if (!Array.isArray(actions) || actions.length === 0) throw new ValidationError("An execution needs at least one action");
  for (const action of actions) {
    if (!isPlainObject(action as unknown)) throw new ValidationError("Each action must be an object { deviceURL, commands }");
  }
  const byDevice = new Map<string, WireAction>();
  for (const action of actions.map(toWireAction)) {
    const merged = byDevice.get(action.deviceURL);
    if (merged) merged.commands = [...merged.commands, ...action.commands];
    else byDevice.set(action.deviceURL, action);
  }
  if (byDevice.size > MAX_ACTIONS_PER_EXECUTION) {
    throw new ValidationError(
      `An execution carries at most ${MAX_ACTIONS_PER_EXECUTION} devices, got ${byDevice.size}: split the call (or use the action queue, which splits at its maxActions)`,
    );
  }
  return { label, actions: [...byDevice.values()] };
}
