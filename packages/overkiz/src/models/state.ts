import { type Logger, ValidationError, asRecord } from "@openapp/core";
import { DataType } from "./enums.js";
import type { StateName } from "./names.js";

/** A JSON object value. */
export type JsonObject = { [key: string]: unknown };
/** A state's typed value; null when the state has none. */
export type StateValue = string | number | boolean | JsonObject | unknown[] | null;

/** What the wire may carry for a state: typed (setup, local API) or a string (cloud events). */
export interface RawState {
  /** Qualified state name, e.g. `core:ClosureState`. */
  name: string;
  /** Data type code (see `DataType`); `NONE` when absent. */
  type?: number;
  /** Value as sent: typed JSON, or a string in cloud events; absent when the state has none. */
  value?: unknown;
  /** When the value last changed, in epoch milliseconds, when the server sends it. */
  lastUpdateTime?: number;
}

const isObject = (value: unknown): value is JsonObject => asRecord(value) !== undefined;

function castFailure(name: string, type: number, value: unknown): ValidationError {
  return new ValidationError(`State ${name}: cannot read ${JSON.stringify(value)} as data type ${type}`);
}

function toInteger(name: string, type: number, value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  throw castFailure(name, type, value);
}

function toFloat(name: string, type: number, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw castFailure(name, type, value);
}

function toBoolean(name: string, type: number, value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return /^(true|1)$/i.test(value.trim());
  if (value === 0 || value === 1) return value === 1;
  throw castFailure(name, type, value);
}

function toText(name: string, type: number, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw castFailure(name, type, value);
}

function parseJsonText(name: string, type: number, value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch (cause) {
    throw new ValidationError(`State ${name}: invalid JSON for data type ${type}`, { cause });
  }
}

function toJsonArray(name: string, type: number, value: unknown): unknown[] {
  const parsed = typeof value === "string" ? parseJsonText(name, type, value) : value;
  if (Array.isArray(parsed)) return parsed;
  throw castFailure(name, type, value);
}

// The local API sometimes sends an array for a JSON object state; keep it rather than fail.
function toJsonObject(name: string, type: number, value: unknown): JsonObject | unknown[] {
  const parsed = typeof value === "string" ? parseJsonText(name, type, value) : value;
  if (isObject(parsed) || Array.isArray(parsed)) return parsed;
  throw castFailure(name, type, value);
}

/**
 * Types a state value by its data type. Cloud events send every value as a string
 * (`"23"`, `"true"`, `"{…}"`); setup and local answers are already typed.
 */
export function castStateValue(name: string, type: number, value: unknown): StateValue {
  if (value === undefined || value === null || type === DataType.NONE) return null;
  switch (type) {
    case DataType.INTEGER:
    case DataType.DATE:
      return toInteger(name, type, value);
    case DataType.FLOAT:
      return toFloat(name, type, value);
    case DataType.BOOLEAN:
      return toBoolean(name, type, value);
    case DataType.STRING:
    case DataType.BLOB:
    case DataType.PASSWORD:
      return toText(name, type, value);
    case DataType.JSON_ARRAY:
      return toJsonArray(name, type, value);
    case DataType.JSON_OBJECT:
      return toJsonObject(name, type, value);
    default:
      // A data type this SDK does not know: keep the value; the typed accessors will refuse it.
      return value as StateValue;
  }
}

/** A value read leniently: the closest faithful value, and why it does not fit its declared type. */
export interface StateReading {
  /** The value, typed by its data type when it fits; null when there is none. */
  value: StateValue;
  /** Set when the value does not fit the declared data type; the value is then kept as close to the wire as JSON allows. */
  mismatch?: string | undefined;
}

