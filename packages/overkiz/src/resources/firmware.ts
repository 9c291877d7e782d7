import { type RequestOptions, Resource } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import { UnsupportedOperationError } from "../errors.js";
import type { FirmwareStatus } from "../models/wire-types.js";
import type { DeviceUrlsParams } from "./devices.js";
import { checkedDeviceUrl, checkedParams } from "./shared.js";

/** Null (or false) for devices that cannot tell. */
function unlessUnsupported<T>(fallback: T) {
  return (error: unknown): T => {
    if (error instanceof UnsupportedOperationError) return fallback;
    throw error;
  };
}

export class FirmwareResource extends Resource<OverkizContext> {
  /**
   * Device URLs of outdated devices (full devices in some answers are reduced to their URL).
   * `GET /setup/devices/notUpToDate`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getDevicesNotUpToDate(options?: RequestOptions): Promise<string[]> {
    const raw = await this.ctx.kit.call("getDevicesNotUpToDate", {}, options);
    return raw.map((item) => (typeof item === "string" ? item : item.deviceURL));
  }

  /**
   * Null when the device cannot report its firmware status.
   * `GET /setup/devices/{deviceURL}/firmwareUpToDate`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDeviceFirmwareStatus(deviceURL: string, options?: RequestOptions): Promise<FirmwareStatus | null> {
    const path = { deviceURL: checkedDeviceUrl(deviceURL) };
    return this.ctx.kit.call("getDeviceFirmwareStatus", { path }, options).catch(unlessUnsupported<FirmwareStatus | null>(null));
  }

  /** False also when the device cannot tell. */
  async getDeviceFirmwareUpdateCapability(deviceURL: string, options?: RequestOptions): Promise<boolean> {
    const path = { deviceURL: checkedDeviceUrl(deviceURL) };
    return this.ctx.kit
      .call("getDeviceFirmwareUpdateCapability", { path }, options)
      .then((answer) => answer.supportsFirmwareUpdate, unlessUnsupported(false));
  }

  /**
   * Start a firmware update of one device.
   * `PUT /setup/devices/{deviceURL}/updateFirmware`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async updateDeviceFirmware(deviceURL: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("updateDeviceFirmware", { path: { deviceURL: checkedDeviceUrl(deviceURL) } }, options);
  }

  /**
   * Start firmware updates of every outdated device.
   * `PUT /setup/devices/updateFirmwares`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL, or `params` has an unknown name.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async updateAllDeviceFirmwares(params?: DeviceUrlsParams, options?: RequestOptions): Promise<void> {
    const { deviceURLs } = checkedParams(params, "updateAllDeviceFirmwares", ["deviceURLs"]);
    await this.ctx.kit.call("updateAllDeviceFirmwares", { body: deviceURLs?.map(checkedDeviceUrl) }, options);
  }
}
