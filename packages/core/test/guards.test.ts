import { describe, expect, it } from "vitest";
import { kindOf } from "../src/guards.js";
import { shown } from "../src/index.js";

describe("kindOf", () => {
  it.each([
    [{}, "an object"],
    [[1, 2], "an array"],
    [new Map(), "an object"],
    ["door", "a string"],
    [7, "a number"],
    [true, "a boolean"],
    [10n, "a bigint"],
    [Symbol("x"), "a symbol"],
    [() => undefined, "a function"],
    [null, "null"],
    [undefined, "undefined"],
  ])("names %o as %s, with the right article", (value, expected) => {
    expect(kindOf(value)).toBe(expected);
  });

  it("never throws, not even for a revoked proxy", () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(kindOf(proxy)).toBe("an object");
  });
});

describe("shown", () => {
  it("quotes strings and prints scalars as they are", () => {
    expect([shown("door"), shown(3), shown(false), shown(2n), shown(null), shown(undefined)]).toEqual(['"door"', "3", "false", "2", "null", "undefined"]);
  });

  it("names anything else by its kind, never 'a object'", () => {
    expect([shown({ a: 1 }), shown([1]), shown(Symbol("s")), shown(() => 1)]).toEqual(["an object", "an array", "a symbol", "a function"]);
  });
});
