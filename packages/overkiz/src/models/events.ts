import { type Logger, type Simplify, asRecord } from "@openapp/core";
import type { Schemas } from "./wire-types.js";
import { ExecutionState, enumValue, readableName } from "./enums.js";
import { type RawState, State } from "./state.js";
import type { FailureTypeName } from "./history.js";

/** An untouched event payload. */
export type Raw = Record<string, unknown>;

/**
 * `kind` is added by the SDK so a `switch` narrows cleanly; `name` keeps the server's event
 * name (about 170 exist), `raw` the untouched payload.
 */
export interface Tagged<Kind extends string> {
  /** The SDK's event kind, for `switch`. */
  kind: Kind;
  /** The untouched payload. */
  raw: Raw;
}

/** `DeviceStateChangedEvent`: new values of some states of one device, typed. */
export type DeviceStateChangedEvent = Simplify<
  Omit<Schemas["DeviceStateChangedEvent"], "deviceStates"> &
    Tagged<"deviceStateChanged"> & {
      /** The states that changed, with their values typed (the wire sends them as strings). */
      deviceStates: State[];
    }
>;
/** `ExecutionRegisteredEvent`: an execution was accepted. */
export type ExecutionRegisteredEvent = Simplify<Schemas["ExecutionRegisteredEvent"] & Tagged<"executionRegistered">>;
/** `ExecutionStateChangedEvent`: an execution changed state. */
export type ExecutionStateChangedEvent = Simplify<
  Omit<Schemas["ExecutionStateChangedEvent"], "newState" | "oldState"> &
    Tagged<"executionStateChanged"> & {
      /** State the execution is in now; `UNKNOWN` for a value this SDK does not know. */
      newState: ExecutionState;
      /** State the execution was in before; `UNKNOWN` for a value this SDK does not know. */
      oldState: ExecutionState;
      /** True when `newState` is final (`timeToNextState === -1`). */
      isFinal: boolean;
    }
>;
/** Device created, updated, removed, available, unavailable or disabled, and device firmware events. */
export type DeviceEvent = Simplify<
  Omit<Schemas["DeviceEvent"], "deviceAttributes"> &
    Tagged<"device"> & {
      /** The device's attributes, typed, when the event carries them. */
      deviceAttributes?: State[];
    }
>;
/** Gateway alive, down or boot, synchronisation, firmware and function events. */
export type GatewayEvent = Simplify<Schemas["GatewayEvent"] & Tagged<"gateway">>;
/** A zone event. */
export type ZoneEvent = Simplify<Schemas["ZoneEvent"] & Tagged<"zone">>;
/** Any `…FailedEvent` (device deletion, firmware update, discovery, token, synchronisation, …). */
export type FailureEvent = Simplify<
  Schemas["OtherEvent"] &
    Tagged<"failure"> & {
      /** The failure as the event names it; kept as received. */
      failureType?: FailureTypeName;
      /** Its numeric code when the event carries one (`failureTypeName(code)` in the catalogue names it). */
      failureTypeCode?: number;
      /** Readable form of the failure type (`Cmd Cancelled` style), when there is one. */
      failureLabel?: string;
      /** Gateway the failure concerns, when the event names one. */
      gatewayId?: string;
      /** Device the failure concerns, when the event names one. */
      deviceURL?: string;
      /** Numeric protocol type (1 for io, 2 for rts, …), when the event carries one. */
      protocolType?: number;
    }
>;
/** Any other event, or a known one missing a field its family requires. */
export type OtherEvent = Simplify<Schemas["OtherEvent"] & Tagged<"other">>;

/** Every event `fetchEvents()` and `events()` yield, told apart by `kind`. */
export type OverkizEvent =
  | DeviceStateChangedEvent
  | ExecutionRegisteredEvent
  | ExecutionStateChangedEvent
  | DeviceEvent
  | GatewayEvent
  | ZoneEvent
  | FailureEvent
  | OtherEvent;

/** The `kind` of an {@link OverkizEvent}. */
export type EventKind = OverkizEvent["kind"];

const isString = (value: unknown): value is string => typeof value === "string" && value !== "";
const isObject = (value: unknown): value is Raw => asRecord(value) !== undefined;

/** Keeps every state; a value that does not fit its declared type is kept as received and reported. */
function castStates(raw: unknown[], logger: Logger | undefined): State[] {
  const states: State[] = [];
  for (const item of raw) {
    if (isObject(item) && typeof item.name === "string") states.push(State.from(item as unknown as RawState, logger));
    else logger?.warn("skipping an item of an event that is not a state (no name)", { item });
  }
  return states;
}

/** What a family requires that the event lacks; empty when nothing is missing. */
type Typed = OverkizEvent | { missing: string[] };

function missing(raw: Raw, required: Record<string, (value: unknown) => boolean>): string[] {
  return Object.entries(required)
    .filter(([key, check]) => !check(raw[key]))
    .map(([key]) => key);
}

