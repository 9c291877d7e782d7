import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON; strings as they are. */
  body?: unknown;
}

export type UpstreamHandler = (request: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>;

export interface Upstream {
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /**
   * Scripts the answers for one route: each request takes the next response;
   * the last one repeats. A function answers every request.
   */
  route(method: string, path: string, responses: ScriptedResponse[] | UpstreamHandler): Upstream;
  stop(): Promise<void>;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** The whole body of a request to a test server, as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function record(request: IncomingMessage): Promise<RecordedRequest> {
  const url = new URL(request.url ?? "/", "http://upstream.invalid");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: request.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body: await readBody(request) };
}

function send(response: ServerResponse, scripted: ScriptedResponse) {
  const isText = typeof scripted.body === "string";
  const payload = scripted.body === undefined ? "" : isText ? (scripted.body as string) : JSON.stringify(scripted.body);
  const headers: Record<string, string> = { ...scripted.headers };
  if (payload && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["content-type"] = isText ? "text/plain" : "application/json";
  }
  response.writeHead(scripted.status ?? 200, headers);
  response.end(payload);
}

/** A scriptable HTTP server on 127.0.0.1, for scenario tests (usually behind `prism proxy`). */
export async function startUpstream(fallback?: UpstreamHandler): Promise<Upstream> {
  const routes = new Map<string, UpstreamHandler>();
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    try {
      const recorded = await record(req);
      requests.push(recorded);
      const handler = routes.get(routeKey(recorded.method, recorded.path)) ?? fallback;
      const scripted = handler
        ? await handler(recorded)
        : { status: 404, body: { message: `no scripted route for ${recorded.method} ${recorded.path}` } };
      send(res, scripted);
    } catch (error) {
      send(res, { status: 500, body: { message: String(error) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const upstream: Upstream = {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(method, path, responses) {
      if (typeof responses === "function") {
        routes.set(routeKey(method, path), responses);
        return upstream;
      }
      if (responses.length === 0) throw new Error(`route ${method} ${path} needs at least one response`);
      let next = 0;
      routes.set(routeKey(method, path), () => responses[Math.min(next++, responses.length - 1)] as ScriptedResponse);
      return upstream;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return upstream;
}
