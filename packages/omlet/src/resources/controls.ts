import { type RequestOptions, ValidationError, checkedRequestOptions, readingInput } from "@openapp/core";
import type { OmletContext } from "../client.js";
import { requireAction } from "../models/actions.js";
import { type StateSection, sectionState } from "../models/device.js";
import type { Device } from "../models/types.js";
import { type ActionResult, performAction } from "./devices.js";

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

interface ControlSpec<A extends ActionTargets> {
  /** Refuse devices of another known type: a fan's `on` is not a light's `on`. */
  deviceType: string;
  section: StateSection;
  actions: A;
}

/** Hardware-shaped controls: one method per action name, each queueing that action (`POST /device/{deviceId}/action/{action}`). */
export type Control<A extends ActionTargets> = { readonly [Name in keyof A]: (options?: ControlOptions) => Promise<ActionResult> };

const DOOR = { deviceType: "Autodoor", section: "door", actions: { open: "open", close: "closed", stop: undefined } } as const;
const LIGHT = { deviceType: "Autodoor", section: "light", actions: { on: "on", off: "off" } } as const;
const FAN = { deviceType: "Fan", section: "fan", actions: { on: "on", off: "off", boost: "boost" } } as const;
const FEEDER = { deviceType: "Feeder", section: "feeder", actions: { open: "open", close: "closed" } } as const;

/** `omlet.door(device)`: `open()`, `close()` and `stop()`. */
export type DoorControl = Control<typeof DOOR.actions>;
/** `omlet.light(device)`: `on()` and `off()`. */
export type LightControl = Control<typeof LIGHT.actions>;
/** `omlet.fan(device)`: `on()`, `off()` and `boost()`. */
export type FanControl = Control<typeof FAN.actions>;
/** `omlet.feeder(device)`: `open()` and `close()`. */
export type FeederControl = Control<typeof FEEDER.actions>;

function assertDeviceType(device: Device, spec: ControlSpec<ActionTargets>, control: string): void {
  if (!device || typeof device.deviceId !== "string") {
    throw new ValidationError(`omlet.${control}() needs a device object (from getDevices or getDeviceById)`);
  }
  const type = device.deviceType;
  // Unknown or missing types are allowed through: new hardware should not be locked out.
  if (typeof type === "string" && type.toLowerCase() !== spec.deviceType.toLowerCase()) {
    throw new ValidationError(`Device ${device.deviceId} is of type ${type}; omlet.${control}() controls ${spec.deviceType} devices`);
  }
}

function skipReason(device: Device, section: StateSection, target: string | undefined, pendingValue: unknown): string | undefined {
  const current = sectionState(device, section);
  if (current === undefined) return undefined;
  if (target !== undefined && current === target) return `${section} is already ${current}`;
  if (typeof pendingValue === "string" && current === pendingValue) return `${section} is already ${current}`;
  return undefined;
}

async function run(
  ctx: OmletContext,
  device: Device,
  spec: ControlSpec<ActionTargets>,
  actionName: string,
  options: ControlOptions = {},
): Promise<ActionResult> {
  const { skipIfAlready, ...requestOptions } = checkedRequestOptions(options, `omlet ${actionName}`) as ControlOptions;
  const action = requireAction(device, actionName);
  const reason = skipIfAlready ? skipReason(device, spec.section, spec.actions[actionName], action.pendingValue) : undefined;
  if (reason !== undefined) {
    const pendingValue = typeof action.pendingValue === "string" ? action.pendingValue : null;
    return { deviceId: device.deviceId, actionName, skipped: true, reason, pendingValue, context: undefined };
  }
  return performAction(ctx, { ...action, deviceId: device.deviceId }, requestOptions);
}

function control<A extends ActionTargets>(ctx: OmletContext, device: Device, spec: ControlSpec<A>, name: string): Control<A> {
  readingInput("The device", () => assertDeviceType(device, spec, name));
  const entries = Object.keys(spec.actions).map((actionName) => [
    actionName,
    (options?: ControlOptions) => run(ctx, device, spec, actionName, options),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as Control<A>;
}

export const doorControl = (ctx: OmletContext, device: Device): DoorControl => control(ctx, device, DOOR, "door");
export const lightControl = (ctx: OmletContext, device: Device): LightControl => control(ctx, device, LIGHT, "light");
export const fanControl = (ctx: OmletContext, device: Device): FanControl => control(ctx, device, FAN, "fan");
export const feederControl = (ctx: OmletContext, device: Device): FeederControl => control(ctx, device, FEEDER, "feeder");
