import type { Logger } from "@openapp/core";
import type { Schemas } from "./wire-types.js";

/** Data type codes of states and attributes; decide how `value` is typed. */
export const DataType = {
  /** No value: the `value` key is left out. */
  NONE: 0,
  /** Whole number. */
  INTEGER: 1,
  /** Decimal number (a gateway may send it as a whole number). */
  FLOAT: 2,
  /** Text. */
  STRING: 3,
  /** Opaque data carried as a string. */
  BLOB: 4,
  /** Point in time, as epoch milliseconds. */
  DATE: 5,
  /** `true` or `false`. */
  BOOLEAN: 6,
  /** Secret text, carried as a string. */
  PASSWORD: 9,
  /** JSON array. */
  JSON_ARRAY: 10,
  /** JSON object. */
  JSON_OBJECT: 11,
} as const satisfies Record<string, Schemas["DataType"]>;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** `device.type`. */
export const ProductType = {
  /** No product type. */
  NONE: 0,
  /** Device that acts (shutter, light, heater, …). */
  ACTUATOR: 1,
  /** Device that measures or detects. */
  SENSOR: 2,
  /** Camera or other video device. */
  VIDEO: 3,
  /** Generic controllable device. */
  CONTROLLABLE: 4,
  /** The gateway (box) itself. */
  GATEWAY: 5,
  /** Infrastructure part of the installation, not an end-user device. */
  INFRASTRUCTURE_COMPONENT: 6,
  /** Group of devices. */
  GROUP: 7,
} as const satisfies Record<string, Schemas["ProductType"]>;
export type ProductType = (typeof ProductType)[keyof typeof ProductType];

/** Path suffix of `exec/apply/{mode}`; cloud only. */
export const ExecutionMode = {
  /** `exec/apply/highPriority`: run with high priority. */
  HIGH_PRIORITY: "highPriority",
  /** `exec/apply/geolocated`: a geolocated execution. */
  GEOLOCATED: "geolocated",
  /** `exec/apply/internal`: an internal execution. */
  INTERNAL: "internal",
} as const satisfies Record<string, Schemas["ExecutionMode"]>;
export type ExecutionMode = (typeof ExecutionMode)[keyof typeof ExecutionMode];

/** Values the server may send that this SDK version does not know become `UNKNOWN`. */
export const UNKNOWN = "UNKNOWN";

/** The states of an execution; unknown values become `UNKNOWN`. */
export const ExecutionState = {
  /** Just created, not processed yet. */
  INITIALIZED: "INITIALIZED",
  /** Not yet sent to the gateway. */
  NOT_TRANSMITTED: "NOT_TRANSMITTED",
  /** Sent to the gateway. */
  TRANSMITTED: "TRANSMITTED",
  /** Being run on the devices. */
  IN_PROGRESS: "IN_PROGRESS",
  /** Finished successfully (final state). */
  COMPLETED: "COMPLETED",
  /** Finished with a failure (final state). */
  FAILED: "FAILED",
  /** Waiting in a queue on the gateway. */
  QUEUED_GATEWAY_SIDE: "QUEUED_GATEWAY_SIDE",
  /** Waiting in a queue on the server. */
  QUEUED_SERVER_SIDE: "QUEUED_SERVER_SIDE",
  UNKNOWN,
} as const satisfies Record<string, Schemas["ExecutionState"] | typeof UNKNOWN>;
/** One of {@link ExecutionState}'s values. */
export type ExecutionState = (typeof ExecutionState)[keyof typeof ExecutionState];

