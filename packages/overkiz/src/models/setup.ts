import type { Logger, Simplify } from "@openapp/core";
import type { WireSetup } from "./wire-types.js";
import { type Device, parseDevices } from "./device.js";
import { type Gateway, parseGateways } from "./gateway.js";
import { type Place, parsePlace } from "./place.js";
import { maskIdentifier } from "./diagnostics.js";
import { maskGatewayIds, printRedacted } from "./printing.js";

/** The installation; on the local API only `gateways` and `devices` are present. */
export type Setup = Simplify<
  Omit<WireSetup, "devices" | "gateways" | "rootPlace"> & {
    /** Every device of the installation that could be modelled. */
    devices: Device[];
    /** The gateways of the installation. */
    gateways: Gateway[];
    /** Top of the place tree (house, floors, rooms); cloud only. */
    rootPlace?: Place;
  }
>;

/**
 * Types a wire setup: gateways, devices (unmodellable ones skipped with a warning) and the root
 * place. Printed (`console.log`, `util.inspect`), its setup id, gateway ids and device URLs are
 * masked (`SETUP-****-****-9012`); the properties and `JSON.stringify` keep the real values.
 */
export function parseSetup(raw: WireSetup, logger: Logger): Setup {
  const { rootPlace, ...rest } = raw;
  const setup: Setup = { ...rest, gateways: parseGateways(raw.gateways, logger), devices: parseDevices(raw.devices, logger) };
  if (rootPlace && typeof rootPlace === "object") setup.rootPlace = parsePlace(rootPlace);
  return printRedacted(setup, "Setup", printedSetup);
}

/** What a printed setup shows: its id and every gateway id masked. */
function printedSetup(setup: Setup): unknown {
  return maskGatewayIds(typeof setup.id === "string" ? { ...setup, id: maskIdentifier(setup.id) } : setup);
}
