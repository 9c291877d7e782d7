import { type Logger, type Simplify, asRecord } from "@openapp/core";
import type { Schemas } from "./wire-types.js";
import { ExecutionState, enumValue } from "./enums.js";
import { type RawState, State } from "./state.js";

type Raw = Record<string, unknown>;

/**
 * `kind` is added by the SDK so a `switch` narrows cleanly; `name` keeps the server's event
 * name (about 170 exist), `raw` the untouched payload.
 */
interface Tagged<Kind extends string> {
  kind: Kind;
  raw: Raw;
}

export type DeviceStateChangedEvent = Simplify<
  Omit<Schemas["DeviceStateChangedEvent"], "deviceStates"> & Tagged<"deviceStateChanged"> & { deviceStates: State[] }
>;
export type ExecutionRegisteredEvent = Simplify<Schemas["ExecutionRegisteredEvent"] & Tagged<"executionRegistered">>;
export type ExecutionStateChangedEvent = Simplify<
  Omit<Schemas["ExecutionStateChangedEvent"], "newState" | "oldState"> &
    Tagged<"executionStateChanged"> & {
      newState: ExecutionState;
      oldState: ExecutionState;
      /** True when `newState` is final (`timeToNextState === -1`). */
      isFinal: boolean;
    }
>;
export type DeviceEvent = Simplify<Omit<Schemas["DeviceEvent"], "deviceAttributes"> & Tagged<"device"> & { deviceAttributes?: State[] }>;
export type GatewayEvent = Simplify<Schemas["GatewayEvent"] & Tagged<"gateway">>;
export type ZoneEvent = Simplify<Schemas["ZoneEvent"] & Tagged<"zone">>;
/** Any other event, or a known one missing a field its family requires. */
export type OtherEvent = Simplify<Schemas["OtherEvent"] & Tagged<"other">>;

export type OverkizEvent =
  | DeviceStateChangedEvent
  | ExecutionRegisteredEvent
  | ExecutionStateChangedEvent
  | DeviceEvent
  | GatewayEvent
  | ZoneEvent
  | OtherEvent;

export type EventKind = OverkizEvent["kind"];

const isString = (value: unknown): value is string => typeof value === "string" && value !== "";
const isObject = (value: unknown): value is Raw => asRecord(value) !== undefined;

function castStates(raw: unknown): State[] {
  if (!Array.isArray(raw)) throw new TypeError("states must be an array");
  return raw.map((state) => State.from(state as RawState));
}

function deviceStateChanged(raw: Raw): DeviceStateChangedEvent | undefined {
  if (!isString(raw.deviceURL) || !Array.isArray(raw.deviceStates)) return undefined;
  const wire = raw as unknown as Schemas["DeviceStateChangedEvent"];
  return { ...wire, kind: "deviceStateChanged", deviceStates: castStates(raw.deviceStates), raw };
}

function executionRegistered(raw: Raw): ExecutionRegisteredEvent | undefined {
  if (!isString(raw.execId)) return undefined;
  return { ...(raw as unknown as Schemas["ExecutionRegisteredEvent"]), kind: "executionRegistered", raw };
}

function executionStateChanged(raw: Raw, logger?: Logger): ExecutionStateChangedEvent | undefined {
  if (!isString(raw.execId) || !isString(raw.newState) || !isString(raw.oldState)) return undefined;
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

function deviceEvent(raw: Raw): DeviceEvent | undefined {
  if (!isString(raw.deviceURL)) return undefined;
  const { deviceAttributes, ...wire } = raw as unknown as Schemas["DeviceEvent"];
  const event: DeviceEvent = { ...wire, kind: "device", raw };
  if (deviceAttributes !== undefined) event.deviceAttributes = castStates(deviceAttributes);
  return event;
}

function gatewayEvent(raw: Raw): GatewayEvent | undefined {
  if (!isString(raw.gatewayId)) return undefined;
  return { ...(raw as unknown as Schemas["GatewayEvent"]), kind: "gateway", raw };
}

function zoneEvent(raw: Raw): ZoneEvent | undefined {
  if (!isString(raw.zoneOID)) return undefined;
  return { ...(raw as unknown as Schemas["ZoneEvent"]), kind: "zone", raw };
}

function typedEvent(name: string, raw: Raw, logger?: Logger): OverkizEvent | undefined {
  if (name === "DeviceStateChangedEvent") return deviceStateChanged(raw);
  if (name === "ExecutionRegisteredEvent") return executionRegistered(raw);
  if (name === "ExecutionStateChangedEvent") return executionStateChanged(raw, logger);
  if (/^Device\w+Event$/.test(name)) return deviceEvent(raw);
  if (/^Gateway\w+Event$/.test(name)) return gatewayEvent(raw);
  if (/^Zone\w+Event$/.test(name)) return zoneEvent(raw);
  return undefined;
}

/**
 * Types one event. A known event missing a required field, or whose states cannot be cast,
 * degrades to `other`; something that is not an event at all gives undefined.
 */
export function parseEvent(raw: unknown, logger?: Logger): OverkizEvent | undefined {
  if (!isObject(raw) || !isString(raw.name)) return undefined;
  try {
    const typed = typedEvent(raw.name, raw, logger);
    if (typed) return typed;
  } catch (error) {
    logger?.debug("event kept untyped", { name: raw.name, reason: error instanceof Error ? error.message : String(error) });
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
