import { ValidationError } from "@openapp/core";
import { COMMAND_SIGNATURES } from "@openapp/overkiz-generated/catalogue";
import type { CommandSignature, ValueSpec } from "@openapp/overkiz-generated/catalogue";
import type { Device } from "./device.js";
import type { CommandDefinition, WireAction, WireCommand } from "./wire-types.js";

/*
 * What refuses a command before the network, most specific evidence first:
 *
 * 1. The device's definition: a command it does not list (when it lists any), more parameters
 *    than it allows (`paramsSig` counts the optional `*pN` ones, else `nparams`), fewer than the
 *    required ones `paramsSig` names.
 * 2. What the device declares for the state a `set…` command sets (`setHeatingLevel` →
 *    `io:TargetHeatingLevelState`): the value it reports and every value its definition lists
 *    always pass; its own bounds states (`core:MaximumTargetTemperatureState`, …) are the range,
 *    and a definition declaring them (even unreported) makes the range the device's own.
 * 3. The catalogue's UI-profile signatures fill in the type and range only where the device
 *    declares nothing. Where the device declares a value set, a profile's enumeration means
 *    "one of the device's values"; a profile rule that a declared or reported value breaks is
 *    proven wrong for this device and is relaxed to its bare type (or dropped).
 *
 * Everything else is sent; the API answers with a typed error if it is wrong.
 */

/** Bounds a device reports for a command's first parameter: the first state of each list it holds. */
const DEVICE_BOUNDS: Readonly<Record<string, { readonly min: readonly string[]; readonly max: readonly string[] }>> = {
  setTargetTemperature: {
    min: ["core:TargetTemperatureCurrentLowerBoundState", "core:MinimumTargetTemperatureState", "core:MinimalTemperatureManualModeState"],
    max: ["core:TargetTemperatureCurrentUpperBoundState", "core:MaximumTargetTemperatureState", "core:MaximalTemperatureManualModeState"],
  },
  setTargetDHWTemperature: { min: ["core:MinimalTemperatureManualModeState"], max: ["core:MaximalTemperatureManualModeState"] },
  setHeatingTargetTemperature: { min: ["core:MinimumHeatingTargetTemperatureState"], max: ["core:MaximumHeatingTargetTemperatureState"] },
  setCoolingTargetTemperature: { min: ["core:MinimumCoolingTargetTemperatureState"], max: ["core:MaximumCoolingTargetTemperatureState"] },
};

/** How many parameters a command definition allows and, when it says so, how many it requires. */
export function parameterCounts(definition: CommandDefinition): { max: number; required: number | undefined } {
  if (typeof definition.paramsSig === "string") {
    const entries = definition.paramsSig.split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
    return { max: entries.length, required: entries.filter((entry) => !entry.startsWith("*")).length };
  }
  // Cloud definitions have no paramsSig; their nparams counts the optional parameters too.
  return { max: typeof definition.nparams === "number" ? definition.nparams : Number.POSITIVE_INFINITY, required: undefined };
}

const numberWord = (spec: ValueSpec) => (spec.type === "int" ? "an integer" : "a number");

