import { ValidationError } from "@openapp/core";
import { COMMAND_SIGNATURES } from "../catalogue/generated/signatures.js";
import type { CommandSignature, ValueSpec } from "../catalogue/types.js";
import type { Device } from "./device.js";
import type { WireAction, WireCommand } from "./wire-types.js";

function describeSpec(spec: ValueSpec): string {
  if (spec.type === "int" || spec.type === "float") {
    if (spec.min !== undefined && spec.max !== undefined) return `${spec.type === "int" ? "an integer" : "a number"} from ${spec.min} to ${spec.max}`;
    if (spec.min !== undefined) return `${spec.type === "int" ? "an integer" : "a number"} ≥ ${spec.min}`;
    return spec.type === "int" ? "an integer" : "a number";
  }
  if (spec.type === "string") return spec.values ? `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}` : "a string";
  return spec.type === "any" ? "any value" : `a ${spec.type}`;
}

function fits(spec: ValueSpec, value: unknown): boolean {
  switch (spec.type) {
    case "int":
    case "float":
      if (typeof value !== "number" || !Number.isFinite(value)) return false;
      if (spec.type === "int" && !Number.isInteger(value)) return false;
      return (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
    case "string":
      return typeof value === "string" && (!spec.values || spec.values.includes(value));
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return true;
  }
}

/** The signatures the device's own UI profiles state for a command (none: nothing to check). */
export function signaturesFor(device: Device, command: string): CommandSignature[] {
  const known = Object.hasOwn(COMMAND_SIGNATURES, command) ? COMMAND_SIGNATURES[command] : undefined;
  if (!known) return [];
  const profiles = new Set(device.uiProfiles);
  return known.filter((signature) => signature.profiles.some((profile) => profiles.has(profile)));
}

const who = (device: Device) => (device.label ? `${device.deviceURL} (${device.label})` : device.deviceURL);

/** Why `parameters` do not match `signature`, or undefined when they do. */
function mismatch(device: Device, command: WireCommand, signature: CommandSignature, nparams: number): string | undefined {
  const given = command.parameters ?? [];
  // The definition has the last word on how many parameters there are.
  const specs = signature.parameters.slice(0, nparams);
  if (given.length < specs.length) {
    return `Device ${who(device)}: command ${command.name} needs ${specs.length} parameter(s), got ${given.length}`;
  }
  for (const [index, spec] of specs.entries()) {
    const value = given[index];
    if (!fits(spec, value)) {
      return `Device ${who(device)}: command ${command.name} parameter ${index + 1} must be ${describeSpec(spec)} (its UI profile says so), got ${JSON.stringify(value)}`;
    }
  }
  return undefined;
}

/**
 * Refuses, before the network, a command the device's definition does not declare, more parameters
 * than it declares, or parameters outside what the device's UI profiles state. Unknown devices and
 * commands without a known signature pass through unchanged.
 */
export function checkCommands(actions: readonly WireAction[], devices: ReadonlyMap<string, Device>): void {
  for (const action of actions) {
    const device = devices.get(action.deviceURL);
    if (!device) continue;
    for (const command of action.commands) {
      const definition = device.commandDefinition(command.name);
      if (!definition) {
        const declared = device.definition.commandNames;
        throw new ValidationError(
          `Device ${who(device)} does not declare command ${command.name}` + (declared.length ? `; it declares ${declared.join(", ")}` : "; it declares no commands"),
        );
      }
      const given = command.parameters?.length ?? 0;
      if (typeof definition.nparams === "number" && given > definition.nparams) {
        throw new ValidationError(`Device ${who(device)}: command ${command.name} takes ${definition.nparams} parameter(s), got ${given}`);
      }
      const signatures = signaturesFor(device, command.name);
      if (signatures.length === 0) continue;
      const nparams = typeof definition.nparams === "number" ? definition.nparams : Number.POSITIVE_INFINITY;
      const problems = signatures.map((signature) => mismatch(device, command, signature, nparams));
      if (problems.every((problem) => problem !== undefined)) throw new ValidationError(problems[0] as string);
    }
  }
}
