import { type RequestOptions, unwrap } from "@openapp/core";
import type { OmletContext } from "../http.js";
import type { ProvisioningKey } from "../models/types.js";

/** A key and device id to hand to a new device joining `groupId`. */
export async function createProvisioningKey(ctx: OmletContext, groupId: string, options?: RequestOptions): Promise<ProvisioningKey> {
  return unwrap(ctx.raw.POST("/provision", { body: { groupId }, fetch: ctx.authed(options) }));
}

export async function completeProvisioning(ctx: OmletContext, deviceSerial: string, options?: RequestOptions): Promise<void> {
  await unwrap(ctx.raw.POST("/provision/device", { body: { deviceSerial }, fetch: ctx.authed(options) }));
}
