import type { Logger, Simplify } from "@openapp/core";
import type { CommandDefinition, Definition, Schemas, StateDefinition } from "./wire-types.js";
import type { CommandName, StateName } from "./names.js";
import { StateDefinitionType, enumValue } from "./enums.js";

/**
 * A state definition with one name, whichever the wire used (cloud `qualifiedName`, local `name`),
 * and its kind typed: a kind this SDK does not know is `StateDefinitionType.UNKNOWN`, with what
 * the wire sent in `rawType`.
 */
export type NamedStateDefinition = Simplify<
  Omit<Schemas["CloudStateDefinition"], "qualifiedName" | "type"> &
    Partial<Schemas["LocalStateDefinition"]> & {
      /** The state's name, e.g. `core:ClosureState`, from `qualifiedName` or else `name`. */
      readonly qualifiedName: string;
      /** `ContinuousState`, `DiscreteState`, `DataState`, or `Unknown` for a kind this SDK does not know; absent on the local API. */
      type?: StateDefinitionType;
      /** The kind as the wire sent it (`"FutureState"`), present only when `type` is `Unknown`. */
      rawType?: unknown;
    }
>;

function namedState(state: StateDefinition, qualifiedName: string, logger: Logger | undefined): NamedStateDefinition {
  const named: NamedStateDefinition = { ...(state as Omit<NamedStateDefinition, "qualifiedName">), qualifiedName };
  if (!("type" in state) || state.type === undefined) return named;
  named.type = enumValue(StateDefinitionType, state.type, "state definition type", logger);
  if (named.type === StateDefinitionType.UNKNOWN) named.rawType = state.type;
  return named;
}

const stateName = (state: StateDefinition): string | undefined => {
  const record = state as { qualifiedName?: unknown; name?: unknown };
  if (typeof record.qualifiedName === "string") return record.qualifiedName;
  return typeof record.name === "string" ? record.name : undefined;
};

/**
 * A device definition: every wire field as received, plus lookups by qualified name. Entries the
 * lookups cannot key (no name) stay in `commands`/`states`, untouched.
 */
export class DeviceDefinition {
  readonly #commands = new Map<string, CommandDefinition>();
  readonly #states = new Map<string, NamedStateDefinition>();

  private constructor(raw: Definition, logger?: Logger) {
    Object.assign(this, raw);
    for (const command of Array.isArray(raw.commands) ? raw.commands : []) {
      if (typeof command?.commandName === "string") this.#commands.set(command.commandName, command);
      else logger?.warn("a command definition has no commandName; kept but not looked up", { command });
    }
    for (const state of Array.isArray(raw.states) ? raw.states : []) {
      const name = state ? stateName(state) : undefined;
      if (name !== undefined) this.#states.set(name, namedState(state, name, logger));
      else logger?.warn("a state definition has no name; kept but not looked up", { state });
    }
  }

  /**
   * Wraps a wire definition: its fields stay readable, with lookups by name added.
   */
  static from(raw: Definition, logger?: Logger): DeviceDefinition & Definition {
    return new DeviceDefinition(raw, logger) as DeviceDefinition & Definition;
  }

  /** The command by name (`setClosure`), or undefined. */
  command(name: CommandName): CommandDefinition | undefined {
    return this.#commands.get(name);
  }

  /** The state definition by qualified name (`core:ClosureState`), or undefined. */
  state(name: StateName): NamedStateDefinition | undefined {
    return this.#states.get(name);
  }

  /**
   * Whether the definition declares this command.
   */
  hasCommand(name: CommandName): boolean {
    return this.#commands.has(name);
  }

  /**
   * Whether the definition declares this state.
   */
  hasState(name: StateName): boolean {
    return this.#states.has(name);
  }

  /** The first of `names` (in your order of preference, not the definition's) that the definition declares. */
  firstCommand(names: readonly CommandName[]): CommandName | undefined {
    return names.find((name) => this.#commands.has(name));
  }

  /** Whether the definition declares at least one of these commands. */
  hasAnyCommand(names: readonly CommandName[]): boolean {
    return this.firstCommand(names) !== undefined;
  }

  /** The definition of the first of `names` (in your order of preference, not the definition's) that the definition declares. */
  firstState(names: readonly StateName[]): NamedStateDefinition | undefined {
    for (const name of names) {
      const state = this.#states.get(name);
      if (state) return state;
    }
    return undefined;
  }

  /** Whether the definition declares at least one of these states. */
  hasAnyState(names: readonly StateName[]): boolean {
    return this.firstState(names) !== undefined;
  }

  /**
   * The names of the declared commands.
   */
  get commandNames(): string[] {
    return [...this.#commands.keys()];
  }

  /**
   * The qualified names of the declared states.
   */
  get stateNames(): string[] {
    return [...this.#states.keys()];
  }

  /** The wire shape, as received. */
  toJSON(): Definition {
    return { ...this } as unknown as Definition;
  }
}
