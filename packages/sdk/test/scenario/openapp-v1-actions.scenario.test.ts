import { inspect } from "node:util";
import { type Upstream, startUpstream } from "@openapp/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ActionIntervalError,
  ConfigError,
  ConfirmationDeclinedError,
  ConfirmationRequiredError,
  IdempotencyConflictError,
  OpenAppClient,
} from "../../src/index.js";
import { ORG, SECRET } from "../helpers.js";

const API = "/api/v1";
const ENTITY = "01J0B4N8R2V6Z0D4H8L2P6T0X4";
const OPEN = `${API}/entities/${ENTITY}/actions/switchable.open`;
const PREVIEW = `${OPEN}/preview`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PREVIEW_TOKEN = "pvt_01J0B5C9W3E7R1T5Y9U3I7O1P5_q8Zr2Lm";

let upstream: Upstream;
beforeEach(async () => {
  upstream = await startUpstream();
});
afterEach(async () => {
  await upstream.stop();
});

const v1Client = (extra = {}) => new OpenAppClient({ apiKey: `${upstream.url}_openapp_${SECRET}`, org: ORG, ...extra });
const door = (extra = {}) => v1Client(extra).entities.byId(ENTITY);
const keys = () => upstream.requests.map((request) => request.headers["idempotency-key"]);
const opened = { status: 200, headers: { "x-request-id": "01J0B5D0X4F8S2G6J0K4M8Q2T6" }, body: { opened: true, idempotent_replay: false } };

describe("1.0 entity actions run once", () => {
  it("carry one generated key; a 503 is resent with that key and body, and the replay is visible", async () => {
    upstream.route("POST", OPEN, [{ status: 503, headers: { "retry-after": "0" }, body: { message: "gateway busy" } }, { ...opened, body: { opened: true, idempotent_replay: true } }]);
    const result = await door().open({ reason: "courier" });
    expect(keys()).toHaveLength(2);
    expect(keys()[0]).toMatch(UUID);
    expect(keys()[1]).toBe(keys()[0]);
    expect(upstream.requests.map((request) => request.body)).toEqual(['{"reason":"courier"}', '{"reason":"courier"}']);
    expect(result).toMatchObject({ opened: true, idempotent_replay: true, correlation_id: "01J0B5D0X4F8S2G6J0K4M8Q2T6" });
  });

  it("use the caller's key and correlation id", async () => {
    upstream.route("POST", OPEN, [opened]);
    await door().open(undefined, { idempotencyKey: "courier-2024-06-01-0001", correlationId: "ticket-4711" });
    expect(upstream.requests[0]?.headers).toMatchObject({ "idempotency-key": "courier-2024-06-01-0001", "x-correlation-id": "ticket-4711" });
  });

  it("refuse a key reused for another body with IdempotencyConflictError, sent once", async () => {
    upstream.route("POST", OPEN, [{ status: 409, body: { message: "key used for another request", error_code: "idempotency_key_conflict", correlation_id: "c-77" } }]);
    const error = await door().open({ reason: "x" }, { idempotencyKey: "k-1" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ correlationId: "c-77" });
    expect(upstream.requests).toHaveLength(1);
  });

  it("wait out the provider's minimum interval and resend once, then fail with ActionIntervalError", async () => {
    const tooSoon = { status: 429, body: { message: "minimum interval between opens", error_code: "min_interval", min_interval_ms: 20 } };
    upstream.route("POST", OPEN, [tooSoon, tooSoon, opened]);
    const error = await door({ maxRetries: 5 }).open().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ActionIntervalError);
    expect(error).toMatchObject({ status: 429, intervalMs: 20 });
    expect(upstream.requests).toHaveLength(2);
    expect(new Set(keys()).size).toBe(1);
  });
});

