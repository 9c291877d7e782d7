/**
 * Typed models for gateways, places, options, execution history, local tokens and current
 * executions. Every wire field is kept as received; codes get their readable names next to them,
 * and values this SDK does not know pass through (names and labels are then undefined / UNKNOWN).
 */
import { type Logger, type Simplify, asRecord } from "@openapp/core";
import {
  ExecutionState,
  ExecutionSubType,
  ExecutionType,
  GatewaySubType,
  GatewayType,
  enumValue,
  nameOf,
  readableName,
} from "./enums.js";
import { maskGatewayIds, printRedacted } from "./printing.js";
import type { Schemas, WireGateway, WireHistoryExecution, WireLocalToken, WireOption, WirePlace } from "./wire-types.js";

/** The spec's `HistoryCommand` schema, as on the wire. */
export type WireHistoryCommand = Schemas["HistoryCommand"];

const isObject = (value: unknown): value is Record<string, unknown> => asRecord(value) !== undefined;

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
  return (Array.isArray(raw) ? raw : []).filter(isObject).map((gateway) => parseGateway(gateway as WireGateway, logger));
}

/** A place and its nested sub-places (rooms, floors), typed at every depth; `lastUpdateTime` may be null. */
export type Place = Simplify<
  Omit<WirePlace, "subPlaces"> & {
    /** Places nested in this one (rooms of a floor, …). */
    subPlaces?: Place[];
  }
>;

/** Types a wire place; `subPlaces` is always an array. */
export function parsePlace(raw: WirePlace): Place {
  const { subPlaces, ...rest } = raw;
  const place: Place = { ...rest };
  if (Array.isArray(subPlaces)) place.subPlaces = subPlaces.filter(isObject).map((sub) => parsePlace(sub as WirePlace));
  return place;
}

/** Every place of the tree, depth first, the root first. */
export function flattenPlaces(root: Place): Place[] {
  return [root, ...(root.subPlaces ?? []).flatMap(flattenPlaces)];
}

/** The place with this `oid` anywhere in the tree. */
export function findPlace(root: Place, oid: string): Place | undefined {
  return flattenPlaces(root).find((place) => place.oid === oid);
}

/** One parameter of a setup option. */
export type OptionParameter = Schemas["OptionParameter"];

/** A setup option (`developerMode-<gatewayId>`, …) with its parameters also by name. */
export type Option = Simplify<
  WireOption & {
    /** The option's parameters as sent (`[]` when absent). */
    parameters: OptionParameter[];
    /** The same parameters as a name → value map, e.g. `{ gatewayId: "1234-5678-9012" }`. */
    parameterValues: Record<string, string>;
  }
>;

/** Types a wire setup option. */
export function parseOption(raw: WireOption): Option {
  const parameters = Array.isArray(raw.parameters) ? raw.parameters.filter(isObject) as OptionParameter[] : [];
  const parameterValues: Record<string, string> = {};
  for (const { name, value } of parameters) if (typeof name === "string") parameterValues[name] = value as string;
  return { ...raw, parameters, parameterValues };
}

/** Failure type names as the wire sends them (`NO_FAILURE`, `CMDCANCELLED`); unknown ones are kept. */
export type FailureTypeName = keyof typeof import("../catalogue/generated/catalogue-enums.js").FailureType | (string & {});

/** One command of a past execution, typed. */
export type HistoryCommand = Simplify<
  Omit<WireHistoryCommand, "state" | "failureType"> & {
    /** State the command reached; `UNKNOWN` for a value this SDK does not know. */
    state?: ExecutionState;
    /** Why the command failed, e.g. `CMDCANCELLED`; `NO_FAILURE` when it did not. */
    failureType?: FailureTypeName;
  }
>;

/** A past execution with its commands, its enums typed and its failure named. */
export type HistoryExecution = Simplify<
  Omit<WireHistoryExecution, "state" | "executionType" | "executionSubType" | "failureType" | "commands"> & {
    /** Final state of the execution; `UNKNOWN` for a value this SDK does not know. */
    state: ExecutionState;
    /** How the execution was started, e.g. `Immediate execution`. */
    executionType?: ExecutionType;
    /** Finer kind of execution, e.g. `MANUAL_CONTROL`. */
    executionSubType?: ExecutionSubType;
    /** Why the execution failed, e.g. `CMDCANCELLED`; `NO_FAILURE` when it did not. */
    failureType?: FailureTypeName;
    /** The commands the execution ran (`[]` when the server sent none). */
    commands: HistoryCommand[];
  }
>;

function failureFields(name: unknown): { failureType?: string } {
  return typeof name === "string" ? { failureType: name } : {};
}

/** Types a wire history execution (unknown enum values logged). */
export function parseHistoryExecution(raw: WireHistoryExecution, logger?: Logger): HistoryExecution {
  const { state, executionType, executionSubType, failureType, commands, ...rest } = raw;
  const execution: HistoryExecution = {
    ...rest,
    ...failureFields(failureType),
    state: enumValue(ExecutionState, state, "execution state", logger),
    commands: (Array.isArray(commands) ? commands : []).filter(isObject).map((command) => {
      const { state: commandState, failureType: commandFailure, ...commandRest } = command as WireHistoryCommand;
      const typed: HistoryCommand = { ...commandRest, ...failureFields(commandFailure) };
      if (commandState !== undefined) typed.state = enumValue(ExecutionState, commandState, "execution state", logger);
      return typed;
    }),
  };
  if (executionType !== undefined) execution.executionType = enumValue(ExecutionType, executionType, "execution type", logger);
  if (executionSubType !== undefined) execution.executionSubType = enumValue(ExecutionSubType, executionSubType, "execution sub-type", logger);
  return execution;
}

/** A local API token; `expirationTime` (epoch ms) is often absent. */
export type LocalToken = WireLocalToken;

/** Types a wire local token. */
export function parseLocalToken(raw: WireLocalToken): LocalToken {
  return { ...raw };
}

/** Whether the token has an expiry and it has passed. */
export function isLocalTokenExpired(token: LocalToken, now: number = Date.now()): boolean {
  return typeof token.expirationTime === "number" && token.expirationTime <= now;
}
