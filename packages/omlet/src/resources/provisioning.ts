import { Resource, type RequestOptions } from "@openapp/core";
import type { OmletContext } from "../context.js";
import type { ProvisioningKey } from "../models/app.js";

/** Adding a new device to a group. */
export class ProvisioningResource extends Resource<OmletContext> {
  /**
   * A key and device id to hand to a new device joining `groupId`.
   * `POST /provision`.
   * Errors: see {@link OmletClient}.
   */
  async createProvisioningKey(groupId: string, options?: RequestOptions): Promise<ProvisioningKey> {
    return this.ctx.kit.call("createProvisioningKey", { body: { groupId } }, options);
  }

  /**
   * Finishes provisioning the device with this serial.
   * `POST /provision/device`.
   * Errors: see {@link OmletClient}.
   */
  async completeProvisioning(deviceSerial: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("completeProvisioning", { body: { deviceSerial } }, options);
  }
}
