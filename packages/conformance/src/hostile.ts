/**
 * Hostile values for property tests: every JS type, numbers JSON and timers choke on, odd
 * strings, null prototypes, getters and proxies that throw, revoked proxies, cycles. Whatever a
 * caller passes, a façade must answer with an SdkError (or accept it), never a raw runtime error.
 */
import fc from "fast-check";

const fail = () => {
  throw new TypeError("hostile trap");
};

/** A proxy whose every trap throws: reading, listing, typing or converting it fails. */
function trappedProxy(): object {
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail, getOwnPropertyDescriptor: fail, apply: fail });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const withThrowingGetter = () => Object.defineProperty({}, "value", { enumerable: true, get: fail });

const cycle = () => {
  const value: Record<string, unknown> = { name: "loop" };
  value.self = value;
  return value;
};

/** Values no type allows but JavaScript callers can pass, each built fresh per run. */
const oddValues: Record<string, () => unknown> = {
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  "-Infinity": () => Number.NEGATIVE_INFINITY,
  "-0": () => -0,
  "-1": () => -1,
  "2^31": () => 2 ** 31,
  "2^53+2": () => 2 ** 53 + 2,
  "1e308": () => 1e308,
  "10n": () => 10n,
  '""': () => "",
  '" "': () => " ",
  NUL: () => "\u0000",
  "lone surrogate": () => "\ud800",
  '"../.."': () => "../..",
  "bad percent escape": () => "%E0%A4%A",
  "header injection": () => "a\r\nX-Injected: 1",
  "100k string": () => "x".repeat(100_000),
  Symbol: () => Symbol("hostile"),
  function: () => () => "function",
  null: () => null,
  undefined: () => undefined,
  "Invalid Date": () => new Date(Number.NaN),
  Map: () => new Map([["k", 1]]),
  "Object.create(null)": () => Object.create(null),
  "trapped proxy": trappedProxy,
  "revoked proxy": revokedProxy,
  "throwing getter": withThrowingGetter,
  cycle,
};

/**
 * A stand-in for an odd value: the property framework itself inspects what it generates and must
 * not touch proxies or throwing getters, so the real values are built by {@link materialize}.
 */
export class Odd {
  constructor(readonly name: string) {}
  toString(): string {
    return `<${this.name}>`;
  }
}

/** Values whose very reading throws: a caller's own trap, getter or revoked proxy. */
export const TRAPS: ReadonlySet<string> = new Set(["trapped proxy", "revoked proxy", "throwing getter"]);

/** Anything: odd values, and arbitrary JSON-ish and non-JSON structures containing them. Without `traps`, no value whose reading throws. */
export function hostile({ traps }: { traps: boolean }): fc.Arbitrary<unknown> {
  const names = Object.keys(oddValues).filter((name) => traps || !TRAPS.has(name));
  const oddValue = fc.constantFrom(...names).map((name) => new Odd(name));
  return fc.oneof(
  { weight: 3, arbitrary: oddValue },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      values: [oddValue],
    }),
  },
  );
}

/** Options with hostile values (traps included) under the real option names (signal, timeout, headers, …). */
export function hostileRecord(names: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const value = hostile({ traps: true });
  return fc.record(Object.fromEntries(names.map((name) => [name, value])), { requiredKeys: [] });
}

/** The generated value with every {@link Odd} stand-in replaced by the real thing. */
export function materialize(value: unknown): unknown {
  if (value instanceof Odd) return oddValues[value.name]?.();
  if (Array.isArray(value)) return value.map(materialize);
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) return value;
    const copy = Object.create(proto) as Record<string, unknown>;
    for (const [key, member] of Object.entries(value)) copy[key] = materialize(member);
    return copy;
  }
  return value;
}

/** Own and inherited methods (not getters), up to Object.prototype. */
export function methodsOf(target: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = target; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || names.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (descriptor && "value" in descriptor && typeof descriptor.value === "function") names.add(name);
    }
  }
  return [...names].sort();
}

/** The client and every object-valued property of it (its resources). */
export function surfacesOf(client: object, extra: Record<string, object> = {}): [string, object][] {
  const surfaces: [string, object][] = [["client", client]];
  for (const [name, value] of Object.entries(client)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) surfaces.push([name, value]);
  }
  surfaces.push(...Object.entries(extra));
  return surfaces;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}