/** How an execution was started; unknown values become `UNKNOWN`. */
export const ExecutionType = {
  /** `Immediate execution`: run as soon as it was applied. */
  IMMEDIATE_EXECUTION: "Immediate execution",
  /** `Delayed execution`: run later rather than at once. */
  DELAYED_EXECUTION: "Delayed execution",
  /** `Technical execution`: a technical run rather than a user command. */
  TECHNICAL_EXECUTION: "Technical execution",
  /** `Planning`: run by a planning (time program). */
  PLANNING: "Planning",
  /** `Raw trigger (Server)`: started by a trigger evaluated on the server. */
  RAW_TRIGGER_SERVER: "Raw trigger (Server)",
  /** `Raw trigger (Gateway)`: started by a trigger evaluated on the gateway. */
  RAW_TRIGGER_GATEWAY: "Raw trigger (Gateway)",
  UNKNOWN,
} as const satisfies Record<string, Schemas["ExecutionType"] | typeof UNKNOWN>;
/** One of {@link ExecutionType}'s values. */
export type ExecutionType = (typeof ExecutionType)[keyof typeof ExecutionType];

/** The sub-type of an execution; unknown values become `UNKNOWN`. */
export const ExecutionSubType = {
  /** `-`: no sub-type. */
  NONE: "-",
  /** Run of an action group (scenario). */
  ACTION_GROUP: "ACTION_GROUP",
  /** Run of a sequence of action groups. */
  ACTION_GROUP_SEQUENCE: "ACTION_GROUP_SEQUENCE",
  /** Started by a dawn trigger. */
  DAWN_TRIGGER: "DAWN_TRIGGER",
  /** Started by a dusk trigger. */
  DUSK_TRIGGER: "DUSK_TRIGGER",
  /** Started by a discrete trigger. */
  DISCRETE_TRIGGER: "DISCRETE_TRIGGER",
  /** Started by a discrete trigger defined by the user. */
  DISCRETE_TRIGGER_USER: "DISCRETE_TRIGGER_USER",
  /** Scheduled generic command. */
  GENERIC_COMMAND_SCHEDULING: "GENERIC_COMMAND_SCHEDULING",
  /** Started by an IFT condition. */
  IFT_CONDITION: "IFT_CONDITION",
  /** Internal execution. */
  INTERNAL: "INTERNAL",
  /** Direct control by a user or an app. */
  MANUAL_CONTROL: "MANUAL_CONTROL",
  /** `NO_ERROR` as sent by the server. */
  NO_ERROR: "NO_ERROR",
  /** Peer-to-peer command regulation. */
  P2P_COMMAND_REGULATION: "P2P_COMMAND_REGULATION",
  /** Started by a time trigger. */
  TIME_TRIGGER: "TIME_TRIGGER",
  UNKNOWN,
} as const satisfies Record<string, Schemas["ExecutionSubType"] | typeof UNKNOWN>;
/** One of {@link ExecutionSubType}'s values. */
export type ExecutionSubType = (typeof ExecutionSubType)[keyof typeof ExecutionSubType];

