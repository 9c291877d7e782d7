import { describe, expect, it } from "vitest";
import { isSensitiveName, redactUrl } from "../src/index.js";
import { maskKnownSecrets, redactHeaders, redactJson, redactSecret, redactText } from "../src/redact.js";
import { isSensitiveQueryName, redactQueryString } from "../src/redact.js";

const API_KEY = "sk_live_0123456789abcd";

describe("redaction", () => {
  it("masks a secret entirely unless it is an API key registered to show its last 4 characters", () => {
    expect(redactSecret(API_KEY)).toBe("***");
    expect(redactSecret({ value: API_KEY })).toBe("***");
    expect(redactSecret({ value: API_KEY, showSuffix: true })).toBe("***abcd");
    expect(redactSecret({ value: "short", showSuffix: true })).toBe("***");
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
    const redacted = redactText(text, [{ value: API_KEY, showSuffix: true }]);
    expect(redacted).not.toMatch(/eyJhbGciOi|hunter2|xyz|sk_live_0123456789/);
    expect(redacted).toContain("***abcd");
    expect(redacted).toContain("Bearer ***");
  });
});

describe("query parameters", () => {
  it.each(["key", "KEY", "api_key", "apikey", "ApiKey", "token", "access_token", "password", "secret", "signature", "X-Amz-Signature", "sig"])(
    "always masks ?%s=",
    (name) => {
      expect(redactUrl(`https://api.test/a?q=doors&${name}=v4lue&limit=5`)).toBe(`https://api.test/a?q=doors&${name}=***&limit=5`);
    },
  );

  it("masks `key` in query strings but keeps a JSON field named `key` (often plain data)", () => {
    expect(isSensitiveQueryName("key")).toBe(true);
    expect(isSensitiveName("key")).toBe(false);
    expect(redactJson({ key: "open", state: { key: "core:OpenClosedState" } })).toEqual({ key: "open", state: { key: "core:OpenClosedState" } });
  });

  it("keeps the encoding of other parameters and masks credentials in the fragment too", () => {
    expect(redactUrl("https://api.test/cb?q=a%20b+c&Token=x#access_token=t0k&state=s")).toBe("https://api.test/cb?q=a%20b+c&Token=***#access_token=***&state=s");
    expect(redactQueryString("a=1&api%5Fkey=2&b")).toBe("a=1&api%5Fkey=***&b");
  });
});

describe("header values", () => {
  it("masks known secrets inside values of headers whose names look harmless", () => {
    const headers = new Headers({ location: `https://api.test/next?k=${API_KEY}`, "x-debug": "seen session A", accept: "text/html" });
    expect(redactHeaders(headers, [API_KEY, "A"])).toEqual({ location: "https://api.test/next?k=***", "x-debug": "seen session ***", accept: "text/html" });
  });
});

describe("secret kinds", () => {
  it("shows nothing of a bearer token, even right after `Bearer`", () => {
    const token = "tok_9f8e7d6c5b4a3210";
    expect(redactText(`Authorization: Bearer ${token}`, [token])).toBe("Authorization: Bearer ***");
    expect(maskKnownSecrets(`echo ${token}`, [token])).toBe("echo ***");
  });

  it("keeps the last 4 characters of an API key only where it is not a bearer credential", () => {
    const key = { value: API_KEY, showSuffix: true };
    expect(maskKnownSecrets(`Invalid key ${API_KEY}`, [key])).toBe("Invalid key ***abcd");
    expect(redactText(`Authorization: Bearer ${API_KEY}`, [key])).toBe("Authorization: Bearer ***");
  });

  it("masks a secret that contains another one as a whole", () => {
    expect(maskKnownSecrets("x abcdefgh12345678 y", ["abcdefgh", "abcdefgh12345678"])).toBe("x *** y");
  });
});

