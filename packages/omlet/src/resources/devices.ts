import { type RequestOptions, ValidationError, shown, readingInput } from "@openapp/core";
import type { OmletContext } from "../client.js";
import { type ActionTarget, actionTarget } from "../models/actions.js";
import { compactConfigurationPatch } from "../models/configuration.js";
import type {
  Action,
  ActionContext,
  Configuration,
  ConfigurationPatch,
  Device,
  DeviceList,
  DeviceUpdate,
  FirmwareVersions,
} from "../models/types.js";

/** An entry of `device.actions`, or the two names that identify one. */
export type ActionInput = Action | ActionTarget;

/** What `performAction` and the hardware controls resolve with. */
export interface ActionResult {
  /** The device the action was for. */
  deviceId: string;
  /** The action's name. */
  actionName: string;
  /** True when `skipIfAlready` found the device already there, so nothing was sent. */
  skipped: boolean;
  /** Why it was skipped. */
  reason: string | undefined;
  /** The state the section shows until the device reports back (`openpending`), when known. */
  pendingValue: string | null;
  /** Extra context when the server answered 200 with a body rather than 204. */
  context: ActionContext | undefined;
}

export async function getDevices(ctx: OmletContext, options?: RequestOptions): Promise<DeviceList> {
  return ctx.kit.call("getDevices", {}, options);
}

export async function getDeviceById(ctx: OmletContext, deviceId: string, options?: RequestOptions): Promise<Device> {
  return ctx.kit.call("getDeviceById", { path: { deviceId } }, options);
}

/** Rename a device (`{ name }`) or move it to another group (`{ groupId }`). */
export async function updateDevice(ctx: OmletContext, deviceId: string, update: DeviceUpdate, options?: RequestOptions): Promise<Device> {
  const body = readingInput("The update", () => ({ ...update }));
  if (Object.values(body).every((value) => value === undefined)) {
    throw new ValidationError("updateDevice needs a name or a groupId");
  }
  return ctx.kit.call("updateDevice", { path: { deviceId }, body }, options);
}

export async function getConfiguration(ctx: OmletContext, deviceId: string, options?: RequestOptions): Promise<Configuration> {
  return ctx.kit.call("getConfiguration", { path: { deviceId } }, options);
}

/** Sends only the sections and fields given; the device applies them at its next check-in. */
export async function updateConfiguration(
  ctx: OmletContext,
  deviceId: string,
  patch: ConfigurationPatch,
  options?: RequestOptions,
): Promise<void> {
  const body = compactConfigurationPatch(patch);
  try {
    await ctx.kit.call("updateConfiguration", { path: { deviceId }, body }, options);
  } finally {
    sentToDevice(ctx);
  }
}

/** Ask every device to stay connected for `durationSeconds` so commands land quickly. */
export async function keepAlive(ctx: OmletContext, durationSeconds: number, options?: RequestOptions): Promise<void> {
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) {
    throw new ValidationError(`keepAlive duration must be a positive whole number of seconds, got ${shown(durationSeconds)}`);
  }
  await ctx.kit.call("keepAlive", { body: { duration: durationSeconds } }, options);
}

export async function getLatestFirmware(ctx: OmletContext, options?: RequestOptions): Promise<FirmwareVersions> {
  return ctx.kit.call("getLatestFirmware", {}, options);
}

/** Tells the client's device watchers that something was sent, so they read again soon. */
function sentToDevice(ctx: OmletContext): void {
  for (const listener of ctx.activity) listener();
}

function resolveTarget(ctx: OmletContext, input: ActionInput): ActionTarget {
  // Either shape may arrive from plain JavaScript, so read the fields defensively.
  const fields = (input ?? {}) as { url?: unknown; deviceId?: unknown; actionName?: unknown };
  if (typeof fields.url === "string") {
    const target = actionTarget(input as Action, ctx.kit.baseUrl);
    // A device object whose action points elsewhere would move the wrong door.
    if (typeof fields.deviceId === "string" && fields.deviceId !== target.deviceId) {
      throw new ValidationError(`Action url targets device ${target.deviceId}, not ${fields.deviceId}`);
    }
    return target;
  }
  if (typeof fields.deviceId === "string" && typeof fields.actionName === "string") {
    return { deviceId: fields.deviceId, actionName: fields.actionName };
  }
  throw new ValidationError("performAction needs an action from device.actions or { deviceId, actionName }");
}

/**
 * Queues an action (`POST` to the action's url). Success means accepted, not done; it is
 * never retried once it may have reached the server.
 */
export async function performAction(ctx: OmletContext, input: ActionInput, options?: RequestOptions): Promise<ActionResult> {
  const { deviceId, actionName } = readingInput("The action", () => resolveTarget(ctx, input));
  let context: Awaited<ReturnType<typeof ctx.kit.call<"performAction">>>;
  try {
    context = await ctx.kit.call("performAction", { path: { deviceId, action: actionName } }, options);
  } finally {
    // Even a failed or timed-out action may have been queued: let watchers look.
    sentToDevice(ctx);
  }
  const { pendingValue } = input as Partial<Action>;
  return {
    deviceId,
    actionName,
    skipped: false,
    reason: undefined,
    pendingValue: typeof pendingValue === "string" ? pendingValue : null,
    context: context ?? undefined,
  };
}
