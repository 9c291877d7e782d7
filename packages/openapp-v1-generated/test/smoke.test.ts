import { readFileSync } from "node:fs";
import { fromRepo, sampleRequests } from "@openapp/testing";
import { afterAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { createOpenAppV1RawClient, operationTable } from "../src/index.js";

const spec = parse(readFileSync(fromRepo("openapi/openapp-v1/openapi.yaml"), "utf8"));
const requests = sampleRequests(spec);
const passed = new Set<string>();

// A 1.0 key travels as X-API-Key; the spec's only security scheme.
const client = createOpenAppV1RawClient({
  baseUrl: inject("openappV1PrismUrl"),
  headers: { "X-API-Key": "https://api.openapp.house_openapp_SMOKETESTSECRET" },
});

describe("every 1.0 operation answers 2xx from prism mock --errors through the raw client, with no violation", () => {
  it("samples exactly the operations of the operation table", () => {
    expect(requests.map((r) => r.operationId).sort()).toEqual(Object.keys(operationTable).sort());
  });

  it.each(requests.map((r) => [r.operationId, r] as const))("%s", async (_, request) => {
    const headers = request.contentType ? { "Content-Type": request.contentType } : {};
    const { response, data, error } = await client.request(request.method as never, request.path as never, {
      params: request.params,
      body: request.body,
      headers,
      parseAs: "text",
    } as never);
    const detail = response.status >= 300 ? String(error ?? data) : "";
    expect(response.status, `${request.method} ${request.path}: ${detail}`).toBeGreaterThanOrEqual(200);
    expect(response.status, `${request.method} ${request.path}: ${detail}`).toBeLessThan(300);
    expect(response.headers.get("sl-violations"), `${request.method} ${request.path}`).toBeNull();
    passed.add(request.operationId);
  });

  afterAll(() => {
    console.log(`openapp 1.0 raw client smoke: ${passed.size}/${requests.length} operations answered 2xx`);
  });
});