/** Device URL prefixes (from `reference/protocolTypes`). Unknown prefixes are still accepted. */
export const Protocol = {
  /** `io://…` device URLs (io-homecontrol radio); protocol type 1. */
  IO: "io",
  /** `rts://…` device URLs (RTS one-way radio); protocol type 2. */
  RTS: "rts",
  /** `zigbee://…` device URLs (Zigbee); protocol type 3. */
  ZIGBEE: "zigbee",
  /** `rtd://…` device URLs; protocol type 5. */
  RTD: "rtd",
  /** `ramses://…` device URLs; protocol type 6. */
  RAMSES: "ramses",
  /** `enocean://…` device URLs (EnOcean); protocol type 7. */
  ENOCEAN: "enocean",
  /** `zwave://…` device URLs (Z-Wave); protocol type 8. */
  ZWAVE: "zwave",
  /** `rtds://…` device URLs; protocol type 11. */
  RTDS: "rtds",
  /** `camera://…` device URLs (cameras); protocol type 13. */
  CAMERA: "camera",
  /** `ovp://…` device URLs; protocol type 14. */
  OVP: "ovp",
  /** `modbus://…` device URLs (Modbus); protocol type 20. */
  MODBUS: "modbus",
  /** `knx://…` device URLs (KNX); protocol type 21. */
  KNX: "knx",
  /** `hue://…` device URLs (Philips Hue); protocol type 22. */
  HUE: "hue",
  /** `verisure://…` device URLs (Verisure); protocol type 23. */
  VERISURE: "verisure",
  /** `myfox://…` device URLs (Myfox); protocol type 25. */
  MYFOX: "myfox",
  /** `yokis://…` device URLs (Yokis); protocol type 27. */
  YOKIS: "yokis",
  /** `internal://…` device URLs (devices internal to the gateway); protocol type 29. */
  INTERNAL: "internal",
  /** `jsw://…` device URLs; protocol type 30. */
  JSW: "jsw",
  /** `hlrrwifi://…` device URLs; protocol type 31. */
  HLRR_WIFI: "hlrrwifi",
  /** `aurora://…` device URLs; protocol type 34. */
  AURORA: "aurora",
  /** `opendoors://…` device URLs; protocol type 35. */
  OPENDOORS: "opendoors",
  /** `netatmo://…` device URLs (Netatmo); protocol type 38. */
  NETATMO: "netatmo",
  /** `somfythermostat://…` device URLs (Somfy thermostat); protocol type 39. */
  SOMFY_THERMOSTAT: "somfythermostat",
  /** `nest://…` device URLs (Nest); protocol type 41. */
  NEST: "nest",
  /** `urmet://…` device URLs (Urmet); protocol type 42. */
  URMET: "urmet",
  /** `upnpcontrol://…` device URLs (UPnP control); protocol type 43. */
  UPNP_CONTROL: "upnpcontrol",
  /** `modbuslink://…` device URLs (Modbus link); protocol type 44. */
  MODBUSLINK: "modbuslink",
  /** `eliot://…` device URLs (Eliot); protocol type 45. */
  ELIOT: "eliot",
  /** `homekit://…` device URLs (HomeKit); protocol type 48. */
  HOMEKIT: "homekit",
  /** `ariston://…` device URLs (Ariston); protocol type 49. */
  ARISTON: "ariston",
  /** `profalux868://…` device URLs (Profalux 868 MHz); protocol type 50. */
  PROFALUX_868: "profalux868",
  /** `sonos://…` device URLs (Sonos); protocol type 52. */
  SONOS: "sonos",
  /** `wiser://…` device URLs (Wiser); protocol type 54. */
  WISER: "wiser",
  /** `ogp://…` device URLs; protocol type 56. */
  OGP: "ogp",
  /** `deltadore://…` device URLs (Delta Dore); protocol type 57. */
  DELTADORE: "deltadore",
  /** `dedietrichstc://…` device URLs (De Dietrich STC); protocol type 58. */
  DEDIETRICH_STC: "dedietrichstc",
  /** `august://…` device URLs (August); protocol type 59. */
  AUGUST: "august",
  /** `ogcp://…` device URLs; protocol type 62. */
  OGCP: "ogcp",
  /** `rtn://…` device URLs. */
  RTN: "rtn",
} as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

const knownProtocols: ReadonlySet<string> = new Set(Object.values(Protocol));

/** Whether a device URL's protocol prefix (`io`, `rts`, …) is one of {@link Protocol}. */
export function isKnownProtocol(prefix: string): prefix is Protocol {
  return knownProtocols.has(prefix);
}

/**
 * Maps a wire value onto one of our enum values; a value this SDK does not know becomes the
 * enum's `UNKNOWN` member (logged once per call), as pyoverkiz's enums do, so new server values
 * never break parsing. Works for string enums and numeric codes alike.
 */
export function enumValue<E extends Readonly<Record<string, string | number>> & { readonly UNKNOWN: string | number }>(
  values: E,
  raw: unknown,
  label: string,
  logger?: Logger,
): E[keyof E] {
  const known = Object.values(values).find((value) => value === raw);
  if (known !== undefined) return known as E[keyof E];
  if (raw !== undefined) logger?.warn(`unknown ${label} value`, { value: raw });
  return values.UNKNOWN as E[keyof E];
}

// The larger enums (FailureType, EventName, MeasuredValueType, …) are in `@openapp/overkiz/catalogue`.
export { GatewaySubType, GatewayType, StateDefinitionType } from "@openapp/overkiz-generated/catalogue";

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