describe("1.0 preview and confirmation", () => {
  const preview = { allowed: true, requires_confirmation: true, preview_token: PREVIEW_TOKEN, correlation_id: "c-1" };

  it("confirm: previews, asks with the preview, then runs with X-OpenApp-Confirm and the identical body", async () => {
    upstream.route("POST", PREVIEW, [{ body: preview }]);
    upstream.route("POST", OPEN, [opened]);
    const body: Record<string, unknown> = { reason: "visitor at the gate" };
    const ask = vi.fn(async (seen: object) => {
      body.reason = "changed while asking";
      expect(JSON.stringify(seen)).not.toContain(PREVIEW_TOKEN);
      expect(inspect(seen)).not.toContain(PREVIEW_TOKEN);
      return true;
    });
    await door().open(body, { confirm: ask });
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ allowed: true, requires_confirmation: true }));
    const [previewed, executed] = upstream.requests;
    expect(previewed?.path).toBe(PREVIEW);
    expect(previewed?.headers["idempotency-key"]).toBeUndefined();
    expect(executed?.headers["x-openapp-confirm"]).toBe(PREVIEW_TOKEN);
    expect(executed?.body).toBe(previewed?.body);
    expect(executed?.body).toBe('{"reason":"visitor at the gate"}');
  });

  it("confirm answering false sends nothing but the preview", async () => {
    upstream.route("POST", PREVIEW, [{ body: preview }]);
    await expect(door().open({}, { confirm: () => false })).rejects.toBeInstanceOf(ConfirmationDeclinedError);
    expect(upstream.requests.map((request) => request.path)).toEqual([PREVIEW]);
  });

  it("without confirm, a step-up policy is a ConfirmationRequiredError whose token confirms later and shows nowhere", async () => {
    const required = { status: 409, body: { message: "step-up confirmation required", error_code: "confirmation_required", preview_token: PREVIEW_TOKEN } };
    upstream.route("POST", OPEN, [required, opened]);
    const logged: string[] = [];
    const logger = { debug: (...args: unknown[]) => logged.push(inspect(args)), info: () => undefined, warn: () => undefined, error: () => undefined };
    const handle = door({ logger });
    const error = (await handle.open({ reason: "late" }).catch((caught: unknown) => caught)) as ConfirmationRequiredError;
    expect(error).toBeInstanceOf(ConfirmationRequiredError);
    expect(error.previewToken).toBe(PREVIEW_TOKEN);
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 5 }), JSON.stringify(error.body), logged.join("\n")]) {
      expect(view).not.toContain(PREVIEW_TOKEN);
    }
    await handle.open({ reason: "late" }, { previewToken: error.previewToken });
    expect(upstream.requests[1]?.headers["x-openapp-confirm"]).toBe(PREVIEW_TOKEN);
    expect(upstream.requests[1]?.body).toBe(upstream.requests[0]?.body);
  });

  it("preview() hands the token on for a later confirmation", async () => {
    upstream.route("POST", PREVIEW, [{ body: preview }]);
    upstream.route("POST", OPEN, [opened]);
    const client = v1Client();
    const seen = await client.entities.preview(ENTITY, "switchable.open", {});
    expect(seen).toMatchObject({ allowed: true, requires_confirmation: true });
    expect(Object.keys(seen)).not.toContain("preview_token");
    await client.entityActions.execute(ENTITY, "switchable.open", {}, { previewToken: seen.preview_token ?? undefined });
    expect(upstream.requests[1]?.headers["x-openapp-confirm"]).toBe(PREVIEW_TOKEN);
  });

  it.each([
    ["confirm and previewToken together", { confirm: () => true, previewToken: PREVIEW_TOKEN }, /either confirm .* or previewToken/],
    ["a confirm that is not a function", { confirm: true }, /option confirm must be a function/],
    ["a previewToken with a line break", { previewToken: "a\nb" }, /option previewToken must be the non-empty token/],
  ])("%s is a ConfigError before any request", async (_, options, message) => {
    await expect(door().open({}, options as never)).rejects.toThrow(message);
    expect(upstream.requests).toHaveLength(0);
  });

  it("a 0.1 client asked to confirm is a ConfigError naming the fix, before any request", async () => {
    const client = new OpenAppClient({ apiKey: `${upstream.url}${API}_openapp_${SECRET}`, org: ORG });
    await expect(client.entities.byId(ENTITY).open({}, { confirm: () => true })).rejects.toThrow(ConfigError);
    await expect(client.entities.preview(ENTITY, "switchable.open")).rejects.toThrow(/needs the OpenApp 1\.0 API: use a 1\.0 API key/);
    expect(upstream.requests).toHaveLength(0);
  });
});
