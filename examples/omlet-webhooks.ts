/**
 * Minimal Omlet webhook handlers for three kinds of servers. Omlet POSTs JSON (flat, or under
 * `payload`); the portal token may come in the body, `Authorization: Bearer`, `X-Omlet-Token`
 * or `?token=` in the URL — pass what your server gives you and parseWebhookEvent finds it.
 * Answer 200 `ok` quickly: repeated 401s can make Omlet pause the webhook.
 */
import { once } from "node:events";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type OmletWebhookEvent, ValidationError, parseWebhookEvent } from "@openapp/omlet";

const expectedToken = process.env.OMLET_WEBHOOK_TOKEN ?? "tour-webhook-token-0001";

/** Node's http module: `req.url` is the path with its query. */
export function nodeHandler(onEvent: (event: OmletWebhookEvent) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      onEvent(parseWebhookEvent(Buffer.concat(chunks), { expectedToken, headers: req.headers, url: req.url }));
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    } catch (error) {
      res.writeHead(error instanceof ValidationError ? 400 : 500).end();
    }
  };
}

/** Express-style (`app.post("/hooks/omlet", express.json(), handler)`): body, headers and query already parsed. */
export function expressHandler(onEvent: (event: OmletWebhookEvent) => void) {
  return (
    req: { body: unknown; headers: Record<string, string | string[] | undefined>; query: Record<string, unknown> },
    res: { status(code: number): { send(body: string): void } },
  ): void => {
    try {
      onEvent(parseWebhookEvent(req.body, { expectedToken, headers: req.headers, query: req.query }));
      res.status(200).send("ok");
    } catch {
      res.status(400).send("bad webhook");
    }
  };
}

/** fetch-style servers (Deno, Bun, Cloudflare Workers, Hono, Next.js route handlers). */
export function fetchHandler(onEvent: (event: OmletWebhookEvent) => void) {
  return async (request: Request): Promise<Response> => {
    try {
      onEvent(parseWebhookEvent(await request.text(), { expectedToken, headers: request.headers, url: request.url }));
      return new Response("ok", { headers: { "content-type": "text/plain" } });
    } catch {
      return new Response("bad webhook", { status: 400 });
    }
  };
}

const sample = { deviceId: "Hq3vKd81ZsPwT0bN", parameterSetName: "door", parameterName: "state", oldValue: "closed", newValue: "open" };

export async function webhooksTour(): Promise<void> {
  const seen = (via: string) => (event: OmletWebhookEvent) => console.log(`webhook via ${via}: ${event.deviceId} ${event.parameterName} → ${String(event.newValue)}`);

  const answer = await fetchHandler(seen("fetch"))(
    new Request(`https://coop.example.org/hooks/omlet?token=${expectedToken}`, { method: "POST", body: JSON.stringify({ payload: sample }) }),
  );
  console.log(`  fetch handler answered ${answer.status} ${await answer.text()}`);

  expressHandler(seen("express"))(
    { body: sample, headers: { authorization: `Bearer ${expectedToken}` }, query: {} },
    { status: (code) => ({ send: (body) => console.log(`  express handler answered ${code} ${body}`) }) },
  );

  // A real Node server on loopback, stopped right after one request.
  const server = createServer(nodeHandler(seen("node http")));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const { port } = server.address() as AddressInfo;
    const wrong = await fetch(`http://127.0.0.1:${port}/hooks/omlet?token=guess`, { method: "POST", body: JSON.stringify(sample) });
    const right = await fetch(`http://127.0.0.1:${port}/hooks/omlet?token=${expectedToken}`, { method: "POST", body: JSON.stringify(sample) });
    console.log(`  node handler answered ${wrong.status} to a wrong token, ${right.status} ${await right.text()} to the right one`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
