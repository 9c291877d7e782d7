import { describe, expect, it } from "vitest";
import { maskKnownSecrets, redactHeaders, redactJson, redactSecret, redactText, redactUrl } from "../src/index.js";

describe("redaction", () => {
  it("keeps at most the last 4 characters of a long secret", () => {
    expect(redactSecret("sk_live_0123456789abcd")).toBe("***abcd");
    expect(redactSecret("short")).toBe("***");
  });

  it("masks credential query parameters and user info but keeps the rest of the URL", () => {
    expect(redactUrl("https://user:pw@api.test/a?limit=5&api_key=k1&access_token=t1&jwt=x.y.z")).toBe(
      "https://***:***@api.test/a?limit=5&api_key=***&access_token=***&jwt=***",
    );
    expect(redactUrl("https://api.test/devices/io%3A%2F%2F1")).toBe("https://api.test/devices/io%3A%2F%2F1");
  });

  it("masks credential headers", () => {
    const headers = new Headers({ Authorization: "Bearer abc", Cookie: "JSESSIONID=1", "X-API-Key": "k", Accept: "application/json" });
    expect(redactHeaders(headers)).toEqual({ authorization: "***", cookie: "***", "x-api-key": "***", accept: "application/json" });
  });

  it("masks credential fields at any depth of a JSON body", () => {
    expect(redactJson({ user: { email: "a@b.test", password: "hunter2" }, items: [{ refresh_token: "r" }], total: 1 })).toEqual({
      user: { email: "a@b.test", password: "***" },
      items: [{ refresh_token: "***" }],
      total: 1,
    });
  });

  it("masks bearer tokens, key=value credentials and known secrets in free text", () => {
    const text = "Authorization: Bearer eyJhbGciOi.payload.sig failed; password=hunter2 sessionid=xyz key sk_live_0123456789abcd";
    const redacted = redactText(text, ["sk_live_0123456789abcd"]);
    expect(redacted).not.toMatch(/eyJhbGciOi|hunter2|xyz|sk_live_0123456789/);
    expect(redacted).toContain("***abcd");
    expect(redacted).toContain("Bearer ***");
  });
});

describe("short known secrets", () => {
  it("are masked where they stand alone but never inside other words", () => {
    expect(maskKnownSecrets("RESOURCE_ACCESS_DENIED for session A", ["A"])).toBe("RESOURCE_ACCESS_DENIED for session ***");
    expect(maskKnownSecrets("pin=1234;", ["1234"])).toBe("pin=***;");
  });

  it("long secrets are masked wherever they appear", () => {
    expect(maskKnownSecrets("prefix-s3cr3tValue99-suffix", ["s3cr3tValue99"])).toBe("prefix-***ue99-suffix");
  });
});
