import type { RequestOptions } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { ProvisioningKey } from "../models/types.js";

/** A key and device id to hand to a new device joining `groupId`. */
export async function createProvisioningKey(ctx: OmletContext, groupId: string, options?: RequestOptions): Promise<ProvisioningKey> {
  return ctx.kit.call("createProvisioningKey", { body: { groupId } }, options);
}

export async function completeProvisioning(ctx: OmletContext, deviceSerial: string, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("completeProvisioning", { body: { deviceSerial } }, options);
}
