import type { Logger } from "@openapp/core";
import type { Schemas } from "./wire-types.js";

/** Data type codes of states and attributes; decide how `value` is typed. */
export const DataType = {
  NONE: 0,
  INTEGER: 1,
  FLOAT: 2,
  STRING: 3,
  BLOB: 4,
  DATE: 5,
  BOOLEAN: 6,
  PASSWORD: 9,
  JSON_ARRAY: 10,
  JSON_OBJECT: 11,
} as const satisfies Record<string, Schemas["DataType"]>;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** `device.type`. */
export const ProductType = {
  NONE: 0,
  ACTUATOR: 1,
  SENSOR: 2,
  VIDEO: 3,
  CONTROLLABLE: 4,
  GATEWAY: 5,
  INFRASTRUCTURE_COMPONENT: 6,
  GROUP: 7,
} as const satisfies Record<string, Schemas["ProductType"]>;
export type ProductType = (typeof ProductType)[keyof typeof ProductType];

/** Path suffix of `exec/apply/{mode}`; cloud only. */
export const ExecutionMode = {
  HIGH_PRIORITY: "highPriority",
  GEOLOCATED: "geolocated",
  INTERNAL: "internal",
} as const satisfies Record<string, Schemas["ExecutionMode"]>;
export type ExecutionMode = (typeof ExecutionMode)[keyof typeof ExecutionMode];

/** Values the server may send that this SDK version does not know become `UNKNOWN`. */
export const UNKNOWN = "UNKNOWN";

/** The states of an execution; unknown values become `UNKNOWN`. */
export const ExecutionState = {
  INITIALIZED: "INITIALIZED",
  NOT_TRANSMITTED: "NOT_TRANSMITTED",
  TRANSMITTED: "TRANSMITTED",
  IN_PROGRESS: "IN_PROGRESS",
  COMPLETED: "COMPLETED",
  FAILED: "FAILED",
  QUEUED_GATEWAY_SIDE: "QUEUED_GATEWAY_SIDE",
  QUEUED_SERVER_SIDE: "QUEUED_SERVER_SIDE",
  UNKNOWN,
} as const satisfies Record<string, Schemas["ExecutionState"] | typeof UNKNOWN>;
/** One of {@link ExecutionState}'s values. */
export type ExecutionState = (typeof ExecutionState)[keyof typeof ExecutionState];

/** How an execution was started; unknown values become `UNKNOWN`. */
export const ExecutionType = {
  IMMEDIATE_EXECUTION: "Immediate execution",
  DELAYED_EXECUTION: "Delayed execution",
  TECHNICAL_EXECUTION: "Technical execution",
  PLANNING: "Planning",
  RAW_TRIGGER_SERVER: "Raw trigger (Server)",
  RAW_TRIGGER_GATEWAY: "Raw trigger (Gateway)",
  UNKNOWN,
} as const satisfies Record<string, Schemas["ExecutionType"] | typeof UNKNOWN>;
/** One of {@link ExecutionType}'s values. */
export type ExecutionType = (typeof ExecutionType)[keyof typeof ExecutionType];

/** The sub-type of an execution; unknown values become `UNKNOWN`. */
export const ExecutionSubType = {
  NONE: "-",
  ACTION_GROUP: "ACTION_GROUP",
  ACTION_GROUP_SEQUENCE: "ACTION_GROUP_SEQUENCE",
  DAWN_TRIGGER: "DAWN_TRIGGER",
  DUSK_TRIGGER: "DUSK_TRIGGER",
  DISCRETE_TRIGGER: "DISCRETE_TRIGGER",
  DISCRETE_TRIGGER_USER: "DISCRETE_TRIGGER_USER",
  GENERIC_COMMAND_SCHEDULING: "GENERIC_COMMAND_SCHEDULING",
  IFT_CONDITION: "IFT_CONDITION",
  INTERNAL: "INTERNAL",
  MANUAL_CONTROL: "MANUAL_CONTROL",
  NO_ERROR: "NO_ERROR",
  P2P_COMMAND_REGULATION: "P2P_COMMAND_REGULATION",
  TIME_TRIGGER: "TIME_TRIGGER",
  UNKNOWN,
} as const satisfies Record<string, Schemas["ExecutionSubType"] | typeof UNKNOWN>;
/** One of {@link ExecutionSubType}'s values. */
export type ExecutionSubType = (typeof ExecutionSubType)[keyof typeof ExecutionSubType];

