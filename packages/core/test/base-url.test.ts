import { describe, expect, it } from "vitest";
import { ConfigError, normalizeBaseUrl } from "../src/index.js";

describe("normalizeBaseUrl", () => {
  it("accepts http(s) URLs and strips trailing slashes", () => {
    expect(normalizeBaseUrl(" https://api.openapp.example/api/v1/ ")).toBe("https://api.openapp.example/api/v1");
    expect(normalizeBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  });

  it.each(["api.openapp.example", "ftp://files.example", "https://h.example/api?token=abc", "https://h.example/#x", ""])(
    "rejects %j before any request",
    (value) => {
      expect(() => normalizeBaseUrl(value)).toThrow(ConfigError);
    },
  );

  it("does not echo credentials from a rejected URL", () => {
    const error = (() => {
      try {
        normalizeBaseUrl("not a url?password=hunter2");
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("expected a ConfigError");
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).not.toContain("hunter2");
  });
});
