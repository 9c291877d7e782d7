import { REQUEST_OPTION_KEYS, ValidationError, checkedParameters, shown } from "@openapp/core";

export { checkedDeviceUrl } from "../models/device-url.js";

export function checkedId(name: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ValidationError(`${name} must be a non-empty string, got ${shown(value)}`);
  return value;
}

/**
 * An SDK-level parameter object (`getSetup({ refresh })`, `events({ signal, intervalMs })`): an
 * unknown key is a ValidationError naming the nearest real one, before anything is sent.
 */
export function checkedParams<P extends object>(params: P | undefined, what: string, known: readonly (keyof P & string)[]): Partial<P> {
  return checkedParameters(params, { what, known, requestOptions: REQUEST_OPTION_KEYS });
}
