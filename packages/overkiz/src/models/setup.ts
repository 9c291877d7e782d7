import type { Logger, Simplify } from "@openapp/core";
import type { Gateway, WireSetup } from "./wire-types.js";
import { type Device, parseDevices } from "./device.js";

/** The installation; on the local API only `gateways` and `devices` are present. */
export type Setup = Simplify<Omit<WireSetup, "devices"> & { devices: Device[]; gateways: Gateway[] }>;

export function parseSetup(raw: WireSetup, logger: Logger): Setup {
  return { ...raw, gateways: raw.gateways ?? [], devices: parseDevices(raw.devices, logger) };
}
