import { type RequestOptions, ValidationError } from "@openapp/core";
import type { Action, ActionResult } from "./action.js";
import { type Device, sectionState } from "./device.js";
import type { StateSection } from "./enums.js";

/** Options of a hardware control's methods (`omlet.door(device).open(options)`). */
export interface ControlOptions extends RequestOptions {
  /**
   * Do not send the command when the device object you passed already shows the target
   * state, or shows that same command still pending. Redundant commands upset the server.
   * Pass a fresh device (getDeviceById) for an up-to-date check.
   */
  skipIfAlready?: boolean;
}

/** actionName → the settled state it leads to (undefined when there is none, e.g. `stop`). */
export type ActionTargets = Readonly<Record<string, string | undefined>>;

/** What one kind of hardware control drives. */
export interface ControlSpec<A extends ActionTargets> {
  /** The control's name, as the client method: `door`. */
  name: string;
  /** Refuse devices of another known type: a fan's `on` is not a light's `on`. */
  deviceType: string;
  section: StateSection;
  actions: A;
}

/** Hardware-shaped controls: one method per action name, each queueing that action (`POST /device/{deviceId}/action/{action}`). */
export type Control<A extends ActionTargets> = { readonly [Name in keyof A]: (options?: ControlOptions) => Promise<ActionResult> };

export const DOOR = { name: "door", deviceType: "Autodoor", section: "door", actions: { open: "open", close: "closed", stop: undefined } } as const;
export const LIGHT = { name: "light", deviceType: "Autodoor", section: "light", actions: { on: "on", off: "off" } } as const;
export const FAN = { name: "fan", deviceType: "Fan", section: "fan", actions: { on: "on", off: "off", boost: "boost" } } as const;
export const FEEDER = { name: "feeder", deviceType: "Feeder", section: "feeder", actions: { open: "open", close: "closed" } } as const;

/** `omlet.door(device)`: `open()`, `close()` and `stop()`. */
export type DoorControl = Control<typeof DOOR.actions>;
/** `omlet.light(device)`: `on()` and `off()`. */
export type LightControl = Control<typeof LIGHT.actions>;
/** `omlet.fan(device)`: `on()`, `off()` and `boost()`. */
export type FanControl = Control<typeof FAN.actions>;
/** `omlet.feeder(device)`: `open()` and `close()`. */
export type FeederControl = Control<typeof FEEDER.actions>;

/** Refuses anything but a device object of the control's type (or of a type the SDK does not know yet). */
export function assertControllable(device: Device, spec: ControlSpec<ActionTargets>): void {
  if (!device || typeof device.deviceId !== "string") {
    throw new ValidationError(`omlet.${spec.name}() needs a device object (from getDevices or getDeviceById)`);
  }
  const type = device.deviceType;
  // Unknown or missing types are allowed through: new hardware should not be locked out.
  if (typeof type === "string" && type.toLowerCase() !== spec.deviceType.toLowerCase()) {
    throw new ValidationError(`Device ${device.deviceId} is of type ${type}; omlet.${spec.name}() controls ${spec.deviceType} devices`);
  }
}

/** Why sending the action would change nothing: the device already shows its target or its pending value. */
function skipReason(device: Device, section: StateSection, target: string | undefined, pendingValue: unknown): string | undefined {
  const current = sectionState(device, section);
  if (current === undefined) return undefined;
  if (target !== undefined && current === target) return `${section} is already ${current}`;
  if (typeof pendingValue === "string" && current === pendingValue) return `${section} is already ${current}`;
  return undefined;
}

/** The result of a `skipIfAlready` call that sends nothing, or undefined when the action must be sent. */
export function skippedAction(device: Device, spec: ControlSpec<ActionTargets>, actionName: string, action: Action): ActionResult | undefined {
  const reason = skipReason(device, spec.section, spec.actions[actionName], action.pendingValue);
  if (reason === undefined) return undefined;
  const pendingValue = typeof action.pendingValue === "string" ? action.pendingValue : null;
  return { deviceId: device.deviceId, actionName, skipped: true, reason, pendingValue, context: undefined };
}
