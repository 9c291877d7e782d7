import { readFileSync } from "node:fs";
import { fromRepo, sampleRequests } from "@openapp/testing";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOpenAppRawClient, operationTable } from "../src/index.js";

const spec = JSON.parse(readFileSync(fromRepo("openapi/openapp/openapi.json"), "utf8"));
const requests = sampleRequests(spec);
const passed = new Set<string>();

const client = createOpenAppRawClient({
  baseUrl: inject("openappPrismUrl"),
  headers: { Authorization: "Bearer https://api.openapp.house/api/v1_openapp_SMOKETESTSECRET" },
});

describe("every operation answers 2xx from prism mock --errors through the raw client, with no violation", () => {
  it("samples exactly the operations of the operation table", () => {
    expect(requests.map((r) => r.operationId).sort()).toEqual(Object.keys(operationTable).sort());
  });

  it.each(requests.map((r) => [r.operationId, r] as const))("%s", async (_, request) => {
    const headers = request.contentType && !request.contentType.startsWith("multipart/") ? { "Content-Type": request.contentType } : {};
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
    console.log(`openapp raw client smoke: ${passed.size}/${requests.length} operations answered 2xx`);
  });
});