/** Device URL prefixes (from `reference/protocolTypes`). Unknown prefixes are still accepted. */
export const Protocol = {
  IO: "io",
  RTS: "rts",
  ZIGBEE: "zigbee",
  RTD: "rtd",
  RAMSES: "ramses",
  ENOCEAN: "enocean",
  ZWAVE: "zwave",
  RTDS: "rtds",
  CAMERA: "camera",
  OVP: "ovp",
  MODBUS: "modbus",
  KNX: "knx",
  HUE: "hue",
  VERISURE: "verisure",
  MYFOX: "myfox",
  YOKIS: "yokis",
  INTERNAL: "internal",
  JSW: "jsw",
  HLRR_WIFI: "hlrrwifi",
  AURORA: "aurora",
  OPENDOORS: "opendoors",
  NETATMO: "netatmo",
  SOMFY_THERMOSTAT: "somfythermostat",
  NEST: "nest",
  URMET: "urmet",
  UPNP_CONTROL: "upnpcontrol",
  MODBUSLINK: "modbuslink",
  ELIOT: "eliot",
  HOMEKIT: "homekit",
  ARISTON: "ariston",
  PROFALUX_868: "profalux868",
  SONOS: "sonos",
  WISER: "wiser",
  OGP: "ogp",
  DELTADORE: "deltadore",
  DEDIETRICH_STC: "dedietrichstc",
  AUGUST: "august",
  OGCP: "ogcp",
  RTN: "rtn",
} as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

const knownProtocols: ReadonlySet<string> = new Set(Object.values(Protocol));

/** Whether a device URL's protocol prefix (`io`, `rts`, …) is one of {@link Protocol}. */
export function isKnownProtocol(prefix: string): prefix is Protocol {
  return knownProtocols.has(prefix);
}

/**
 * Maps a wire value onto one of our enum values; a value this SDK does not know becomes
 * `UNKNOWN` (logged once per call) so new server values never break parsing.
 */
export function enumValue<E extends Record<string, string> & { UNKNOWN: typeof UNKNOWN }>(
  values: E,
  raw: unknown,
  label: string,
  logger?: Logger,
): E[keyof E] {
  const known = Object.values(values).find((value) => value === raw);
  if (known !== undefined) return known as E[keyof E];
  if (raw !== undefined) logger?.warn(`unknown ${label} value`, { value: raw });
  return UNKNOWN as E[keyof E];
}

// The larger enums (FailureType, EventName, MeasuredValueType, …) are in `@openapp/overkiz/catalogue`.
export { GatewaySubType, GatewayType, StateDefinitionType } from "../catalogue/generated/enums.js";

/** `TAHOMA_V2` → `Tahoma V2`: pyoverkiz's readable form of a constant name. */
export function readableName(constant: string): string {
  return constant
    .split("_")
    .filter((word) => word !== "")
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(" ");
}

const reverseCache = new WeakMap<object, Map<unknown, string>>();

/**
 * The constant name of a wire code in one of the enums (`nameOf(GatewayType, 98)` → `TAHOMA_SWITCH`);
 * undefined for a code this SDK version does not know.
 */
export function nameOf(values: Readonly<Record<string, string | number>>, code: unknown): string | undefined {
  let reverse = reverseCache.get(values);
  if (!reverse) {
    reverse = new Map(Object.entries(values).map(([name, value]) => [value, name]));
    reverseCache.set(values, reverse);
  }
  return reverse.get(code);
}