function deviceStateChanged(raw: Raw, logger?: Logger): Typed {
  const absent = missing(raw, { deviceURL: isString, deviceStates: Array.isArray });
  if (absent.length > 0) return { missing: absent };
  const wire = raw as unknown as Schemas["DeviceStateChangedEvent"];
  return { ...wire, kind: "deviceStateChanged", deviceStates: castStates(raw.deviceStates as unknown[], logger), raw };
}

function executionRegistered(raw: Raw): Typed {
  const absent = missing(raw, { execId: isString });
  if (absent.length > 0) return { missing: absent };
  return { ...(raw as unknown as Schemas["ExecutionRegisteredEvent"]), kind: "executionRegistered", raw };
}

function executionStateChanged(raw: Raw, logger?: Logger): Typed {
  const absent = missing(raw, { execId: isString, newState: isString, oldState: isString });
  if (absent.length > 0) return { missing: absent };
  const wire = raw as unknown as Schemas["ExecutionStateChangedEvent"];
  return {
    ...wire,
    kind: "executionStateChanged",
    newState: enumValue(ExecutionState, raw.newState, "execution state", logger),
    oldState: enumValue(ExecutionState, raw.oldState, "execution state", logger),
    isFinal: raw.timeToNextState === -1,
    raw,
  };
}

function deviceEvent(raw: Raw, logger?: Logger): Typed {
  const absent = missing(raw, { deviceURL: isString });
  if (absent.length > 0) return { missing: absent };
  const { deviceAttributes, ...wire } = raw as unknown as Schemas["DeviceEvent"];
  const event: DeviceEvent = { ...wire, kind: "device", raw };
  if (Array.isArray(deviceAttributes)) event.deviceAttributes = castStates(deviceAttributes, logger);
  return event;
}

function gatewayEvent(raw: Raw): Typed {
  const absent = missing(raw, { gatewayId: isString });
  if (absent.length > 0) return { missing: absent };
  return { ...(raw as unknown as Schemas["GatewayEvent"]), kind: "gateway", raw };
}

function zoneEvent(raw: Raw): Typed {
  const absent = missing(raw, { zoneOID: isString });
  if (absent.length > 0) return { missing: absent };
  return { ...(raw as unknown as Schemas["ZoneEvent"]), kind: "zone", raw };
}

/** A failure has nothing required: the name says it failed; the failure type is added when present. */
function failureEvent(raw: Raw): Typed {
  const event: FailureEvent = { ...(raw as unknown as Schemas["OtherEvent"]), kind: "failure", raw };
  if (typeof raw.failureTypeCode === "number") event.failureTypeCode = raw.failureTypeCode;
  if (isString(raw.failureType)) {
    event.failureType = raw.failureType;
    event.failureLabel = readableName(raw.failureType);
  }
  return event;
}

function typedEvent(name: string, raw: Raw, logger?: Logger): Typed | undefined {
  if (name === "DeviceStateChangedEvent") return deviceStateChanged(raw, logger);
  if (name === "ExecutionRegisteredEvent") return executionRegistered(raw);
  if (name === "ExecutionStateChangedEvent") return executionStateChanged(raw, logger);
  if (/FailedEvent$/.test(name)) return failureEvent(raw);
  if (/^Device\w+Event$/.test(name)) return deviceEvent(raw, logger);
  if (/^Gateway\w+Event$/.test(name)) return gatewayEvent(raw);
  if (/^Zone\w+Event$/.test(name)) return zoneEvent(raw);
  return undefined;
}

/**
 * Types one event. A known event missing a field its family requires degrades to `other` (logged at
 * warn level with what was missing); a state value that does not fit its declared type is kept as
 * received. Something that is not an event at all gives undefined.
 */
export function parseEvent(raw: unknown, logger?: Logger): OverkizEvent | undefined {
  if (!isObject(raw) || !isString(raw.name)) return undefined;
  try {
    const typed = typedEvent(raw.name, raw, logger);
    if (typed && !("missing" in typed)) return typed;
    if (typed) logger?.warn("event kept untyped: it lacks what its family requires", { name: raw.name, missing: typed.missing });
  } catch (error) {
    logger?.warn("event kept untyped", { name: raw.name, reason: error instanceof Error ? error.message : String(error) });
  }
  return { ...(raw as unknown as Schemas["OtherEvent"]), kind: "other", raw };
}

/** Types a fetched batch; items that are not events are dropped with a warning, never failing the batch. */
export function parseEvents(raw: readonly unknown[] | undefined, logger?: Logger): OverkizEvent[] {
  const events: OverkizEvent[] = [];
  for (const item of raw ?? []) {
    const event = parseEvent(item, logger);
    if (event) events.push(event);
    else logger?.warn("dropping an event that cannot be parsed", { event: item });
  }
  return events;
}
