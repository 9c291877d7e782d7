import { ValidationError, shown } from "@openapp/core";

/** The parts of a device URL `<protocol>://<gatewayId>/<deviceAddress>[#<subsystemId>]`. */
export interface DeviceIdentifier {
  /** The prefix before `://` (`io`, `rts`, `hue`, …); unknown prefixes are kept as they are. */
  protocol: string;
  /** Id of the gateway the device belongs to, e.g. `1234-5678-9012`; not always numeric. */
  gatewayId: string;
  /** Everything after the gateway id; may itself contain `/` and `:`. */
  deviceAddress: string;
  /** The number after `#`, or null when the URL has none. */
  subsystemId: number | null;
  /** True for `#2` and above: `#1` is the main device of a physical product. */
  isSubDevice: boolean;
  /** The URL without its `#n` part; shared by all sub-devices of one product. */
  baseDeviceUrl: string;
}

// Full match only: an address never contains `#`, a subsystem id is digits only, and no part holds
// whitespace or control characters (a trailing newline would otherwise ride along to the gateway).
const DEVICE_URL = /^(?<protocol>[^:/\s\p{Cc}]+):\/\/(?<gatewayId>[^/\s\p{Cc}]+)\/(?<deviceAddress>[^#\s\p{Cc}]+)(?:#(?<subsystemId>\d+))?$/u;
// `.` and `..` segments would make the URL a path that leaves the device.
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/**
 * Splits a device URL into protocol, gateway id, address and subsystem; no request is made.
 * @throws {ValidationError} when it is not `<protocol>://<gatewayId>/<address>[#<n>]` or has `.`/`..` segments.
 */
export function parseDeviceUrl(deviceUrl: string): DeviceIdentifier {
  const match = typeof deviceUrl === "string" ? DEVICE_URL.exec(deviceUrl) : null;
  const groups = match?.groups;
  if (!groups?.protocol || !groups.gatewayId || !groups.deviceAddress || DOT_SEGMENT.test(groups.deviceAddress)) {
    throw new ValidationError(`Invalid device URL ${shown(deviceUrl)}: expected <protocol>://<gatewayId>/<address>[#<n>]`);
  }
  const subsystemId = groups.subsystemId === undefined ? null : Number(groups.subsystemId);
  return {
    protocol: groups.protocol,
    gatewayId: groups.gatewayId,
    deviceAddress: groups.deviceAddress,
    subsystemId,
    isSubDevice: subsystemId !== null && subsystemId > 1,
    baseDeviceUrl: `${groups.protocol}://${groups.gatewayId}/${groups.deviceAddress}`,
  };
}

/** Whether `parseDeviceUrl` would accept the URL; never throws. */
export function isValidDeviceUrl(deviceUrl: string): boolean {
  const address = typeof deviceUrl === "string" ? DEVICE_URL.exec(deviceUrl)?.groups?.deviceAddress : undefined;
  return address !== undefined && !DOT_SEGMENT.test(address);
}

/** The device URL itself once the parser accepts it; a ValidationError before anything is sent otherwise. */
export function checkedDeviceUrl(deviceUrl: string): string {
  parseDeviceUrl(deviceUrl);
  return deviceUrl;
}

/** Overkiz's own gateways have PIN-style ids; virtual ones (`SOMFY_PROTECT-…`) do not. */
export function isOverkizGateway(gatewayId: string): boolean {
  return /^\d{4}-\d{4}-\d{4}/.test(gatewayId);
}
