import { describe, expect, it } from "vitest";
import { ApiError, ConnectionError, TimeoutError } from "../src/index.js";
import { backoffDelay, parseRetryAfter, retryDelay, shouldRetry } from "../src/retry.js";
import { createApiError } from "../src/errors.js";

const apiError = (status: number): ApiError => createApiError({ status, message: "x", method: "GET", url: "https://api.test/" });

describe("parseRetryAfter", () => {
  it("reads delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("7")).toBe(7_000);
    expect(parseRetryAfter("1.5")).toBe(1_500);
    expect(parseRetryAfter("Wed, 21 Oct 2025 07:28:30 GMT", Date.parse("2025-10-21T07:28:00Z"))).toBe(30_000);
  });

  it("treats past dates as zero and garbage as absent", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2025-10-21T07:28:00Z"))).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("-3")).toBeUndefined();
  });
});

describe("backoff", () => {
  it("doubles from 0.5 s and caps at 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("shortens by at most 25 % through jitter", () => {
    expect(backoffDelay(2, () => 1)).toBe(1500);
    expect(backoffDelay(2, () => 0.5)).toBe(1750);
  });

  it("prefers a sane Retry-After over backoff, and has no delay for one past the cap", () => {
    expect(retryDelay(0, 12_000, () => 0)).toBe(12_000);
    expect(retryDelay(0, 60_001, () => 0)).toBeUndefined();
    expect(retryDelay(3, undefined, () => 0)).toBe(4000);
  });
});

describe("shouldRetry", () => {
  const get = { method: "GET", hasIdempotencyKey: false };
  const post = { method: "POST", hasIdempotencyKey: false };
  const patchWithKey = { method: "PATCH", hasIdempotencyKey: true };

  it.each([408, 425, 429, 500, 502, 503, 504])("retries status %i on idempotent methods", (status) => {
    expect(shouldRetry(apiError(status), get)).toBe(true);
    expect(shouldRetry(apiError(status), { method: "DELETE", hasIdempotencyKey: false })).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])("never retries status %i", (status) => {
    expect(shouldRetry(apiError(status), get)).toBe(false);
  });

  it("retries POST only when the request provably never left, or with an idempotency key", () => {
    expect(shouldRetry(apiError(503), post)).toBe(false);
    expect(shouldRetry(new TimeoutError(1000), post)).toBe(false);
    expect(shouldRetry(new ConnectionError("reset", { code: "ECONNRESET" }), post)).toBe(false);
    expect(shouldRetry(new ConnectionError("refused", { code: "ECONNREFUSED", neverSent: true }), post)).toBe(true);
    expect(shouldRetry(apiError(503), patchWithKey)).toBe(true);
    expect(shouldRetry(new TimeoutError(1000), patchWithKey)).toBe(true);
  });

  it("does not retry unknown errors", () => {
    expect(shouldRetry(new Error("bug"), get)).toBe(false);
  });
});
