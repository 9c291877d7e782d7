/**
 * `@openapp/overkiz/catalogue`: every known state, attribute, command and command-parameter name,
 * the UI classes, widgets and profiles, and for each UI profile the commands it offers (parameter
 * types and ranges) and the states it exposes. Generated from the Overkiz reference; a separate
 * entry so apps that do not need the data do not ship it. Every list accepts unknown names.
 */
import { FailureType, type ProfileCommand, type ProfileDefinition, type ProfileState, UI_PROFILES } from "@openapp/overkiz-generated/catalogue";

export {
  COMMAND_SIGNATURES,
  EventName,
  FailureType,
  MeasuredValueType,
  OverkizAttribute,
  OverkizCommand,
  OverkizCommandParam,
  OverkizState,
  type ProfileCommandMap,
  UIClass,
  UIClassifier,
  UIProfile,
  UIWidget,
  UpdateBoxStatus,
  UpdateCriticityLevel,
} from "@openapp/overkiz-generated/catalogue";

/** `CMDCANCELLED` for 106; `UNKNOWN` for a code the catalogue does not know (as pyoverkiz's `FailureType(99)`). */
export function failureTypeName(code: number): keyof typeof FailureType {
  return (Object.keys(FailureType) as (keyof typeof FailureType)[]).find((name) => FailureType[name] === code) ?? "UNKNOWN";
}

/** 106 for `CMDCANCELLED`; `FailureType.UNKNOWN` (-1) for a name the catalogue does not know. */
export function failureTypeCode(name: string): FailureType {
  return Object.hasOwn(FailureType, name) ? FailureType[name as keyof typeof FailureType] : FailureType.UNKNOWN;
}
export { UI_PROFILES };
export type { CommandSignature, ProfileCommand, ProfileDefinition, ProfileState, ProfileTable, ValueSpec } from "@openapp/overkiz-generated/catalogue";

const profiles = UI_PROFILES as unknown as Readonly<Record<string, ProfileDefinition>>;

/** The profile's commands and states, or undefined for a profile the catalogue does not know. */
export function uiProfile(name: string): ProfileDefinition | undefined {
  return Object.hasOwn(profiles, name) ? profiles[name] : undefined;
}

/** Every command the given profiles offer, first profile first, each name once. */
export function profileCommands(names: Iterable<string>): ProfileCommand[] {
  const seen = new Map<string, ProfileCommand>();
  for (const name of names) for (const command of uiProfile(name)?.commands ?? []) if (!seen.has(command.name)) seen.set(command.name, command);
  return [...seen.values()];
}

/** Every state the given profiles expose, each name once. */
export function profileStates(names: Iterable<string>): ProfileState[] {
  const seen = new Map<string, ProfileState>();
  for (const name of names) for (const state of uiProfile(name)?.states ?? []) if (!seen.has(state.name)) seen.set(state.name, state);
  return [...seen.values()];
}
