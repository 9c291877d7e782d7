import { describe, expect, it } from "vitest";
import { appendQuery, encodePathParam, serializeBody, serializePath, serializeQuery, ValidationError } from "../src/index.js";

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

  it("appends to URLs that already have a query", () => {
    expect(appendQuery("https://h.test/x?a=1", { b: 2 })).toBe("https://h.test/x?a=1&b=2");
    expect(appendQuery("https://h.test/x", { b: undefined })).toBe("https://h.test/x");
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
