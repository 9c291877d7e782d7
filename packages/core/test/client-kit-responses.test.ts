import createClient from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import {
  ClientKit,
  ConfigError,
  type OperationTable,
  ValidationError,
  type VendorDeclaration,
  bearerAuth,
  rawClientDefaults,
} from "../src/index.js";
import { json, steppedFetch } from "./helpers.js";

const BASE = "https://api.example.test/v1";

const table = {
  list_things: { method: "get", path: "/things", auth: "required", headers: {}, query: [], pagination: null, requestMediaType: null, responseArray: true },
  get_thing: { method: "get", path: "/things/{id}", auth: "required", headers: {}, query: [], pagination: null, requestMediaType: null, responseArray: false },
  get_script: { method: "get", path: "/script", auth: "required", headers: {}, query: [], pagination: null, requestMediaType: null },
  create_thing: { method: "post", path: "/things", auth: "required", headers: { "X-Org": true }, query: [], pagination: null, requestMediaType: "application/json" },
  search: { method: "get", path: "/search", auth: "required", headers: { "X-Org": false }, query: [], pagination: null, requestMediaType: null },
} as const satisfies OperationTable;

type Ops = Record<keyof typeof table, { parameters: { path: Record<string, string> } }>;

const thing = z.looseObject({ id: z.string(), state: z.looseObject({ door: z.enum(["open", "closed"]).optional() }).optional() });
const schemas = { list_things: z.array(thing), get_thing: thing, get_script: z.string() };

function vendorWith(extra: Partial<VendorDeclaration<typeof table, unknown>> = {}): VendorDeclaration<typeof table, unknown> {
  return {
    name: "Acme",
    logLevelEnv: "ACME_LOG",
    logPrefix: "acme",
    operations: table,
    createRawClient: ({ baseUrl, fetch }) => createClient({ ...rawClientDefaults, baseUrl, fetch }),
    sendCredentialsToPublicOperations: false,
    missingCredentials: (id) => `${id} needs an Acme key`,
    contextHeaders: [{ option: "org", header: "X-Org", fromBody: "org_id", missing: (id) => `${id} needs an org` }],
    requestOptions: ["org"],
    ...extra,
  };
}

function kitWith(fetch: ReturnType<typeof steppedFetch>, options: { validateResponses?: boolean; defaults?: Record<string, unknown> } = {}, vendor = vendorWith({ loadSchemas: async () => schemas })) {
  return new ClientKit<Ops, typeof table, unknown>(vendor, { baseUrl: BASE, auth: bearerAuth("sk_live_abcdef123456"), fetch, maxRetries: 0, ...options });
}

describe("list answers (always checked)", () => {
  it("a list operation answered with an object is a ValidationError naming the operation", async () => {
    const fetch = steppedFetch(json(200, { id: "t1" }), json(200, []));
    const error = await kitWith(fetch).call("list_things").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe("Acme list_things: response at $: expected a list (JSON array), got an object");
    await expect(kitWith(fetch).call("list_things")).resolves.toEqual([]);
  });

  it("no body at all is the empty list, null is refused; non-list operations are left alone", async () => {
    const fetch = steppedFetch(new Response(null, { status: 204 }), json(200, null), json(200, ["not", "checked"]));
    await expect(kitWith(fetch).call("list_things")).resolves.toEqual([]);
    await expect(kitWith(fetch).call("list_things")).rejects.toThrow(/got null/);
    await expect(kitWith(fetch).call("get_thing", { path: { id: "t1" } })).resolves.toEqual(["not", "checked"]);
  });
});

