import { type IncomingMessage, type Server, type ServerResponse, createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { TlsIdentity } from "./pki.js";

/** One request as the server saw it (headers lower-cased): counted when its head arrived, body filled in once read. */
export interface Received {
  method: string;
  path: string;
  /** The request target as sent: path and query. */
  url: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

type Headers = Record<string, string | string[]>;

/**
 * What the server does with one request. A plain answer, or any misbehaviour a network or a
 * proxy shows: a socket destroyed after or before the request body, no answer at all, a late
 * answer, a body cut, stalled, dripped or enormous.
 */
export type Reply =
  | { status?: number; headers?: Headers; body?: unknown }
  /** Reads the whole request, then destroys the socket: the request may have run. */
  | { destroy: "after-body" }
  /** Resets the connection (TCP RST) as soon as the head arrived, before reading the body. */
  | { destroy: "before-body" }
  /** Reads the request and never writes a byte. */
  | { hang: true }
  /** Reads the request, waits, then does `then`. */
  | { delayMs: number; then: Reply }
  /** Sends the head (Content-Length of the whole body) and `sendBytes` of it, then drops or stalls. */
  | { status: number; headers?: Headers; body: string; sendBytes: number; then: "drop" | "stall" }
  /** Sends the head at once, then the body one byte every `intervalMs`. */
  | { status: number; headers?: Headers; body: string; drip: { intervalMs: number } }
  /** Streams `bytes` bytes (prefix, filler, suffix) chunked, with back-pressure; no Content-Length. */
  | { status: number; headers?: Headers; large: { bytes: number; prefix: string; filler: string; suffix: string } };

export type Responder = Reply | ((request: Received) => Reply);

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/**
 * A scriptable `node:http` (or, given a TLS identity, `node:https`) server on 127.0.0.1, port 0.
 * Routes answer from their script in order (the last reply repeats); every request is counted by
 * method + path the moment its head arrives (unless started with `record: false`, for load: then
 * nothing is kept per request). `close()` destroys every socket, hanging ones included, and clears
 * every timer.
 */
export class ScriptedServer {
  readonly requests: Received[] = [];
  readonly #routes = new Map<string, { replies: Responder[]; next: number }>();
  readonly #waiters: { route: string; n: number; resolve: (request: Received) => void }[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #server: Server;
  #fallback: Responder = (request) => ({ status: 404, body: { message: `no scripted route for ${request.method} ${request.path}` } });
  #origin = "";
  #closed = false;
  readonly #record: boolean;

  private constructor(tls: TlsIdentity | undefined, record: boolean) {
    this.#record = record;
    const handler = (req: IncomingMessage, res: ServerResponse) => this.#handle(req, res);
    this.#server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
    // TLS handshakes that fail (hostname mismatch) are the client's business; keep the server quiet.
    this.#server.on("tlsClientError", () => undefined);
    this.#server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(options: { tls?: TlsIdentity; record?: boolean } = {}): Promise<ScriptedServer> {
    const server = new ScriptedServer(options.tls, options.record ?? true);
    await new Promise<void>((resolve, reject) => {
      server.#server.once("error", reject);
      server.#server.listen(0, "127.0.0.1", () => resolve());
    });
    const scheme = options.tls ? "https" : "http";
    server.#origin = `${scheme}://127.0.0.1:${(server.#server.address() as AddressInfo).port}`;
    return server;
  }

  /** `http://127.0.0.1:PORT` (or `https://`), no trailing slash. */
  get origin(): string {
    return this.#origin;
  }

  get port(): number {
    return Number(new URL(this.#origin).port);
  }

  /** Scripts a route: each request takes the next reply; the last one repeats. */
  on(method: string, path: string, ...replies: Responder[]): this {
    if (replies.length === 0) throw new Error(`route ${method} ${path} needs a reply`);
    this.#routes.set(routeKey(method, path), { replies, next: 0 });
    return this;
  }

  /** What unscripted routes get (default: 404 JSON). */
  otherwise(responder: Responder): this {
    this.#fallback = responder;
    return this;
  }

  /** Requests received for one method + path, or in total. */
  count(method?: string, path?: string): number {
    if (method === undefined || path === undefined) return this.requests.length;
    const route = routeKey(method, path);
    return this.requests.filter((r) => routeKey(r.method, r.path) === route).length;
  }

  /** Resolves once the head of the `n`th request for this route has arrived. */
  received(method: string, path: string, n = 1): Promise<Received> {
    const route = routeKey(method, path);
    const seen = this.requests.filter((r) => routeKey(r.method, r.path) === route);
    if (seen.length >= n) return Promise.resolve(seen[n - 1] as Received);
    return new Promise((resolve) => this.#waiters.push({ route, n, resolve }));
  }

  /** Ends every kept-alive connection that has no request in flight; the next requests connect anew. */
  dropIdleConnections(): void {
    this.#server.closeIdleConnections();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      try {
        this.#server.close(() => resolve());
      } catch {
        // Node's idle-connection sweep can trip over a socket reset underneath TLS; it is closed anyway.
        resolve();
      }
    });
  }

  /** TCP RST. A TLS socket has no TCP handle of its own: reset the connection underneath it. */
  #reset(req: IncomingMessage): void {
    const socket = req.socket;
    const raw = [...this.#sockets].find((s) => s !== socket && s.remotePort === socket.remotePort) ?? socket;
    try {
      raw.resetAndDestroy();
    } catch {
      raw.destroy();
    }
    socket.destroy();
  }

  #later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#closed) run();
    }, ms);
    this.#timers.add(timer);
  }

  #recordRequest(received: Received, route: string): void {
    this.requests.push(received);
    const count = this.count(received.method, received.path);
    for (const waiter of [...this.#waiters]) {
      if (waiter.route === route && count >= waiter.n) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(received);
      }
    }
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const received: Received = { method: req.method ?? "GET", path: url.pathname, url: req.url ?? "/", query: url.searchParams, headers, body: "" };
    const route = routeKey(received.method, received.path);
    const script = this.#routes.get(route);
    let responder: Responder = this.#fallback;
    if (script) {
      responder = script.replies[Math.min(script.next, script.replies.length - 1)] as Responder;
      script.next += 1;
    }
    if (this.#record) this.#recordRequest(received, route);
    // The reset-before-body reply decides on the head alone (a function responder sees no body).
    if (typeof responder !== "function" && "destroy" in responder && responder.destroy === "before-body") {
      this.#reset(req);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => undefined);
    req.on("end", () => {
      received.body = Buffer.concat(chunks).toString("utf8");
      let reply: Reply;
      try {
        reply = typeof responder === "function" ? responder(received) : responder;
      } catch (error) {
        reply = { status: 500, body: { message: `scripted responder failed: ${String(error)}` } };
      }
      this.#perform(reply, req, res);
    });
  }

  #perform(reply: Reply, req: IncomingMessage, res: ServerResponse): void {
    if (this.#closed) return;
    res.on("error", () => undefined);
    if ("destroy" in reply) {
      if (reply.destroy === "before-body") this.#reset(req);
      else req.socket.destroy();
      return;
    }
    if ("hang" in reply) return; // close() destroys the socket
    if ("delayMs" in reply) {
      this.#later(reply.delayMs, () => this.#perform(reply.then, req, res));
      return;
    }
    if ("sendBytes" in reply) {
      const bytes = Buffer.from(reply.body);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers, "content-length": String(bytes.byteLength) });
      res.write(bytes.subarray(0, reply.sendBytes));
      // Let the partial body leave before the drop, so the client sees a cut body, not a reset head.
      if (reply.then === "drop") this.#later(20, () => req.socket.destroy());
      return;
    }
    if ("drip" in reply) {
      const bytes = Buffer.from(reply.body);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers, "content-length": String(bytes.byteLength) });
      let at = 0;
      const step = () => {
        if (at >= bytes.byteLength || res.destroyed) return;
        res.write(bytes.subarray(at, at + 1));
        at += 1;
        this.#later(reply.drip.intervalMs, step);
      };
      step();
      return;
    }
    if ("large" in reply) {
      this.#stream(reply, res);
      return;
    }
    const { payload, isText } = encode(reply.body);
    const headers: Headers = { ...reply.headers };
    if (payload.byteLength > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = isText ? "text/plain; charset=utf-8" : "application/json";
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(payload);
  }

  /** Writes a large body chunk by chunk, waiting for `drain`, and stops when the client goes away. */
  #stream(reply: Extract<Reply, { large: unknown }>, res: ServerResponse): void {
    const { bytes, prefix, filler, suffix } = reply.large;
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    const chunk = Buffer.from(filler.repeat(Math.ceil((64 * 1024) / filler.length)).slice(0, 64 * 1024));
    let remaining = bytes - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
    res.write(prefix);
    const pump = () => {
      while (remaining > 0 && !res.destroyed && !this.#closed) {
        const piece = remaining >= chunk.byteLength ? chunk : chunk.subarray(0, remaining);
        remaining -= piece.byteLength;
        if (!res.write(piece)) {
          res.once("drain", pump);
          return;
        }
      }
      if (!res.destroyed && !this.#closed) res.end(suffix);
    };
    pump();
  }
}

function encode(body: unknown): { payload: Buffer; isText: boolean } {
  if (body === undefined) return { payload: Buffer.alloc(0), isText: false };
  if (Buffer.isBuffer(body)) return { payload: body, isText: false };
  if (typeof body === "string") return { payload: Buffer.from(body), isText: true };
  return { payload: Buffer.from(JSON.stringify(body)), isText: false };
}

/** The whole body of a request to a hand-written test server, as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** A port on 127.0.0.1 that was just listened on and closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
