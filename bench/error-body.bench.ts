/** Time to turn a large non-JSON (HTML proxy) error body into a redacted ApiError. */
import { errorFromResponse } from "@openapp/core";
import { bench, describe } from "vitest";

const context = { method: "GET", url: "https://api.example.test/api/v1/devices", secrets: ["bench-token-0123456789"] };

// The worst case for the old key=value pattern: one long run of word characters.
function htmlPage(bytes: number): string {
  const head = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>";
  const tail = "</p></body></html>";
  return head + "a".repeat(bytes - head.length - tail.length) + tail;
}

const pages = { "64 KiB": htmlPage(64 * 1024), "1 MiB": htmlPage(1024 * 1024) };

for (const [size, page] of Object.entries(pages)) {
  describe(`ApiError from a ${size} HTML error body`, () => {
    bench(`bare read ${size}`, async () => {
      await new Response(page, { status: 502 }).text();
    });

    bench(`errorFromResponse ${size}`, async () => {
      await errorFromResponse(new Response(page, { status: 502, headers: { "content-type": "text/html" } }), context);
    });
  });
}
