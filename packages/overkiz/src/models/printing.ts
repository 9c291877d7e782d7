/**
 * How setups, gateways and devices look when printed (`console.log`, `util.inspect`): their setup
 * id, gateway ids and device URLs masked (`****-****-9012`), as pyoverkiz's `repr` does, so a
 * printed setup can be pasted into a bug report. Properties and `JSON.stringify` keep the real
 * values: what the program reads and stores is its own data.
 */
import { maskIdentifier } from "./diagnostics.js";

/** Node's `util.inspect` hook; a registered symbol, so the main entry needs no `node:` import. */
export const INSPECT_CUSTOM: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/** Keys whose string value carries a gateway id, at any depth of what is printed. */
const GATEWAY_ID_KEYS = new Set(["gatewayId", "deviceURL", "baseDeviceUrl"]);

type Inspect = (value: unknown, options: object) => string;

const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;

/** A copy of plain data with gateway ids masked; objects that print themselves (devices, gateways, states) are kept. */
export function maskGatewayIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskGatewayIds);
  if (!isPlain(value) || INSPECT_CUSTOM in value) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    copy[key] = GATEWAY_ID_KEYS.has(key) && typeof member === "string" ? maskIdentifier(member) : maskGatewayIds(member);
  }
  return copy;
}

/**
 * The body of an `INSPECT_CUSTOM` method: prints `label { …view }` at the depth Node asked for.
 * `inspect` is the function Node hands the hook, so nothing is imported from `node:util`.
 */
export function inspectAs(label: string, view: unknown, depth: number | null, options: object, inspect: Inspect): string {
  if (depth !== null && depth < 0) return `[${label}]`;
  return `${label} ${inspect(view, { ...options, depth })}`;
}

/**
 * Gives plain data (a setup, a gateway) the printed form `label { …view(fields) }`, through a
 * hidden property: its fields, spreading and JSON stay exactly as they are. `view` receives a
 * copy of the fields, without the hook.
 */
export function printRedacted<T extends object>(target: T, label: string, view: (fields: T) => unknown): T {
  Object.defineProperty(target, INSPECT_CUSTOM, {
    value: (depth: number | null, options: object, inspect: Inspect) => inspectAs(label, view({ ...target }), depth, options, inspect),
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return target;
}
