import { type Logger, ValidationError, asRecord } from "@openapp/core";
import type { CommandDefinition, Definition, WireDevice } from "./wire-types.js";
import { type DeviceIdentifier, parseDeviceUrl } from "./device-url.js";
import { ProductType } from "./enums.js";
import { type RawState, type State, States } from "./state.js";
import { DeviceDefinition } from "./definition.js";
import type { CommandName } from "./names.js";
import { INSPECT_CUSTOM, inspectAs, maskGatewayIds } from "./printing.js";

const isObject = (value: unknown): value is Record<string, unknown> => asRecord(value) !== undefined;

function requireString(raw: Record<string, unknown>, key: string, deviceURL: unknown): string {
  const value = raw[key];
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(`Device ${String(deviceURL)} has no ${key}`);
  }
  return value;
}

function requireDefinition(raw: Record<string, unknown>, logger: Logger | undefined): DeviceDefinition & Definition {
  const definition = raw.definition;
  if (!isObject(definition) || !Array.isArray(definition.commands)) {
    throw new ValidationError(`Device ${String(raw.deviceURL)} has no definition`);
  }
  // Some answers omit `states` in a definition; an empty list keeps the lookups total.
  const states = Array.isArray(definition.states) ? definition.states : [];
  return DeviceDefinition.from({ ...(definition as Definition), states } as Definition, logger);
}

/** Older and local answers put uiClass/widget only inside the definition. */
function uiField(raw: Record<string, unknown>, key: "uiClass" | "widget", fallback: string | undefined): string {
  const value = typeof raw[key] === "string" && raw[key] !== "" ? (raw[key] as string) : fallback;
  if (!value) throw new ValidationError(`Device ${String(raw.deviceURL)} has no ${key}`);
  return value;
}

/** A device with parsed identifier, typed states and command helpers. */
export class Device {
  /** `<protocol>://<gatewayId>/<address>[#<subsystemId>]`, e.g. `io://1234-5678-9012/1234567`. */
  readonly deviceURL: string;
  /** `deviceURL` split into protocol, gateway id, address and sub-system. */
  readonly identifier: DeviceIdentifier;
  /** Name the user gave the device; empty when the server sent none. */
  readonly label: string;
  /** Device model, e.g. `io:RollerShutterGenericIOComponent`. */
  readonly controllableName: string;
  /** The wire definition plus lookups by name: `definition.state("core:ClosureState")`, `definition.command("setClosure")`. */
  readonly definition: DeviceDefinition & Definition;
  /** Current states, typed, by name. */
  readonly states: States;
  /** Attributes of the device, typed, by name; same shape as states. */
  readonly attributes: States;
  /** Whether the device can be reached; `true` when the server does not say. */
  readonly available: boolean;
  /** Whether the device is enabled; `true` when the server does not say. */
  readonly enabled: boolean;
  /** See `ProductType`. */
  readonly type: ProductType;
  /** UI class, e.g. `RollerShutter`; taken from the definition when the device has none. */
  readonly uiClass: string;
  /** UI widget, e.g. `PositionableRollerShutter`; taken from the definition's `widgetName` when the device has none. */
  readonly widget: string;
  /** Object id of the device on the cloud; undefined when the server does not send it. */
  readonly oid: string | undefined;
  /** `oid` of the place (room) the device is in; undefined when the server does not send it. */
  readonly placeOID: string | undefined;
  /** Local API: 0 for the main device. */
  readonly subsystemId: number | undefined;
  /** The wire object as received, for fields this model does not surface. */
  readonly raw: WireDevice;

  private constructor(raw: WireDevice, logger: Logger | undefined) {
    const record = raw as unknown as Record<string, unknown>;
    this.deviceURL = requireString(record, "deviceURL", raw.deviceURL);
    this.identifier = parseDeviceUrl(this.deviceURL);
    this.controllableName = requireString(record, "controllableName", raw.deviceURL);
    this.definition = requireDefinition(record, logger);
    this.uiClass = uiField(record, "uiClass", this.definition.uiClass);
    this.widget = uiField(record, "widget", this.definition.widgetName);
    this.label = raw.label ?? "";
    this.states = States.from(raw.states as RawState[] | undefined, logger);
    this.attributes = States.from(raw.attributes as RawState[] | undefined, logger);
    this.available = raw.available ?? true;
    this.enabled = raw.enabled ?? true;
    this.type = (raw.type ?? ProductType.NONE) as ProductType;
    this.oid = raw.oid;
    this.placeOID = raw.placeOID;
    this.subsystemId = raw.subsystemId;
    this.raw = raw;
  }

  /**
   * Throws ValidationError when the device lacks what every device model needs. A single state
   * that cannot be read is skipped (warned through `logger`) rather than failing the device.
   */
  static parse(raw: unknown, logger?: Logger): Device {
    if (!isObject(raw)) throw new ValidationError("A device must be a JSON object");
    return new Device(raw as WireDevice, logger);
  }

  /**
   * The commands the device's definition declares.
   */
  get commands(): readonly CommandDefinition[] {
    return this.definition.commands;
  }

  /**
   * The declared command by name, or undefined.
   */
  commandDefinition(name: CommandName): CommandDefinition | undefined {
    return this.definition.command(name);
  }

  /**
   * Whether the definition declares this command.
   */
  supportsCommand(name: CommandName): boolean {
    return this.commandDefinition(name) !== undefined;
  }

  /** The UI profiles of the device (`definition.uiProfiles`), empty when the answer has none. */
  get uiProfiles(): readonly string[] {
    return Array.isArray(this.definition.uiProfiles) ? this.definition.uiProfiles : [];
  }

  /**
   * Applies a DeviceStateChangedEvent to this device's states in place (events for another device
   * are ignored); returns the states that changed.
   */
  applyStateChange(event: { deviceURL?: string | undefined; deviceStates: readonly State[] }): State[] {
    if (event.deviceURL !== this.deviceURL) return [];
    return this.states.update(event.deviceStates);
  }

  /**
   * Whether the definition declares at least one of these commands.
   */
  supportsAnyCommand(names: readonly CommandName[]): boolean {
    return this.definition.hasAnyCommand(names);
  }

  /** The first of `names` (in the caller's order of preference) the device supports. */
  firstCommand(names: readonly CommandName[]): CommandName | undefined {
    return this.definition.firstCommand(names);
  }

  /**
   * The wire object as received.
   */
  toJSON(): WireDevice {
    return this.raw;
  }

  /** Printed (`console.log`, `util.inspect`), the device URL's gateway id is masked (`io://****-****-9012/…`). */
  [INSPECT_CUSTOM](depth: number | null, options: object, inspect: (value: unknown, options: object) => string): string {
    return inspectAs("Device", maskGatewayIds({ ...this }), depth, options, inspect);
  }
}

/**
 * Parses a device list, skipping (with a warning) any device that cannot be modelled — local
 * setups contain stub devices without definition — instead of failing the whole list.
 */
export function parseDevices(raw: readonly unknown[] | undefined, logger: Logger): Device[] {
  const devices: Device[] = [];
  for (const item of raw ?? []) {
    try {
      devices.push(Device.parse(item, logger));
    } catch (error) {
      const deviceURL = isObject(item) ? item.deviceURL : undefined;
      logger.warn("skipping a device that cannot be parsed", {
        deviceURL,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return devices;
}
