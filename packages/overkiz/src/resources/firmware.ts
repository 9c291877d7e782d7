import type { RequestOptions } from "@openapp/core";
import { UnsupportedOperationError } from "../errors.js";
import type { ClientCore } from "../internal/client-core.js";
import type { FirmwareStatus } from "../types.js";
import { checkedDeviceUrl } from "./shared.js";

/** Device URLs of outdated devices (full devices in some answers are reduced to their URL). */
export async function getDevicesNotUpToDate(core: ClientCore, options?: RequestOptions): Promise<string[]> {
  const raw = await core.call((fetch) => core.raw.GET("/setup/devices/notUpToDate", { fetch }), options);
  return raw.map((item) => (typeof item === "string" ? item : item.deviceURL));
}

/** Null when the device cannot report its firmware status. */
export async function getDeviceFirmwareStatus(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<FirmwareStatus | null> {
  const path = { deviceURL: checkedDeviceUrl(deviceURL) };
  try {
    return await core.call((fetch) => core.raw.GET("/setup/devices/{deviceURL}/firmwareUpToDate", { params: { path }, fetch }), options);
  } catch (error) {
    if (error instanceof UnsupportedOperationError) return null;
    throw error;
  }
}

/** False also when the device cannot tell. */
export async function getDeviceFirmwareUpdateCapability(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<boolean> {
  const path = { deviceURL: checkedDeviceUrl(deviceURL) };
  try {
    const answer = await core.call(
      (fetch) => core.raw.GET("/setup/devices/{deviceURL}/firmwareUpdateCapability", { params: { path }, fetch }),
      options,
    );
    return answer.supportsFirmwareUpdate;
  } catch (error) {
    if (error instanceof UnsupportedOperationError) return false;
    throw error;
  }
}

export async function updateDeviceFirmware(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<void> {
  const path = { deviceURL: checkedDeviceUrl(deviceURL) };
  await core.call((fetch) => core.raw.PUT("/setup/devices/{deviceURL}/updateFirmware", { params: { path }, fetch }), options);
}

export async function updateAllDeviceFirmwares(
  core: ClientCore,
  params: { deviceURLs?: readonly string[] | undefined } = {},
  options?: RequestOptions,
): Promise<void> {
  const body = params.deviceURLs?.map(checkedDeviceUrl);
  await core.call((fetch) => core.raw.PUT("/setup/devices/updateFirmwares", { body, fetch }), options);
}