describe("text patterns inside JSON strings", () => {
  it("masks credential pairs and authorization headers echoed in nested strings", () => {
    const body = {
      request: "userId=a&userPassword=hunter2",
      debug: "Authorization: Bearer abc.def",
      nested: [{ note: 'sent {"api_key": "zz top"}' }, { echo: 'body={\\"token\\":\\"t0k\\"}' }],
      count: 3,
    };
    expect(redactJson(body)).toEqual({
      request: "userId=a&userPassword=***",
      debug: "Authorization: Bearer ***",
      nested: [{ note: 'sent {"api_key": "***"}' }, { echo: 'body={\\"token\\":\\"***\\"}' }],
      count: 3,
    });
  });

  it("leaves prose about tokens alone, so vendor messages still map to their error classes", () => {
    for (const message of ["Cannot use JSESSIONID and bearer token", "Not such token with UUID", "Token expired", "Basic authentication failed", "bearer JWT"]) {
      expect(redactJson({ errorCode: "RESOURCE_ACCESS_DENIED", error: message })).toEqual({ errorCode: "RESOURCE_ACCESS_DENIED", error: message });
    }
  });

  it("masks credentials that look like tokens after a scheme word", () => {
    expect(redactText("Basic dXNlcjpwYXNz")).toBe("Basic ***");
    expect(redactText("token 9f8e7d6c")).toBe("token ***");
    expect(redactText("x-auth-token: Bearer abc123 rest")).toBe("x-auth-token: *** rest");
    expect(redactText("password: Basic hello")).toBe("password: ***");
  });
});

describe("short known secrets", () => {
  it("are masked where they stand alone but never inside other words", () => {
    expect(maskKnownSecrets("RESOURCE_ACCESS_DENIED for session A", ["A"])).toBe("RESOURCE_ACCESS_DENIED for session ***");
    expect(maskKnownSecrets("pin=1234;", ["1234"])).toBe("pin=***;");
    expect(maskKnownSecrets("A1234 1234A x1234 1234", ["1234"])).toBe("A1234 1234A x1234 ***");
    expect(redactJson({ errorCode: "RESOURCE_ACCESS_DENIED", error: "A" }, ["A"])).toEqual({ errorCode: "RESOURCE_ACCESS_DENIED", error: "***" });
  });

  it("long secrets are masked wherever they appear", () => {
    expect(maskKnownSecrets("prefix-s3cr3tValue99-suffix", ["s3cr3tValue99"])).toBe("prefix-***-suffix");
  });
});

// No timers here (bench/ measures): these inputs take minutes to hours with a backtracking
// pattern, so a quadratic regression fails by the test timeout, and the results are checked.
describe("adversarial inputs", () => {
  const MiB = 1 << 20;

  it("a long run of word characters", () => {
    const text = "a".repeat(MiB);
    expect(redactText(text, ["aaaa", API_KEY])).toBe(text);
    expect(redactText(`${text}=secret`)).toBe(`${text}=secret`);
    expect(redactText(`${text}password=hunter2`)).toBe(`${text}password=***`);
  });

  it("a credential word repeated without a separator, then with one", () => {
    const text = "token".repeat(200_000);
    expect(redactText(text)).toBe(text);
    expect(redactText(`${text}=x`)).toBe(`${text}=***`);
    expect(redactText("token=".repeat(100_000))).toBe("token=***");
  });

  it("runs of separators, quotes and scheme words", () => {
    expect(redactText("=".repeat(MiB))).toBe("=".repeat(MiB));
    expect(redactText(`password${"=".repeat(MiB)}`)).toBe("password=***");
    // Each quoted value runs to the next quote: the second `token:` of each pair is the first one's value.
    expect(redactText('token:"'.repeat(100_000))).toBe('token:"***"'.repeat(50_000));
    expect(redactText(`token:"${"x".repeat(MiB)}`)).toBe('token:"***');
    expect(redactText(`${"Bearer ".repeat(100_000)}abc.def`)).toBe(`${"Bearer ".repeat(99_999)}Bearer ***`);
    expect(redactText(" ".repeat(MiB) + "secret")).toBe(" ".repeat(MiB) + "secret");
  });

  it("a one-character secret against a megabyte of the same character", () => {
    expect(maskKnownSecrets("A".repeat(MiB), ["A"])).toBe("A".repeat(MiB));
    expect(maskKnownSecrets("A ".repeat(MiB / 2), ["A"])).toBe("*** ".repeat(MiB / 2));
  });

  it("JSON with a huge string member", () => {
    expect(redactJson({ page: "a".repeat(MiB), list: ["token".repeat(100_000)] })).toEqual({ page: "a".repeat(MiB), list: ["token".repeat(100_000)] });
  });
});
