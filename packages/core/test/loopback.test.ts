import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerAuth, ConnectionError, NotFoundError, serializeBody, serializePath, serializeQuery, Transport } from "../src/index.js";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on loopback, so headers are checked as they arrive on the wire. */
describe("Transport over a real loopback socket", () => {
  const received: Received[] = [];
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        const notFound = request.url!.startsWith("/devices/missing");
        response.writeHead(notFound ? 404 : 200, { "content-type": "application/json", "x-request-id": "req_loop" });
        response.end(notFound ? '{"message":"Device not found","error_code":"not_found"}' : '{"items":[],"total":0}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("puts auth and middleware headers on the wire through openapi-fetch", async () => {
    const transport = new Transport({
      auth: bearerAuth("https://api.test_openapp_loopbackSecret"),
      middleware: [
        (request, next) => {
          request.headers.set("x-org", "org_from_middleware");
          return next(request);
        },
      ],
    });
    const raw = createClient<Record<string, never>>({
      baseUrl: origin,
      fetch: transport.fetch,
      querySerializer: serializeQuery,
      pathSerializer: serializePath,
      bodySerializer: serializeBody,
    });
    const client = raw as unknown as {
      GET(path: string, init: object): Promise<{ data?: unknown; response: Response }>;
      POST(path: string, init: object): Promise<{ data?: unknown; response: Response }>;
    };
    const { data } = await client.GET("/orgs/{id}/devices", {
      params: {
        path: { id: "org/1" },
        query: { output_options: { include_deleted: false, include_metadata: true, only_deleted: false }, pagination: { limit: 50, offset: 0 } },
      },
    });
    expect(data).toEqual({ items: [], total: 0 });
    const seen = received.at(-1)!;
    expect(seen.url).toBe("/orgs/org%2F1/devices?include_deleted=false&include_metadata=true&only_deleted=false&limit=50&offset=0");
    expect(seen.headers.authorization).toBe("Bearer https://api.test_openapp_loopbackSecret");
    expect(seen.headers["x-org"]).toBe("org_from_middleware");
  });

  it("sends per-call options through fetchWith, and throws typed errors that openapi-fetch passes on", async () => {
    const transport = new Transport({ correlationHeader: "X-Correlation-Id", onIgnoredIdempotencyKey: () => undefined });
    const raw = createClient<Record<string, never>>({ baseUrl: origin, pathSerializer: serializePath }) as unknown as {
      POST(path: string, init: object): Promise<unknown>;
      GET(path: string, init: object): Promise<unknown>;
    };
    await raw.POST("/entities/{id}/actions/{action_id}", {
      params: { path: { id: "ent_1", action_id: "switchable.open" } },
      body: {},
      fetch: transport.fetchWith({ idempotencyKey: "open-ent_1-0001", correlationId: "job-7/step-2", headers: { "x-org": "org_5" } }),
    });
    const seen = received.at(-1)!;
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/entities/ent_1/actions/switchable.open");
    // A raw call names no operation the API deduplicates: the key is never sent.
    expect(seen.headers["idempotency-key"]).toBeUndefined();
    expect(seen.headers["x-correlation-id"]).toBe("job-7/step-2");
    expect(seen.headers["x-org"]).toBe("org_5");
    expect(seen.body).toBe("{}");

    const error = await raw.GET("/devices/{id}", { params: { path: { id: "missing" } }, fetch: transport.fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "not_found", requestId: "req_loop", correlationId: "req_loop" });
  });

  it("reports a refused connection as never sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await new Transport({ maxRetries: 0 }).fetch(`http://127.0.0.1:${port}/status`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", neverSent: true });
  });
});
