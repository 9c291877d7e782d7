import { type IncomingMessage, type Server, type ServerResponse, createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";

/** One request as the server saw it: counted when its head arrived, body filled in once read. */
export interface Seen {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

type Headers = Record<string, string | string[]>;

/**
 * What the server does with one request. Every misbehaviour a network or a proxy shows:
 * a plain answer (the conformance server's `{ status, headers, body }` shape fits), a socket
 * destroyed after or before the request body, no answer at all, a body cut, stalled, dripped
 * or enormous.
 */
export type Fault =
  | { status?: number; headers?: Headers; body?: unknown }
  /** Reads the whole request, then destroys the socket: the request may have run. */
  | { destroy: "after-body" }
  /** Resets the connection (TCP RST) as soon as the head arrived, before reading the body. */
  | { destroy: "before-body" }
  /** Reads the request and never writes a byte. */
  | { hang: true }
  /** Sends the head (Content-Length of the whole body) and `sendBytes` of it, then drops or stalls. */
  | { status: number; headers?: Headers; body: string; sendBytes: number; then: "drop" | "stall" }
  /** Sends the head at once, then the body one byte every `intervalMs`. */
  | { status: number; headers?: Headers; body: string; drip: { intervalMs: number } }
  /** Streams `bytes` bytes (prefix, filler, suffix) chunked, with back-pressure; no Content-Length. */
  | { status: number; headers?: Headers; large: { bytes: number; prefix: string; filler: string; suffix: string } };

export type Responder = Fault | ((request: Seen) => Fault);

export interface TlsIdentity {
  key: string;
  cert: string;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/**
 * A scriptable `node:http` or `node:https` server on 127.0.0.1, port 0. Routes answer from
 * their script in order (the last fault repeats); every request is counted by method + path the
 * moment its head arrives. `close()` destroys every socket and clears every timer.
 */
export class FaultServer {
  readonly requests: Seen[] = [];
  readonly #routes = new Map<string, { replies: Responder[]; next: number }>();
  readonly #waiters: { route: string; n: number; resolve: (seen: Seen) => void }[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #server: Server;
  #fallback: Responder = (seen) => ({ status: 404, body: { message: `no scripted route for ${seen.method} ${seen.path}` } });
  #origin = "";
  #closed = false;

  private constructor(tls: TlsIdentity | undefined) {
    const handler = (req: IncomingMessage, res: ServerResponse) => this.#handle(req, res);
    this.#server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
    // TLS handshakes that fail (hostname mismatch) are the client's business; keep the server quiet.
    this.#server.on("tlsClientError", () => undefined);
    this.#server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(options: { tls?: TlsIdentity } = {}): Promise<FaultServer> {
    const server = new FaultServer(options.tls);
    await new Promise<void>((resolve, reject) => {
      server.#server.once("error", reject);
      server.#server.listen(0, "127.0.0.1", () => resolve());
    });
    const scheme = options.tls ? "https" : "http";
    server.#origin = `${scheme}://127.0.0.1:${(server.#server.address() as AddressInfo).port}`;
    return server;
  }

  get origin(): string {
    return this.#origin;
  }

  get port(): number {
    return Number(new URL(this.#origin).port);
  }

  on(method: string, path: string, ...replies: Responder[]): this {
    if (replies.length === 0) throw new Error(`route ${method} ${path} needs a reply`);
    this.#routes.set(routeKey(method, path), { replies, next: 0 });
    return this;
  }

  otherwise(responder: Responder): this {
    this.#fallback = responder;
    return this;
  }

  count(method?: string, path?: string): number {
    if (method === undefined || path === undefined) return this.requests.length;
    const route = routeKey(method, path);
    return this.requests.filter((r) => routeKey(r.method, r.path) === route).length;
  }

  /** Resolves once the `n`th request for this route has arrived. */
  received(method: string, path: string, n = 1): Promise<Seen> {
    const route = routeKey(method, path);
    const seen = this.requests.filter((r) => routeKey(r.method, r.path) === route);
    if (seen.length >= n) return Promise.resolve(seen[n - 1] as Seen);
    return new Promise((resolve) => this.#waiters.push({ route, n, resolve }));
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

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const seen: Seen = { method: req.method ?? "GET", path: url.pathname, url: req.url ?? "/", headers, body: "" };
    this.requests.push(seen);
    const route = routeKey(seen.method, seen.path);
    const script = this.#routes.get(route);
    let responder: Responder = this.#fallback;
    if (script) {
      responder = script.replies[Math.min(script.next, script.replies.length - 1)] as Responder;
      script.next += 1;
    }
    const count = this.count(seen.method, seen.path);
    for (const waiter of [...this.#waiters]) {
      if (waiter.route === route && count >= waiter.n) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(seen);
      }
    }
    // The reset-before-body fault decides on the head alone (a function responder sees no body).
    if (typeof responder !== "function" && "destroy" in responder && responder.destroy === "before-body") {
      this.#reset(req);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => undefined);
    req.on("end", () => {
      seen.body = Buffer.concat(chunks).toString("utf8");
      let fault: Fault;
      try {
        fault = typeof responder === "function" ? responder(seen) : responder;
      } catch (error) {
        fault = { status: 500, body: { message: `scripted responder failed: ${String(error)}` } };
      }
      this.#perform(fault, req, res);
    });
  }

  #perform(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    if (this.#closed) return;
    res.on("error", () => undefined);
    if ("destroy" in fault) {
      if (fault.destroy === "before-body") this.#reset(req);
      else req.socket.destroy();
      return;
    }
    if ("hang" in fault) return; // close() destroys the socket
    if ("sendBytes" in fault) {
      const bytes = Buffer.from(fault.body);
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers, "content-length": String(bytes.byteLength) });
      res.write(bytes.subarray(0, fault.sendBytes));
      // Let the partial body leave before the drop, so the client sees a cut body, not a reset head.
      if (fault.then === "drop") this.#later(20, () => req.socket.destroy());
      return;
    }
    if ("drip" in fault) {
      const bytes = Buffer.from(fault.body);
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers, "content-length": String(bytes.byteLength) });
      let at = 0;
      const step = () => {
        if (at >= bytes.byteLength || res.destroyed) return;
        res.write(bytes.subarray(at, at + 1));
        at += 1;
        this.#later(fault.drip.intervalMs, step);
      };
      step();
      return;
    }
    if ("large" in fault) {
      this.#stream(fault, res);
      return;
    }
    const { payload, isText } = encode(fault.body);
    const headers: Headers = { ...fault.headers };
    if (payload.byteLength > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = isText ? "text/plain; charset=utf-8" : "application/json";
    }
    res.writeHead(fault.status ?? 200, headers);
    res.end(payload);
  }

  /** Writes a large body chunk by chunk, waiting for `drain`, and stops when the client goes away. */
  #stream(fault: Extract<Fault, { large: unknown }>, res: ServerResponse): void {
    const { bytes, prefix, filler, suffix } = fault.large;
    res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
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

/** A port on 127.0.0.1 that was just listened on and closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