function describeSpec(spec: ValueSpec): string {
  if (spec.type === "int" || spec.type === "float") {
    if (spec.min !== undefined && spec.max !== undefined) return `${numberWord(spec)} from ${spec.min} to ${spec.max}`;
    if (spec.min !== undefined) return `${numberWord(spec)} ≥ ${spec.min}`;
    if (spec.max !== undefined) return `${numberWord(spec)} ≤ ${spec.max}`;
    return numberWord(spec);
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
function signaturesFor(device: Device, command: string): CommandSignature[] {
  const known = Object.hasOwn(COMMAND_SIGNATURES, command) ? COMMAND_SIGNATURES[command] : undefined;
  if (!known) return [];
  const profiles = new Set(device.uiProfiles);
  return known
    .map((signature) => ({ ...signature, profiles: signature.profiles.filter((profile) => profiles.has(profile)) }))
    .filter((signature) => signature.profiles.length > 0);
}

/** What the device itself says about a `set…` command's first parameter. */
interface DeviceEvidence {
  /** Values the device's definition lists for the state the command sets, with those states' names. */
  readonly declared: { readonly states: readonly string[]; readonly values: readonly string[] } | undefined;
  /** Values the device reports for that state now. */
  readonly reported: readonly unknown[];
  /** The device's own bounds, each with the state that holds it. */
  readonly min: { readonly state: string; readonly value: number } | undefined;
  readonly max: { readonly state: string; readonly value: number } | undefined;
  /** Whether its definition declares bounds states (reported or not): its range is its own, not a profile's. */
  readonly ownRange: boolean;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** `setHeatingLevel` sets `…:HeatingLevelState` or `…:TargetHeatingLevelState`, in any namespace. */
function targetStates(device: Device, command: string): string[] {
  if (!/^set[A-Z]/.test(command)) return [];
  const subject = command.slice(3);
  const names = new Set([`${subject}State`, `Target${subject}State`]);
  return device.definition.stateNames.filter((name) => names.has(localName(name)));
}

function reportedBound(device: Device, names: readonly string[] | undefined): DeviceEvidence["min"] {
  const state = names ? device.states.select(names) : undefined;
  return state && typeof state.value === "number" && Number.isFinite(state.value) ? { state: state.name, value: state.value } : undefined;
}

/** The values a state definition lists (cloud `DiscreteState`s; local definitions may list none). */
function listedValues(device: Device, name: string): string[] {
  const values = (device.definition.state(name) as { values?: unknown } | undefined)?.values;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === "string") : [];
}

function deviceEvidence(device: Device, command: string): DeviceEvidence {
  const states = targetStates(device, command);
  const listing = states.filter((name) => listedValues(device, name).length > 0);
  const values = listing.flatMap((name) => listedValues(device, name));
  const bounds = Object.hasOwn(DEVICE_BOUNDS, command) ? DEVICE_BOUNDS[command] : undefined;
  return {
    declared: listing.length > 0 ? { states: listing, values: [...new Set(values)] } : undefined,
    reported: states.map((name) => device.states.get(name)?.value).filter((value) => value !== undefined && value !== null),
    min: reportedBound(device, bounds?.min),
    max: reportedBound(device, bounds?.max),
    ownRange: [...(bounds?.min ?? []), ...(bounds?.max ?? [])].some((name) => device.definition.hasState(name)),
  };
}

const NO_EVIDENCE: DeviceEvidence = { declared: undefined, reported: [], min: undefined, max: undefined, ownRange: false };

/** A rule for one parameter and where it comes from (for the error message). */
interface Rule {
  readonly spec: ValueSpec;
  readonly source: string;
}

/**
 * The catalogue's rule as far as the device allows it: an enumeration becomes the device's own
 * value set where it declares one; a range gives way to bounds states the device declares; a rule
 * a declared or reported value breaks is relaxed to its bare type, or dropped when even that is
 * broken.
 */
function ruleForDevice(rule: Rule, evidence: DeviceEvidence): Rule | undefined {
  const { declared } = evidence;
  const bare: Rule = { spec: { type: rule.spec.type } as ValueSpec, source: rule.source };
  const numeric = rule.spec.type === "int" || rule.spec.type === "float";
  const narrowed: Rule =
    rule.spec.type === "string" && rule.spec.values && declared
      ? { spec: { type: "string", values: declared.values }, source: `its ${declared.states.join(", ")} definition lists them` }
      : numeric && evidence.ownRange
        ? bare
        : rule;
  const known = [...(declared?.values ?? []), ...evidence.reported];
  if (known.every((value) => fits(narrowed.spec, value))) return narrowed;
  return known.every((value) => fits(bare.spec, value)) ? bare : undefined;
}

const who = (device: Device) => (device.label ? `${device.deviceURL} (${device.label})` : device.deviceURL);

/** Why `value` cannot be parameter `index` of `command`, or undefined when nothing proves it wrong. */
function valueProblem(device: Device, command: string, index: number, value: unknown, rules: readonly Rule[]): string | undefined {
  const evidence = index === 0 ? deviceEvidence(device, command) : NO_EVIDENCE;
  if (evidence.reported.includes(value) || evidence.declared?.values.includes(value as string)) return undefined;
  const where = `Device ${who(device)}: command ${command} parameter ${index + 1}`;
  if (typeof value === "number" && (evidence.min || evidence.max)) {
    const { min, max } = evidence;
    if ((min && value < min.value) || (max && value > max.value)) {
      const reports = [min, max].filter((bound) => bound !== undefined).map((bound) => `${bound.state} ${bound.value}`);
      return `${where} must be ${describeSpec({ type: "float", min: min?.value, max: max?.value })} (the device reports ${reports.join(", ")}), got ${value}`;
    }
    return undefined;
  }
  const applicable = rules.map((rule) => ruleForDevice(rule, evidence)).filter((rule) => rule !== undefined);
  if (applicable.length === 0 || applicable.some((rule) => fits(rule.spec, value))) return undefined;
  const first = applicable[0] as Rule;
  return `${where} must be ${describeSpec(first.spec)} (${first.source}), got ${JSON.stringify(value)}`;
}

/** The catalogue's rules for each parameter position, from the signatures of the device's profiles. */
function catalogueRules(device: Device, command: string, count: number): Rule[][] {
  const signatures = signaturesFor(device, command);
  return Array.from({ length: count }, (_, index) =>
    signatures.flatMap(({ parameters, profiles }) => {
      const spec = parameters[index];
      return spec ? [{ spec, source: `its UI profile ${profiles.join(", ")} says so` }] : [];
    }),
  );
}

function checkCommand(device: Device, command: WireCommand): void {
  const definition = device.commandDefinition(command.name);
  if (!definition) {
    const declared = device.definition.commandNames;
    if (declared.length === 0) return;
    throw new ValidationError(`Device ${who(device)} does not declare command ${command.name}; it declares ${declared.join(", ")}`);
  }
  const given = command.parameters ?? [];
  const { max, required } = parameterCounts(definition);
  const signature = typeof definition.paramsSig === "string" ? `nparams ${definition.nparams}, paramsSig ${JSON.stringify(definition.paramsSig)}` : `nparams ${definition.nparams}`;
  if (given.length > max) {
    throw new ValidationError(`Device ${who(device)}: command ${command.name} takes at most ${max} parameter(s) (its definition: ${signature}), got ${given.length}`);
  }
  if (required !== undefined && given.length < required) {
    throw new ValidationError(`Device ${who(device)}: command ${command.name} needs ${required} parameter(s) (its definition: ${signature}), got ${given.length}`);
  }
  const rules = catalogueRules(device, command.name, given.length);
  for (const [index, value] of given.entries()) {
    const problem = valueProblem(device, command.name, index, value, rules[index] ?? []);
    if (problem) throw new ValidationError(problem);
  }
}

/**
 * Refuses, before the network, what a known device's own definition and states prove wrong (see
 * the evidence order above). Unknown devices pass through unchanged.
 */
export function checkCommands(actions: readonly WireAction[], devices: ReadonlyMap<string, Device>): void {
  for (const action of actions) {
    const device = devices.get(action.deviceURL);
    if (!device) continue;
    for (const command of action.commands) checkCommand(device, command);
  }
}
