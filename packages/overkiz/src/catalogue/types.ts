/** What the reference says a command parameter or a state value accepts. */
export type ValueSpec =
  | { readonly type: "int" | "float"; readonly min?: number; readonly max?: number }
  | { readonly type: "string"; readonly values?: readonly string[] }
  | { readonly type: "boolean" | "any" | "array" | "object" };

export interface ProfileCommand {
  readonly name: string;
  /** One line on what the command does. */
  readonly meaning: string;
  readonly parameters: readonly ValueSpec[];
}

export interface ProfileState {
  readonly name: string;
  readonly meaning: string;
  readonly value: ValueSpec;
}

export interface ProfileDefinition {
  readonly commands: readonly ProfileCommand[];
  readonly states: readonly ProfileState[];
}

export type ProfileTable = Readonly<Record<string, ProfileDefinition>>;

/** A command's parameter signature and the UI profiles that state it. */
export interface CommandSignature {
  readonly parameters: readonly ValueSpec[];
  readonly profiles: readonly string[];
}
