import { describe, expect, it } from "vitest";
import { ValidationError, parseWebhookEvent } from "../../src/index.js";
import { scriptedFetch, testClient } from "../helpers.js";

const flat = {
  deviceId: "Pz4kWm82QrTd1VxN",
  parameterSetName: "door",
  parameterName: "state",
  oldValue: "openpending",
  newValue: "open",
  created_at: "2025-09-02T05:30:04+00:00",
  token: "whk_R2d9",
};

describe("parseWebhookEvent", () => {
  it("reads the flat shape", () => {
    const event = parseWebhookEvent(flat);
    expect(event).toMatchObject({ deviceId: "Pz4kWm82QrTd1VxN", parameterSetName: "door", newValue: "open", token: "whk_R2d9" });
    expect(event.shape).toBe("flat");
  });

  it("reads the shape nested under payload, as JSON text or bytes too", () => {
    const { token, ...inner } = flat;
    const nested = { token, payload: inner };
    for (const body of [nested, JSON.stringify(nested), new TextEncoder().encode(JSON.stringify(nested))]) {
      const event = parseWebhookEvent(body);
      expect(event).toMatchObject({ deviceId: "Pz4kWm82QrTd1VxN", oldValue: "openpending", token: "whk_R2d9", shape: "nested" });
    }
  });

  it("keeps boolean, number and null values and readable parameter labels", () => {
    const event = parseWebhookEvent({ deviceId: "1234567", parameterName: "Door Open State", oldValue: false, newValue: null });
    expect(event).toMatchObject({ parameterName: "Door Open State", oldValue: false, newValue: null, token: undefined });
  });

  it.each([
    ["not JSON", "{nope"],
    ["an array", [flat]],
    ["no deviceId", { parameterName: "state" }],
    ["a non-object payload", { payload: 42 }],
    ["an object value", { deviceId: "x", newValue: { nested: true } }],
    ["a numeric parameterName", { deviceId: "x", parameterName: 3 }],
  ])("rejects %s with a ValidationError", (_label, body) => {
    expect(() => parseWebhookEvent(body)).toThrow(ValidationError);
  });

  it("checks the portal token from the body or the headers when asked to", () => {
    expect(parseWebhookEvent(flat, { expectedToken: "whk_R2d9" }).deviceId).toBe("Pz4kWm82QrTd1VxN");
    const { token: _omitted, ...withoutToken } = flat;
    expect(() => parseWebhookEvent(withoutToken, { expectedToken: "whk_R2d9" })).toThrow(/token missing or wrong/);
    const headers = new Headers({ authorization: "Bearer whk_R2d9" });
    expect(parseWebhookEvent(withoutToken, { expectedToken: "whk_R2d9", headers }).deviceId).toBe("Pz4kWm82QrTd1VxN");
    expect(() => parseWebhookEvent(flat, { expectedToken: "whk_other" })).toThrow(ValidationError);
    expect(parseWebhookEvent(withoutToken, { expectedToken: "t0k", headers: { "X-Omlet-Token": "t0k" } }).shape).toBe("flat");
  });

  it("finds the token in the request's query: a fetch Request's URL, a Node http path, Express's req.query", () => {
    const { token: _omitted, ...withoutToken } = flat;
    const expectedToken = "whk_R2d9";
    const request = new Request("https://coop.example.org/hooks/omlet?token=whk_R2d9", { method: "POST" });
    expect(parseWebhookEvent(withoutToken, { expectedToken, url: request.url }).deviceId).toBe("Pz4kWm82QrTd1VxN");
    expect(parseWebhookEvent(withoutToken, { expectedToken, url: new URL(request.url) }).shape).toBe("flat");
    expect(parseWebhookEvent(withoutToken, { expectedToken, url: "/hooks/omlet?a=1&token=whk_R2d9" }).shape).toBe("flat");
    expect(parseWebhookEvent(withoutToken, { expectedToken, query: { token: "whk_R2d9" } }).shape).toBe("flat");
    expect(parseWebhookEvent(withoutToken, { expectedToken, query: { token: ["x", "whk_R2d9"] } }).shape).toBe("flat");
    expect(parseWebhookEvent(withoutToken, { expectedToken, query: new URLSearchParams("token=whk_R2d9") }).shape).toBe("flat");
    expect(parseWebhookEvent(withoutToken, { expectedToken, query: "token=whk_R2d9" }).shape).toBe("flat");
    for (const wrong of [{ url: "/hooks/omlet?token=nope" }, { url: "/hooks/omlet" }, { query: { token: "" } }, { query: { tok: "whk_R2d9" } }]) {
      expect(() => parseWebhookEvent(withoutToken, { expectedToken, ...wrong })).toThrow(/token missing or wrong/);
    }
  });

  describe("tokens the way the documented integrations send them", () => {
    const { token: _omitted, ...event } = flat;
    const expectedToken = "whk_R2d9";

    it("trims header values and reads every token header, in any case", () => {
      const headerForms = [
        { "X-Omlet-Webhook-Token": "  whk_R2d9 " },
        { "x-omlet-token": "\twhk_R2d9\n" },
        { "X-Webhook-Token": "whk_R2d9" },
        { "X-Webhook-Secret": "whk_R2d9" },
        { "X-Omlet-Secret": "whk_R2d9" },
        { "X-Omlet-Auth-Token": "whk_R2d9" },
        { "X-Omlet-Auth": "whk_R2d9" },
        { "X-Api-Key": "whk_R2d9" },
        { "X-Auth-Token": "whk_R2d9" },
        { "x-omlet-webhook-token": ["whk_R2d9 "] },
        { Authorization: " Bearer   whk_R2d9 " },
        { Authorization: "token whk_R2d9" },
        { Authorization: "ApiKey whk_R2d9" },
        { Authorization: "Api-Key whk_R2d9" },
        { Authorization: "whk_R2d9" },
      ];
      for (const headers of headerForms) {
        expect(parseWebhookEvent(event, { expectedToken, headers }).deviceId, JSON.stringify(headers)).toBe("Pz4kWm82QrTd1VxN");
      }
      expect(parseWebhookEvent(event, { expectedToken, headers: new Headers({ "X-Omlet-Webhook-Token": " whk_R2d9 " }) }).shape).toBe("flat");
    });

    it("reads token, secret, webhook_token and webhookToken at the top and under payload", () => {
      for (const key of ["token", "secret", "webhook_token", "webhookToken"]) {
        expect(parseWebhookEvent({ ...event, [key]: " whk_R2d9 " }, { expectedToken }).token).toBe("whk_R2d9");
        const nested = parseWebhookEvent({ payload: { ...event, [key]: "whk_R2d9" } }, { expectedToken });
        expect(nested).toMatchObject({ shape: "nested", token: "whk_R2d9", deviceId: "Pz4kWm82QrTd1VxN" });
        expect(parseWebhookEvent(JSON.stringify({ [key]: "whk_R2d9", payload: event }), { expectedToken }).token).toBe("whk_R2d9");
      }
      expect(parseWebhookEvent({ payload: { ...event, token: 4711 } }, { expectedToken: "4711" }).token).toBe("4711");
    });

    it("checks the token before judging the body: a body with only a nested token gets past it", () => {
      const tokenOnly = { payload: { webhookToken: "whk_R2d9" } };
      expect(() => parseWebhookEvent(tokenOnly, { expectedToken })).toThrow(/deviceId must be a non-empty string/);
      expect(() => parseWebhookEvent(tokenOnly, { expectedToken: "whk_other" })).toThrow(/token missing or wrong/);
      expect(() => parseWebhookEvent({ parameterName: 3 }, { expectedToken })).toThrow(/token missing or wrong/);
    });

    it("reads secret and webhook_token from the query too, and trims the expected token", () => {
      expect(parseWebhookEvent(event, { expectedToken, query: { secret: "whk_R2d9" } }).shape).toBe("flat");
      expect(parseWebhookEvent(event, { expectedToken, url: "/hook?webhook_token=%20whk_R2d9%20" }).shape).toBe("flat");
      expect(parseWebhookEvent(event, { expectedToken: "whk_R2d9\n", headers: { "x-omlet-token": "whk_R2d9" } }).shape).toBe("flat");
      expect(() => parseWebhookEvent(event, { expectedToken: "  " })).toThrow(/expectedToken is empty/);
    });

    it("still refuses near misses", () => {
      const nearMisses = [
        { headers: { "X-Omlet-Webhook-Token": "whk_R2d" } },
        { headers: { "X-Omlet-Webhook-Token": "whk_R2d9x" } },
        { headers: { "X-Omlet-Webhook-Token": "WHK_R2D9" } },
        { headers: { Authorization: "Basic whk_R2d9" } },
        { headers: { "X-Other-Token": "whk_R2d9" } },
        { headers: { "X-Omlet-Webhook-Token": "   " } },
        { query: { apiKey: "whk_R2d9" } },
      ];
      for (const options of nearMisses) {
        expect(() => parseWebhookEvent(event, { expectedToken, ...options }), JSON.stringify(options)).toThrow(/token missing or wrong/);
      }
      expect(() => parseWebhookEvent({ ...event, tokens: "whk_R2d9" }, { expectedToken })).toThrow(/token missing or wrong/);
      expect(() => parseWebhookEvent({ ...event, token: true }, { expectedToken: "true" })).toThrow(/token missing or wrong/);
    });
  });

  it("refuses an unknown option instead of skipping the token check", () => {
    expect(() => parseWebhookEvent(flat, { expectToken: "whk_R2d9" } as never)).toThrow(/Unknown parameter `expectToken`.*expectedToken/);
  });

  it("is also available on the client", () => {
    const omlet = testClient(scriptedFetch(() => new Response(null, { status: 204 })).fetch);
    expect(omlet.parseWebhookEvent({ payload: flat }).shape).toBe("nested");
  });
});