describe("validateResponses", () => {
  it("is off by default: the schemas are never loaded", async () => {
    const loadSchemas = vi.fn(async () => schemas);
    const fetch = steppedFetch(json(200, { id: 42 }));
    await expect(kitWith(fetch, {}, vendorWith({ loadSchemas })).call("get_thing", { path: { id: "t1" } })).resolves.toEqual({ id: 42 });
    expect(loadSchemas).not.toHaveBeenCalled();
  });

  it("names the operation and the JSON path of a mismatch", async () => {
    const fetch = steppedFetch(json(200, [{ id: "t1" }, { id: "t2", state: { door: "ajar" } }]));
    const error = await kitWith(fetch, { validateResponses: true }).call("list_things").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/^Acme list_things: response failed validation at \$\[1\]\.state\.door: /);
    expect((error as ValidationError).issues[0]?.path).toEqual([1, "state", "door"]);
  });

  it("keeps unknown fields of loose objects and returns the body as it came", async () => {
    const body = { id: "t1", firmware: "1.0.55", state: { door: "open", lightLevel: 3 } };
    const fetch = steppedFetch(json(200, body));
    await expect(kitWith(fetch, { validateResponses: true }).call("get_thing", { path: { id: "t1" } })).resolves.toEqual(body);
  });

  it("loads the schemas once per client, shared by withDefaults copies; operations without a schema pass", async () => {
    const loadSchemas = vi.fn(async () => schemas);
    const fetch = steppedFetch(json(200, { id: "a" }), json(200, { id: "b" }), json(200, { anything: true }));
    const kit = kitWith(fetch, { validateResponses: true }, vendorWith({ loadSchemas }));
    await kit.call("get_thing", { path: { id: "a" } });
    await kit.withDefaults({ org: "o1" }).call("get_thing", { path: { id: "b" } });
    await kit.withDefaults({ org: "o1" }).call("search");
    expect(loadSchemas).toHaveBeenCalledTimes(1);
  });

  it("a failed schema load is a ConfigError, and is tried again on the next call", async () => {
    const loadSchemas = vi.fn().mockRejectedValueOnce(new Error("Cannot find module 'zod'")).mockResolvedValue(schemas);
    const fetch = steppedFetch(json(200, { id: "a" }), json(200, { id: "b" }));
    const kit = kitWith(fetch, { validateResponses: true }, vendorWith({ loadSchemas }));
    const error = await kit.call("get_thing", { path: { id: "a" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    // A missing zod says how to install it.
    expect((error as Error).message).toMatch(/is zod installed\? `npm install zod`/);
    await expect(kit.call("get_thing", { path: { id: "b" } })).resolves.toEqual({ id: "b" });
  });

  it("a vendor without schemas refuses the option at construction", () => {
    expect(() => kitWith(steppedFetch(), { validateResponses: true }, vendorWith())).toThrow(ConfigError);
  });
});

describe("text answers", () => {
  it("an empty text body is the empty string, not undefined", async () => {
    const fetch = steppedFetch(new Response("", { status: 200, headers: { "content-length": "0" } }), new Response("#!/bin/sh\n", { status: 200 }));
    const kit = kitWith(fetch, { validateResponses: true });
    await expect(kit.call("get_script", { accept: "text/x-shellscript" })).resolves.toBe("");
    await expect(kit.call("get_script", { accept: "text/x-shellscript" })).resolves.toBe("#!/bin/sh\n");
  });
});

describe("context headers from the body", () => {
  it("uses the body's org_id when no org is configured; a configured org wins and the body is sent as given", async () => {
    const fetch = steppedFetch(json(201, {}), json(201, {}), json(201, {}));
    await kitWith(fetch).call("create_thing", { body: { org_id: "org_body", name: "x" } });
    expect(fetch.requests[0]!.headers.get("x-org")).toBe("org_body");
    await kitWith(fetch, { defaults: { org: "org_client" } }).call("create_thing", { body: { org_id: "org_body" } });
    expect(fetch.requests[1]!.headers.get("x-org")).toBe("org_client");
    expect(JSON.parse(fetch.requests[1]!.body)).toEqual({ org_id: "org_body" });
    await kitWith(fetch).call("create_thing", { body: { org_id: "org_body" } }, { org: "org_call" } as never);
    expect(fetch.requests[2]!.headers.get("x-org")).toBe("org_call");
  });

  it("still refuses when neither the options nor the body name one", async () => {
    const fetch = steppedFetch();
    await expect(kitWith(fetch).call("create_thing", { body: { org_id: "" } })).rejects.toThrow("create_thing needs an org");
    await expect(kitWith(fetch).call("create_thing", { body: { org_id: 7 } })).rejects.toThrow(ConfigError);
    expect(fetch.requests).toHaveLength(0);
  });
});
