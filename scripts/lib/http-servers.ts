/** Small loopback servers for the browser consumer test: static files, and a CORS proxy in front of Prism. */
import { readFile } from "node:fs/promises";
import { type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

async function listen(server: Server): Promise<LocalServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json" };

/** Serves the files of one folder (no listing, nothing outside it). */
export function startStaticServer(root: string): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path === "/" ? "index.html" : path);
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body),
      () => res.writeHead(404).end("not found"),
    );
  });
  return listen(server);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  // Credentialed requests need the exact origin, never "*".
  return origin ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" } : {};
}

/**
 * Forwards every request to `target` (Prism), removing `prefix` from the path, and answers
 * CORS itself: preflights get the requested method and headers allowed, responses lose the
 * upstream's own CORS headers (Prism's `*` forbids credentials) and get the caller's origin.
 */
export function startCorsProxy(options: { target: string; prefix?: string }): Promise<LocalServer> {
  const target = new URL(options.target);
  const prefix = options.prefix ?? "";
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.writeHead(204, {
        ...corsHeaders(req),
        "access-control-allow-methods": String(req.headers["access-control-request-method"]),
        "access-control-allow-headers": String(req.headers["access-control-request-headers"] ?? ""),
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    const path = req.url ?? "/";
    if (!path.startsWith(prefix)) {
      res.writeHead(404, corsHeaders(req)).end(`outside ${prefix}`);
      return;
    }
    const { origin: _origin, referer: _referer, host: _host, ...headers } = req.headers;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: path.slice(prefix.length) || "/", headers },
      (answer) => {
        const kept = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith("access-control-")));
        res.writeHead(answer.statusCode ?? 502, { ...kept, ...corsHeaders(req), "access-control-expose-headers": "x-request-id, retry-after" });
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => res.writeHead(502, corsHeaders(req)).end(String(error)));
    req.pipe(upstream);
  });
  return listen(server);
}
