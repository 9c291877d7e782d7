import { describe, expect, it } from "vitest";
import { serializeBody, serializePath, serializeQuery, ValidationError } from "../src/index.js";
import { encodePathParam } from "../src/serialize-path.js";

describe("serializeQuery", () => {
  it("flattens object parameters with form/explode, never bracket keys", () => {
    const query = {
      output_options: { include_deleted: false, include_metadata: true, only_deleted: false },
      pagination: { limit: 50, offset: 100 },
    };
    expect(serializeQuery(query)).toBe("include_deleted=false&include_metadata=true&only_deleted=false&limit=50&offset=100");
  });

  it("drops null and undefined members without leaving stray separators", () => {
    expect(serializeQuery({ q: undefined, pagination: { limit: 10, offset: null }, zone_id: null, entity_type: "door" })).toBe(
      "limit=10&entity_type=door",
    );
    expect(serializeQuery({ a: undefined, b: null })).toBe("");
    expect(serializeQuery(undefined)).toBe("");
  });

  it("repeats array keys and percent-encodes names and values", () => {
    expect(serializeQuery({ exclude_ids: ["ent 1", "ent&2"], "sort by": "name" })).toBe(
      "exclude_ids=ent%201&exclude_ids=ent%262&sort%20by=name",
    );
  });

  it("writes dates as ISO strings", () => {
    expect(serializeQuery({ since: new Date("2025-03-04T05:06:07Z") })).toBe("since=2025-03-04T05%3A06%3A07.000Z");
  });

  it("refuses objects nested deeper than form style can express", () => {
    expect(() => serializeQuery({ filter: { zone: { id: "z1" } } })).toThrow(ValidationError);
  });
});

describe("serializePath", () => {
  it("percent-encodes reserved characters in path parameters", () => {
    expect(serializePath("/setup/devices/{deviceURL}/states", { deviceURL: "io://1234-5678-9012/5" })).toBe(
      "/setup/devices/io%3A%2F%2F1234-5678-9012%2F5/states",
    );
    expect(encodePathParam("id", "a'b(c)*!")).toBe("a%27b%28c%29%2A%21");
    expect(serializePath("/entities/{id}/actions/{action_id}", { id: 42, action_id: "switchable.open" })).toBe(
      "/entities/42/actions/switchable.open",
    );
  });

  it.each(["", "  ", ".", ".."])("rejects %j, which would address another resource", (value) => {
    expect(() => serializePath("/devices/{id}", { id: value })).toThrow(ValidationError);
  });

  it("rejects missing and non-scalar values", () => {
    expect(() => serializePath("/devices/{id}", {})).toThrow(/"id" is required/);
    expect(() => serializePath("/devices/{id}", { id: { nested: true } })).toThrow(ValidationError);
  });

  it("keeps a `..` inside a longer value, which is harmless once encoded", () => {
    expect(serializePath("/files/{name}", { name: "../etc" })).toBe("/files/..%2Fetc");
  });
});

describe("serializeBody", () => {
  it("encodes plain objects as JSON", () => {
    expect(serializeBody({ name: "Lobby door", zone_id: null })).toBe('{"name":"Lobby door","zone_id":null}');
  });

  it("passes binary, stream and form bodies through untouched", () => {
    const form = new FormData();
    const blob = new Blob(["x"]);
    const bytes = new Uint8Array([1, 2]);
    expect(serializeBody(form)).toBe(form);
    expect(serializeBody(blob)).toBe(blob);
    expect(serializeBody(bytes)).toBe(bytes);
  });

  it("url-encodes when the content type asks for a form, dropping empty fields", () => {
    const body = serializeBody(
      { userId: "ada@example.test", userPassword: "p@ss word", ssoToken: undefined },
      { "Content-Type": "application/x-www-form-urlencoded" },
    );
    expect(body).toBe("userId=ada%40example.test&userPassword=p%40ss+word");
  });

  it("leaves an absent body absent", () => {
    expect(serializeBody(undefined)).toBeUndefined();
  });
});

describe("serializeBody refuses what JSON would fail on or silently change", () => {
  const cycle: Record<string, unknown> = { name: "loop" };
  cycle.self = cycle;
  const cases: [string, unknown, RegExp][] = [
    ["a BigInt", { count: 10n }, /at \$\.count: a bigint has no JSON form/],
    ["a nested BigInt in a list", { items: [{ id: 1 }, { id: 2n }] }, /at \$\.items\[1\]\.id: a bigint/],
    ["a cycle", cycle, /cycle/],
    ["a top-level Symbol", Symbol("body"), /at \$: a symbol has no JSON form/],
    ["a top-level function", () => 1, /at \$: a function/],
    ["a Symbol member (JSON would drop it)", { tag: Symbol("t") }, /at \$\.tag: a symbol/],
    ["a function member (JSON would drop it)", { run: () => 1 }, /at \$\.run: a function/],
    ["NaN (JSON would send null)", { level: Number.NaN }, /at \$\.level: NaN would be sent as null/],
    ["Infinity", [Number.POSITIVE_INFINITY], /at \$\[0\]: Infinity would be sent as null/],
    ["undefined in a list (JSON would send null)", { ids: ["a", undefined] }, /at \$\.ids\[1\]: undefined would be sent as null/],
    ["a Map (JSON would send {})", { labels: new Map([["a", 1]]) }, /at \$\.labels: a Map would be sent as \{\}/],
    ["a Set", { tags: new Set(["x"]) }, /a Set/],
    ["a toJSON that throws", { when: { toJSON: () => { throw new RangeError("Invalid time value"); } } }, /JSON could not write it \(RangeError: Invalid time value\)/],
    ["a getter that throws", { inner: { get secret(): string { throw new TypeError("nope"); } } }, /JSON could not write it \(TypeError: nope\)/],
    ["an Error (JSON would send {})", { failure: new RangeError("x") }, /at \$\.failure: a RangeError would be sent as \{\}/],
  ];
  it.each(cases)("%s → ValidationError naming where", (_, body, message) => {
    const thrown = (() => {
      try {
        serializeBody(body, undefined, "OpenApp create_device: request body");
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as Error).message).toMatch(/^OpenApp create_device: request body\b/);
    expect((thrown as Error).message).toMatch(message);
  });

  it("keeps what JSON writes faithfully: dates through toJSON, undefined members left out, null-prototype objects, class instances", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    class Point {
      constructor(readonly x: number) {}
    }
    expect(serializeBody({ at: new Date("2025-01-02T03:04:05Z"), skip: undefined, bare, point: new Point(2), none: null })).toBe(
      '{"at":"2025-01-02T03:04:05.000Z","bare":{"a":1},"point":{"x":2},"none":null}',
    );
  });

  it("refuses form fields that have no text (objects), instead of sending [object Object]", () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    expect(() => serializeBody({ userId: { nested: true } }, form)).toThrow(/field "userId": an object cannot be sent as a form field/);
    expect(() => serializeBody({ userId: Object.create(null) }, form)).toThrow(ValidationError);
    expect(serializeBody({ n: 1, ok: true, big: 2n }, form)).toBe("n=1&ok=true&big=2");
  });

  it("checks the JSON of multipart fields too", () => {
    expect(() => serializeBody({ file: new Blob(["x"]), meta: { size: 1n } })).toThrow(/field "meta" at \$\.size: a bigint/);
  });
});
