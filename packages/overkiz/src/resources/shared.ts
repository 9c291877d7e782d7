import { ValidationError } from "@openapp/core";
import { isValidDeviceUrl } from "../models/device-url.js";

/** Refuses a malformed device URL before it is percent-encoded into a path. */
export function checkedDeviceUrl(deviceURL: string): string {
  if (typeof deviceURL !== "string" || !isValidDeviceUrl(deviceURL)) {
    throw new ValidationError(`Invalid device URL ${JSON.stringify(deviceURL)}: expected <protocol>://<gatewayId>/<address>[#<n>]`);
  }
  return deviceURL;
}

export function checkedId(name: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ValidationError(`${name} must be a non-empty string`);
  return value;
}
