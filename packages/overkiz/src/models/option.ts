import type { Simplify } from "@openapp/core";
import { isWireObject } from "./wire-object.js";
import type { Schemas, WireOption } from "./wire-types.js";

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
  const parameters = Array.isArray(raw.parameters) ? raw.parameters.filter(isWireObject) as OptionParameter[] : [];
  const parameterValues: Record<string, string> = {};
  for (const { name, value } of parameters) if (typeof name === "string") parameterValues[name] = value as string;
  return { ...raw, parameters, parameterValues };
}

