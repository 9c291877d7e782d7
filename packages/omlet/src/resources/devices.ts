import { type RequestOptions, ValidationError, unwrap } from "@openapp/core";
import type { OmletContext } from "../http.js";
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

export interface ActionResult {
  deviceId: string;
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

const path = (deviceId: string) => ({ params: { path: { deviceId } } });

export async function getDevices(ctx: OmletContext, options?: RequestOptions): Promise<DeviceList> {
  return unwrap(ctx.raw.GET("/device", { fetch: ctx.authed(options) }));
}

export async function getDeviceById(ctx: OmletContext, deviceId: string, options?: RequestOptions): Promise<Device> {
  return unwrap(ctx.raw.GET("/device/{deviceId}", { ...path(deviceId), fetch: ctx.authed(options) }));
}

/** Rename a device (`{ name }`) or move it to another group (`{ groupId }`). */
export async function updateDevice(ctx: OmletContext, deviceId: string, update: DeviceUpdate, options?: RequestOptions): Promise<Device> {
  if (Object.values(update ?? {}).every((value) => value === undefined)) {
    throw new ValidationError("updateDevice needs a name or a groupId");
  }
  return unwrap(ctx.raw.PATCH("/device/{deviceId}", { ...path(deviceId), body: update, fetch: ctx.authed(options) }));
}

export async function getConfiguration(ctx: OmletContext, deviceId: string, options?: RequestOptions): Promise<Configuration> {
  return unwrap(ctx.raw.GET("/device/{deviceId}/configuration", { ...path(deviceId), fetch: ctx.authed(options) }));
}

/** Sends only the sections and fields given; the device applies them at its next check-in. */
export async function updateConfiguration(
  ctx: OmletContext,
  deviceId: string,
  patch: ConfigurationPatch,
  options?: RequestOptions,
): Promise<void> {
  const body = compactConfigurationPatch(patch);
  await unwrap(ctx.raw.PATCH("/device/{deviceId}/configuration", { ...path(deviceId), body, fetch: ctx.authed(options) }));
}

/** Ask every device to stay connected for `durationSeconds` so commands land quickly. */
export async function keepAlive(ctx: OmletContext, durationSeconds: number, options?: RequestOptions): Promise<void> {
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) {
    throw new ValidationError(`keepAlive duration must be a positive whole number of seconds, got ${durationSeconds}`);
  }
  await unwrap(ctx.raw.POST("/keepalive", { body: { duration: durationSeconds }, fetch: ctx.authed(options) }));
}

export async function getLatestFirmware(ctx: OmletContext, options?: RequestOptions): Promise<FirmwareVersions> {
  return unwrap(ctx.raw.GET("/firmware/latest", { fetch: ctx.authed(options) }));
}

function resolveTarget(ctx: OmletContext, input: ActionInput): ActionTarget {
  // Either shape may arrive from plain JavaScript, so read the fields defensively.
  const fields = (input ?? {}) as { url?: unknown; deviceId?: unknown; actionName?: unknown };
  if (typeof fields.url === "string") {
    const target = actionTarget(input as Action, ctx.baseUrl);
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

function withoutIdempotencyKey(ctx: OmletContext, options: RequestOptions | undefined): RequestOptions | undefined {
  if (options?.idempotencyKey === undefined) return options;
  // Omlet does not deduplicate commands; a key would let the transport resend one.
  ctx.logger.warn("idempotencyKey ignored for Omlet actions: the server does not deduplicate commands");
  const { idempotencyKey: _ignored, ...rest } = options;
  return rest;
}

/**
 * Queues an action (`POST` to the action's url). Success means accepted, not done; it is
 * never retried once it may have reached the server.
 */
export async function performAction(ctx: OmletContext, input: ActionInput, options?: RequestOptions): Promise<ActionResult> {
  const { deviceId, actionName } = resolveTarget(ctx, input);
  const context = await unwrap(
    ctx.raw.POST("/device/{deviceId}/action/{action}", {
      params: { path: { deviceId, action: actionName } },
      fetch: ctx.authed(withoutIdempotencyKey(ctx, options)),
    }),
  );
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
