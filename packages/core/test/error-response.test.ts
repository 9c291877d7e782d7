import { describe, expect, it } from "vitest";
import { type ApiError, errorFromResponse, InternalServerError } from "../src/index.js";
import { MAX_ERROR_BODY_BYTES } from "../src/error-response.js";
import { stripTags, textSnippet } from "../src/snippet.js";

const context = { method: "GET", url: "https://api.test/devices", secrets: [] as string[] };
const MiB = 1 << 20;

function htmlPage(bytes: number, filler = "a"): string {
  const head = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>";
  const tail = "</p></body></html>";
  return head + filler.repeat(Math.ceil((bytes - head.length - tail.length) / filler.length)) + tail;
}

describe("errorFromResponse on large non-JSON bodies", () => {
  // Minutes of CPU before redaction was linear; no timer here, bench/ measures it.
  it.each([
    ["1 MiB of one word", htmlPage(MiB)],
    ["1 MiB of credential words", htmlPage(MiB, "token")],
    ["1 MiB of unclosed tags", `<h1>502 Bad Gateway</h1>${"<".repeat(MiB)}`],
    ["1 MiB of unclosed scripts", `<h1>502 Bad Gateway</h1>${"<script".repeat(MiB / 7)}`],
  ])("gives a typed error with a short snippet for %s", async (_, page) => {
    const error = await errorFromResponse(new Response(page, { status: 502, headers: { "content-type": "text/html" } }), context);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toContain("502 Bad Gateway");
    expect(String(error.body).length).toBeLessThanOrEqual(200);
  });

  it("reads an error body only up to its cap and cancels the rest", async () => {
    const stats = { pulls: 0, cancelled: false };
    const chunk = new TextEncoder().encode("<p>Service Unavailable</p>".padEnd(1024, " "));
    const endless = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          stats.pulls++;
          controller.enqueue(chunk);
        },
        cancel: () => {
          stats.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    let text = "";
    const error = await errorFromResponse(new Response(endless, { status: 503 }), { ...context, mapError: (init) => ((text = init.text ?? ""), undefined) });
    expect(error.message).toContain("Service Unavailable");
    expect(text.length).toBe(MAX_ERROR_BODY_BYTES);
    expect(stats.pulls).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES / 1024 + 2);
    expect(stats.cancelled).toBe(true);
  });
});

describe("errorFromResponse redaction", () => {
  const token = "tok_9f8e7d6c5b4a3210";
  const apiKey = "https://api.test_openapp_s3cr3tKeyValue9876";

  it("masks known secrets in response header values, not only by header name", async () => {
    const response = new Response("{}", {
      status: 401,
      headers: { location: `https://api.test/login?next=${token}`, "x-echo": `seen ${token}`, "set-cookie": "JSESSIONID=abc" },
    });
    const error = await errorFromResponse(response, { ...context, secrets: [token] });
    expect(error.headers.get("location")).toBe("https://api.test/login?next=***");
    expect(error.headers.get("x-echo")).toBe("seen ***");
    expect(error.headers.get("set-cookie")).toBe("***");
  });

  it("shows nothing of a bearer token and at most 4 characters of an API key", async () => {
    const body = { message: `Bad header Authorization: Bearer ${token}; key ${apiKey}`, debug: { sent: `Bearer ${token}` } };
    const error = (await errorFromResponse(new Response(JSON.stringify(body), { status: 401 }), {
      ...context,
      secrets: [token, { value: apiKey, showSuffix: true }],
    })) as ApiError;
    const everything = `${error.message} ${JSON.stringify(error.body)}`;
    expect(everything).not.toContain("9f8e7d6c");
    expect(everything).not.toContain("3210");
    expect(everything).not.toContain("s3cr3tKeyValue");
    expect(error.message).toContain("Authorization: Bearer ***;");
    expect(error.message).toContain("key ***9876");
    expect(error.body).toEqual({ message: "Bad header Authorization: Bearer ***; key ***9876", debug: { sent: "Bearer ***" } });
  });

  it("masks credential pairs a server echoes inside JSON strings", async () => {
    const body = { error: "bad_request", request: "userId=a&userPassword=hunter2", debug: "Authorization: Bearer abc.def" };
    const error = await errorFromResponse(new Response(JSON.stringify(body), { status: 400 }), context);
    expect(error.body).toEqual({ error: "bad_request", request: "userId=a&userPassword=***", debug: "Authorization: Bearer ***" });
  });

  it("does not let a one-character session id mangle an error code", async () => {
    const body = { errorCode: "RESOURCE_ACCESS_DENIED", error: "Access denied to gateway A" };
    const error = await errorFromResponse(new Response(JSON.stringify(body), { status: 403 }), { ...context, secrets: ["A"] });
    expect(error.code).toBe("RESOURCE_ACCESS_DENIED");
    expect(error.body).toEqual({ errorCode: "RESOURCE_ACCESS_DENIED", error: "Access denied to gateway ***" });
  });
});

describe("text snippets", () => {
  const oldStrip = (text: string) => text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, " ");

  it("strip tags exactly like the regexes they replace", () => {
    const alphabet = ["<", ">", "/", "script", "SCRIPT", "style", "</script>", "</STYLE>", "a", " ", "\n", "p"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let run = 0; run < 3000; run++) {
      const text = Array.from({ length: Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      expect(stripTags(text), JSON.stringify(text)).toBe(oldStrip(text));
    }
  });

  it("collapse whitespace and never split a surrogate pair at the cut", () => {
    expect(textSnippet("<p>a\n\n\t b</p>  c")).toBe("a b c");
    const snippet = textSnippet(`${"x".repeat(198)}😀😀😀`);
    expect(snippet).toBe(`${"x".repeat(198)}…`);
  });
});
