import { describe, expect, it } from "vitest";
import { contractRecorder, json, operationMatcher, scriptedFetch } from "../src/index.js";

const table = {
  list_integrations: { method: "get", path: "/integrations" },
  get_integration: { method: "get", path: "/integrations/{id}" },
  list_provider_types: { method: "get", path: "/integrations/provider-types" },
  get_state: { method: "get", path: "/setup/devices/{deviceURL}/states/{name}" },
};

describe("operationMatcher", () => {
  const match = operationMatcher(table, "/api/v1");

  it("prefers literal segments over placeholders", () => {
    expect(match("GET", "/api/v1/integrations/provider-types")).toBe("list_provider_types");
    expect(match("GET", "/api/v1/integrations/01HZX5D2G6J0M4P8R2T6W0Y4A8")).toBe("get_integration");
  });

  it("matches percent-encoded values as one segment and rejects other methods and depths", () => {
    expect(match("get", "/api/v1/setup/devices/io%3A%2F%2F1234%2F5/states/core%3AOpenClosedState")).toBe("get_state");
    expect(match("POST", "/api/v1/integrations")).toBeUndefined();
    expect(match("GET", "/api/v1/integrations/a/b")).toBeUndefined();
  });
});

describe("contractRecorder", () => {
  it("counts only operations that answered 2xx and hands out Prism's violations once", async () => {
    const recorder = contractRecorder(table);
    const { fetch } = scriptedFetch((request) =>
      request.url.endsWith("/integrations")
        ? json(200, [], { "sl-violations": '[{"message":"bad"}]' })
        : json(404, { message: "no" }),
    );
    await recorder.middleware(new Request("http://mock.test/integrations"), fetch);
    await recorder.middleware(new Request("http://mock.test/integrations/x"), fetch);
    expect([...recorder.covered()]).toEqual(["list_integrations"]);
    expect(recorder.takeViolations()).toEqual(["GET /integrations → bad"]);
    expect(recorder.takeViolations()).toEqual([]);
  });
});
