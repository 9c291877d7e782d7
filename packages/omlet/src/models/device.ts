import { asRecord } from "@openapp/core";
import type { PowerKind, StateSection } from "./enums.js";
import type { Body, Path, Result } from "./operation-types.js";
import { parseOmletTime } from "./time.js";

/** A device with its state, configuration and actions, as `getDeviceById` returns it. */
export type Device = Result<"getDeviceById">;
/** What `getDevices` returns: every device the user can access. */
export type DeviceList = Result<"getDevices">;
/** The request body of `updateDevice`. */
export type DeviceUpdate = Body<"updateDevice">;
/** The path parameters of the device routes: `{ deviceId }`. */
export type DeviceIdParams = Path<"getDeviceById">;
/** What `getLatestFirmware` returns. */
export type FirmwareVersions = Result<"getLatestFirmware">;

const BATTERY_SOURCES = new Set(["internal", "battery"]);

/**
 * Signal values arrive as `-58`, `"-58"` or `"notPresent"`; this gives a number or
 * `undefined`, never NaN.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Wi-Fi strength in dBm as a number, whichever type the firmware sent. */
export function wifiStrength(device: Device): number | undefined {
  return toNumber(device.state?.connectivity?.wifiStrength);
}

/**
 * Mains devices stay online and act within seconds; battery devices only hear commands
 * at their next check-in.
 */
export function powerKind(device: Device): PowerKind {
  const source = device.state?.general?.powerSource;
  if (source === "external") return "mains";
  if (typeof source === "string" && BATTERY_SOURCES.has(source)) return "battery";
  if (typeof device.nextConnection === "string") return "battery";
  return "unknown";
}

/** True when a light is fitted, false when the door reports none, undefined when unknown. */
export function hasLightFitted(device: Device): boolean | undefined {
  const equipped = toNumber(device.configuration?.light?.equipped);
  if (equipped === undefined) return undefined;
  return equipped >= 2;
}

const MOVING_STATES = new Set(["opening", "closing", "stopping", "calibrating"]);

/** The `state` string of one section, or undefined when the device has no such section. */
export function sectionState(device: Device, section: StateSection): string | undefined {
  const value = asRecord(device.state?.[section])?.state;
  return typeof value === "string" ? value : undefined;
}

/**
 * A state that is not final: queued (`openpending`), in motion (`closing`) or any
 * `pendingValue` the device's own actions declare.
 */
export function isTransitionalState(value: string, device?: Device): boolean {
  const lower = value.toLowerCase();
  if (lower.endsWith("pending") || MOVING_STATES.has(lower)) return true;
  return (device?.actions ?? []).some((action) => action.pendingValue === value);
}

/** Names of the sections whose state is still in transition. */
export function pendingSections(device: Device): string[] {
  const sections = asRecord(device.state) ?? {};
  return Object.entries(sections)
    .filter(([, section]) => {
      const state = asRecord(section)?.state;
      return typeof state === "string" && isTransitionalState(state, device);
    })
    .map(([name]) => name);
}

/** No section is waiting for the device to report back. */
export function isSettled(device: Device): boolean {
  return pendingSections(device).length === 0;
}

/** A flat, normalised reading of a device that never throws on sparse payloads. */
export interface DeviceStatus {
  /** The device's id. */
  deviceId: string;
  /** Its serial number. */
  deviceSerial: string | undefined;
  /** Its type, e.g. `Autodoor`. */
  deviceType: string | undefined;
  /** Its name. */
  name: string | undefined;
  /** Mains, battery or unknown, by {@link powerKind}. */
  power: PowerKind;
  /** Battery level as a number, when reported. */
  batteryLevel: number | undefined;
  /** Whether the device is connected, when reported. */
  connected: boolean | undefined;
  /** dBm, converted from whichever type the firmware sent. */
  wifiStrength: number | undefined;
  /** When the device last checked in. */
  lastConnected: Date | undefined;
  /** When it plans to check in next (battery devices). */
  nextConnection: Date | undefined;
  /** The device missed its planned check-in. */
  overdue: boolean;
  /** The door's `state`, e.g. `open` or `openpending`. */
  door: string | undefined;
  /** The door's `fault`, when it reports one. */
  doorFault: string | undefined;
  /** The light's `state`. */
  light: string | undefined;
  /** Whether a light is fitted, by {@link hasLightFitted}. */
  lightFitted: boolean | undefined;
  /** The fan's `state`. */
  fan: string | undefined;
  /** The feeder's `state`. */
  feeder: string | undefined;
  /** Sections still waiting for the device (e.g. `["door"]` while `openpending`). */
  pending: string[];
}

/** Reads a device into a {@link DeviceStatus}; never throws, missing fields become undefined. */
export function deviceStatus(device: Device): DeviceStatus {
  const general = device.state?.general;
  const connected = device.state?.connectivity?.connected;
  const fault = device.state?.door?.fault;
  return {
    deviceId: device.deviceId,
    deviceSerial: device.deviceSerial,
    deviceType: device.deviceType,
    name: device.name,
    power: powerKind(device),
    batteryLevel: toNumber(general?.batteryLevel),
    connected: typeof connected === "boolean" ? connected : undefined,
    wifiStrength: wifiStrength(device),
    lastConnected: parseOmletTime(device.lastConnected),
    nextConnection: parseOmletTime(device.nextConnection),
    overdue: (toNumber(device.overdueConnection) ?? 0) > 0,
    door: sectionState(device, "door"),
    doorFault: typeof fault === "string" ? fault : undefined,
    light: sectionState(device, "light"),
    lightFitted: hasLightFitted(device),
    fan: sectionState(device, "fan"),
    feeder: sectionState(device, "feeder"),
    pending: pendingSections(device),
  };
}