/** The closest faithful value for one that does not fit its declared type: numbers stay numbers, JSON text is parsed. */
function closestValue(value: unknown): StateValue {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
    if (/^[[{]/.test(trimmed)) {
      try {
        return JSON.parse(trimmed) as StateValue;
      } catch {
        return value;
      }
    }
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean" || Array.isArray(value) || isObject(value)) return value as StateValue;
  return value === undefined ? null : (String(value) as StateValue);
}

/**
 * Like `castStateValue`, but never refuses: a value that does not fit its declared type (a local
 * gateway declaring `core:TemperatureState` an integer and sending 24.2) is kept as the closest
 * faithful value (24.2, a number) and the mismatch is described so the caller can report it.
 */
export function readStateValue(name: string, type: number, value: unknown): StateReading {
  if (value === undefined || value === null) return { value: null };
  if (type === DataType.NONE) return { value: null, mismatch: `data type 0 (none) carries a value ${JSON.stringify(value)}; kept in rawValue` };
  try {
    return { value: castStateValue(name, type, value) };
  } catch {
    return { value: closestValue(value), mismatch: `${JSON.stringify(value)} does not fit data type ${type}; kept as ${typeof closestValue(value)}` };
  }
}

// One report per logger, state name, data type and value kind: events repeat the same mismatch every poll.
const reported = new WeakMap<Logger, Set<string>>();

function reportMismatch(logger: Logger | undefined, name: string, type: number, rawValue: unknown, mismatch: string): void {
  if (!logger) return;
  let seen = reported.get(logger);
  if (!seen) reported.set(logger, (seen = new Set()));
  const key = `${name}\u0000${type}\u0000${typeof rawValue}`;
  if (seen.has(key)) return;
  if (seen.size > 1000) seen.clear();
  seen.add(key);
  logger.warn("state value does not fit its declared data type; kept as received", { state: name, type, reason: mismatch });
}

/** Structural equality for JSON values (state values are JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A device state or attribute with typed accessors. */
export class State {
  /** Qualified state name, e.g. `core:ClosureState`. */
  readonly name: string;
  /** Data type code; see `DataType`. */
  readonly type: DataType;
  /** The typed value; null when the state has none. */
  readonly value: StateValue;
  /** When the value last changed, in epoch milliseconds; undefined when the server did not say. */
  readonly lastUpdateTime: number | undefined;
  /** The value exactly as the wire carried it (a string in cloud events). */
  readonly rawValue: unknown;
  /** Why the value does not fit its declared data type, when it does not; the value is then kept as received. */
  readonly typeMismatch: string | undefined;

  constructor(name: string, type: number, value: StateValue, lastUpdateTime?: number, rawValue: unknown = value, typeMismatch?: string) {
    this.name = name;
    this.type = type as DataType;
    this.value = value;
    this.lastUpdateTime = lastUpdateTime;
    this.rawValue = rawValue;
    this.typeMismatch = typeMismatch;
  }

  /**
   * Builds a state from its wire form, casting string values by data type. A value that does not
   * fit its declared type is kept (the closest faithful value) and reported once through `logger`.
   */
  static from(raw: RawState, logger?: Logger): State {
    if (!raw || typeof raw.name !== "string") throw new ValidationError("A state needs a string `name`");
    const type = typeof raw.type === "number" ? raw.type : DataType.NONE;
    const { value, mismatch } = readStateValue(raw.name, type, raw.value);
    if (mismatch) reportMismatch(logger, raw.name, type, raw.value, mismatch);
    const lastUpdateTime = typeof raw.lastUpdateTime === "number" ? raw.lastUpdateTime : undefined;
    return new State(raw.name, type, value, lastUpdateTime, raw.value, mismatch);
  }

  /**
   * The value as an integer (integer and date states); null for a state without a value.
   * @throws {ValidationError} when the state has a value of another data type.
   */
  valueAsInt(): number | null {
    return this.read<number>("an integer", [DataType.INTEGER, DataType.DATE], (v) => typeof v === "number" && Number.isInteger(v));
  }

  /**
   * Integer states are accepted too.
   * @throws {ValidationError} when the state has a value of another data type.
   */
  valueAsFloat(): number | null {
    return this.read<number>("a number", [DataType.FLOAT, DataType.INTEGER], (v) => typeof v === "number");
  }

  /**
   * The value as a boolean; null for a state without a value.
   * @throws {ValidationError} when the state has a value of another data type.
   */
  valueAsBool(): boolean | null {
    return this.read<boolean>("a boolean", [DataType.BOOLEAN], (v) => typeof v === "boolean");
  }

  /**
   * The value as a string (string, blob and password states); null for a state without a value.
   * @throws {ValidationError} when the state has a value of another data type.
   */
  valueAsStr(): string | null {
    return this.read<string>("a string", [DataType.STRING, DataType.BLOB, DataType.PASSWORD], (v) => typeof v === "string");
  }

  /**
   * The value as a JSON object; null for a state without a value.
   * @throws {ValidationError} when the state has a value of another data type.
   */
  valueAsDict(): JsonObject | null {
    return this.read<JsonObject>("a JSON object", [DataType.JSON_OBJECT], isObject);
  }

  /**
   * The value as a JSON array (array and object states); null for a state without a value.
   * @throws {ValidationError} when the state has a value of another data type.
   */
  valueAsList(): unknown[] | null {
    return this.read<unknown[]>("a JSON array", [DataType.JSON_ARRAY, DataType.JSON_OBJECT], Array.isArray);
  }

  /**
   * The wire shape: name, type, and value and time when set.
   */
  toJSON(): RawState {
    const json: RawState = { name: this.name, type: this.type };
    if (this.value !== null) json.value = this.value;
    if (this.lastUpdateTime !== undefined) json.lastUpdateTime = this.lastUpdateTime;
    return json;
  }

  private read<T>(expected: string, types: readonly number[], check: (value: unknown) => boolean): T | null {
    if (this.type === DataType.NONE) return null;
    if (!types.includes(this.type) || !check(this.value)) {
      throw new ValidationError(`State ${this.name} (data type ${this.type}) does not hold ${expected}: ${JSON.stringify(this.value)}`);
    }
    return this.value as T;
  }
}

/** The states (or attributes) of a device, looked up by qualified name. */
export class States implements Iterable<State> {
  private readonly byName: Map<string, State>;

  constructor(states: Iterable<State> = []) {
    this.byName = new Map([...states].map((state) => [state.name, state]));
  }

  /** Types a list of wire states (see {@link parseStates}); undefined gives an empty set. */
  static from(raw: readonly RawState[] | undefined, logger?: Logger): States {
    return new States(parseStates(raw, logger));
  }

  /** How many states are held. */
  get size(): number {
    return this.byName.size;
  }

  /** The state by qualified name (`core:ClosureState`), or undefined. */
  get(name: StateName): State | undefined {
    return this.byName.get(name);
  }

  /** Whether a state with this name is held. */
  has(name: StateName): boolean {
    return this.byName.has(name);
  }

  /**
   * Sets states by name in place (adding new names), as a DeviceStateChangedEvent does; returns
   * the states whose value, type or presence changed.
   */
  update(states: Iterable<State>): State[] {
    const changed: State[] = [];
    for (const state of states) {
      const previous = this.byName.get(state.name);
      this.byName.set(state.name, state);
      if (!previous || previous.type !== state.type || !sameValue(previous.value, state.value)) changed.push(state);
    }
    return changed;
  }

  /** Removes the state; false when it was not held. */
  delete(name: StateName): boolean {
    return this.byName.delete(name);
  }

  /** Whether any of these states is held. */
  hasAny(names: readonly StateName[]): boolean {
    return names.some((name) => this.byName.has(name));
  }

  /** The first of `names` that is present. */
  select(names: readonly StateName[]): State | undefined {
    for (const name of names) {
      const state = this.byName.get(name);
      if (state) return state;
    }
    return undefined;
  }

  /**
   * The first of `names` (in your order of preference) that is present and holds a value (not
   * `null`), as pyoverkiz's `states.first`; {@link select} also takes a state without value.
   */
  first(names: readonly StateName[]): State | undefined {
    for (const name of names) {
      const state = this.byName.get(name);
      if (state && state.value !== null && state.value !== undefined) return state;
    }
    return undefined;
  }

  /** The value of {@link first}: of the first of `names` that is present and holds a value. */
  firstValue(names: readonly StateName[]): StateValue | undefined {
    return this.first(names)?.value;
  }

  /** Whether the state is present and holds a value (not `null`); {@link has} only asks whether it is present. */
  hasValue(name: StateName): boolean {
    return this.first([name]) !== undefined;
  }

  /** Whether any of these states is present and holds a value; {@link hasAny} only asks whether one is present. */
  hasAnyValue(names: readonly StateName[]): boolean {
    return this.first(names) !== undefined;
  }

  /** The states, in insertion order. */
  [Symbol.iterator](): Iterator<State> {
    return this.byName.values();
  }

  /** The states as an array, in insertion order. */
  toArray(): State[] {
    return [...this.byName.values()];
  }

  /** The wire shape of every state. */
  toJSON(): RawState[] {
    return this.toArray().map((state) => state.toJSON());
  }
}

/**
 * Types a list of wire states. A value that does not fit its declared type is kept (see
 * `State.from`); only an item that is not a state at all (no name) is left out, with a warning.
 */
export function parseStates(raw: readonly RawState[] | undefined, logger?: Logger): State[] {
  const states: State[] = [];
  for (const item of Array.isArray(raw) ? raw : []) {
    if (!item || typeof item.name !== "string") {
      logger?.warn("skipping an item that is not a state (no name)", { item });
      continue;
    }
    states.push(State.from(item, logger));
  }
  return states;
}
