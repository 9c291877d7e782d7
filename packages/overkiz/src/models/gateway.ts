/**
 * The gateway model: every wire field kept as received, its type and sub-type codes named and
 * labelled next to them; codes this SDK does not know pass through (named `UNKNOWN`).
 */
import { type Logger, type Simplify } from "@openapp/core";
import { GatewaySubType, GatewayType, nameOf, readableName } from "./enums.js";
import { isWireObject } from "./wire-object.js";
import { maskGatewayIds, printRedacted } from "./printing.js";
import type { WireGateway } from "./wire-types.js";

/** Gateway type codes with autocomplete; an unknown code is kept as the number it is. */
export type GatewayTypeCode = GatewayType | (number & {});
/** Gateway sub-type codes with autocomplete; an unknown code is kept as the number it is. */
export type GatewaySubTypeCode = GatewaySubType | (number & {});

/** A gateway with its type and sub-type named and labelled (`subType` 0 means none and stays 0), and `functions` split. */
export type Gateway = Simplify<
  Omit<WireGateway, "type" | "subType"> & {
    /** Gateway type code, e.g. 98 for a TaHoma Switch; see {@link GatewayType}. */
    type?: GatewayTypeCode;
    // 0 stays 0 (Rexel gateways send it).
    /** Gateway sub-type code; 0 means none. See {@link GatewaySubType}. */
    subType?: GatewaySubTypeCode;
    /** `TAHOMA_SWITCH` for type 98; `UNKNOWN` for a code this SDK does not know; undefined without a type. */
    typeName?: keyof typeof GatewayType;
    /** `Tahoma Switch`. */
    typeLabel?: string;
    /** `TAHOMA_PRO` for sub-type 14; `UNKNOWN` for a code this SDK does not know; undefined for 0 (none) and without a sub-type. */
    subTypeName?: keyof typeof GatewaySubType;
    /** `Tahoma Pro`: readable form of `subTypeName` (`Unknown` for an unknown code); undefined whenever `subTypeName` is. */
    subTypeLabel?: string;
    /** `functions` split at the commas. */
    functionList: string[];
  }
>;

/** The constant name of a code (`TAHOMA_SWITCH` for gateway type 98), or `UNKNOWN` for a code this SDK does not know. */
function codeName<E extends Readonly<Record<string, number>> & { readonly UNKNOWN: number }>(
  values: E,
  code: number,
  label: string,
  logger: Logger | undefined,
): keyof E & string {
  const name = nameOf(values, code);
  if (name === undefined) logger?.debug(`unknown ${label}`, { code });
  return (name ?? "UNKNOWN") as keyof E & string;
}

/**
 * Types a wire gateway: names and labels its type and sub-type, splits `functions`. Printed
 * (`console.log`), its gateway id is masked; `gatewayId` and JSON keep it.
 */
export function parseGateway(raw: WireGateway, logger?: Logger): Gateway {
  const gateway: Gateway = { ...raw, functionList: typeof raw.functions === "string" ? raw.functions.split(",").map((f) => f.trim()).filter(Boolean) : [] };
  if (typeof raw.type === "number") {
    gateway.typeName = codeName(GatewayType, raw.type, "gateway type", logger);
    gateway.typeLabel = readableName(gateway.typeName);
  }
  if (typeof raw.subType === "number" && raw.subType !== 0) {
    gateway.subTypeName = codeName(GatewaySubType, raw.subType, "gateway sub-type", logger);
    gateway.subTypeLabel = readableName(gateway.subTypeName);
  }
  return printRedacted(gateway, "Gateway", maskGatewayIds);
}

/** Types a list of wire gateways; undefined gives `[]`. */
export function parseGateways(raw: readonly WireGateway[] | undefined, logger?: Logger): Gateway[] {
  return (Array.isArray(raw) ? raw : []).filter(isWireObject).map((gateway) => parseGateway(gateway as WireGateway, logger));
}

