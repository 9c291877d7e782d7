import { describe, expect, it } from "vitest";
import { ApiError, AuthenticationError, BadRequestError, ConflictError, InternalServerError, NotFoundError, PermissionDeniedError, RateLimitError, SdkError, UnprocessableEntityError } from "../src/index.js";
import { createApiError } from "../src/errors.js";

const init = (status: number) => ({ status, message: "m", method: "GET", url: "https://api.test/x", retryAfterMs: 2000 });

describe("createApiError", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])("maps %i to %o", (status, ErrorClass) => {
    const error = createApiError(init(status));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error.name).toBe(ErrorClass.name);
  });

  it("keeps other statuses as a plain ApiError", () => {
    const error = createApiError(init(418));
    expect(error.constructor).toBe(ApiError);
  });

  it("exposes retryAfterMs only on RateLimitError", () => {
    expect((createApiError(init(429)) as RateLimitError).retryAfterMs).toBe(2000);
    expect("retryAfterMs" in createApiError(init(503))).toBe(false);
  });
});
