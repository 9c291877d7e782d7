import type { WireAction, WireCommand } from "./wire-types.js";
import type { Device } from "./device.js";
import { isValidDeviceUrl, parseDeviceUrl } from "./device-url.js";
import { parameterCounts } from "./command-check.js";

function withDuration(command: WireCommand, device: Device, seconds: number): WireCommand {
  const definition = device.commandDefinition(command.name);
  const max = definition ? parameterCounts(definition).max : 0;
  const given = command.parameters?.length ?? 0;
  // Only the duration may be missing: anything shorter is the caller's mistake, left for the server to report.
  if (max === 0 || !Number.isFinite(max) || given !== max - 1) return command;
  return { ...command, parameters: [...(command.parameters ?? []), seconds] };
}

/**
 * RTS motors read their last parameter as how long (in seconds) to run, and the gateway blocks
 * the device meanwhile. With a default duration set, an RTS command one parameter short of what
 * its definition allows (`nparams`, or `paramsSig` with the optional `*p1` of local definitions)
 * gets it appended. Unknown devices (not in the cached list) and other protocols
 * are left alone; nothing the caller passed is modified.
 */
export function applyRtsDefaultDuration(
  actions: readonly WireAction[],
  devices: readonly Device[] | undefined,
  seconds: number | undefined,
): WireAction[] {
  if (seconds === undefined || !devices) return [...actions];
  const byUrl = new Map(devices.map((device) => [device.deviceURL, device]));
  return actions.map((action) => {
    const device = byUrl.get(action.deviceURL);
    if (!device || !isValidDeviceUrl(action.deviceURL) || parseDeviceUrl(action.deviceURL).protocol !== "rts") return action;
    return { ...action, commands: action.commands.map((command) => withDuration(command, device, seconds)) };
  });
}
