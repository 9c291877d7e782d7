import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server read it (headers lower-cased, body fully read). */
export interface Received {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * What the server does with one request, after reading it completely:
 * answer, destroy the socket (the request may have run), never answer, or answer late.
 */
export type Reply =
  | { status?: number; headers?: Record<string, string | string[]>; body?: unknown }
  | { destroy: true }
  | { hang: true }
  | { delayMs: number; then: Reply };

export type Responder = Reply | ((request: Received) => Reply);

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface Waiter {
  route: string;
  n: number;
  resolve: (request: Received) => void;
}

/**
 * A scriptable `node:http` server on 127.0.0.1, port 0. Each route answers from its script in
 * order (the last reply repeats); requests are counted per method + path. `close()` destroys
 * every socket, hanging ones included, and clears pending delays.
 */
export class ScriptedServer {
  readonly requests: Received[] = [];
  readonly #routes = new Map<string, { replies: Responder[]; next: number }>();
  readonly #waiters: Waiter[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #server: Server;
  #fallback: Responder = (request) => ({ status: 404, body: { message: `no scripted route for ${request.method} ${request.path}` } });
  #origin = "";
  #closed = false;

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(): Promise<ScriptedServer> {
    const server = new ScriptedServer();
    await new Promise<void>((resolve, reject) => {
      server.#server.once("error", reject);
      server.#server.listen(0, "127.0.0.1", () => resolve());
    });
    server.#origin = `http://127.0.0.1:${(server.#server.address() as AddressInfo).port}`;
    return server;
  }

  /** `http://127.0.0.1:PORT`, no trailing slash. */
  get origin(): string {
    return this.#origin;
  }

  /** Scripts a route: each request takes the next reply; the last one repeats. */
  on(method: string, path: string, ...replies: Responder[]): this {
    if (replies.length === 0) throw new Error(`route ${method} ${path} needs a reply`);
    this.#routes.set(key(method, path), { replies, next: 0 });
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
    return this.requests.filter((r) => key(r.method, r.path) === key(method, path)).length;
  }

  /** Resolves once the server has read the `n`th request for this route. */
  received(method: string, path: string, n = 1): Promise<Received> {
    const route = key(method, path);
    const seen = this.requests.filter((r) => key(r.method, r.path) === route);
    if (seen.length >= n) return Promise.resolve(seen[n - 1] as Received);
    return new Promise((resolve) => this.#waiters.push({ route, n, resolve }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const received = await read(req);
    if (!received) return;
    this.requests.push(received);
    const route = key(received.method, received.path);
    const script = this.#routes.get(route);
    let responder: Responder = this.#fallback;
    if (script) {
      responder = script.replies[Math.min(script.next, script.replies.length - 1)] as Responder;
      script.next += 1;
    }
    const count = this.count(received.method, received.path);
    for (const waiter of [...this.#waiters]) {
      if (waiter.route === route && count >= waiter.n) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(received);
      }
    }
    let reply: Reply;
    try {
      reply = typeof responder === "function" ? responder(received) : responder;
    } catch (error) {
      reply = { status: 500, body: { message: `scripted responder failed: ${String(error)}` } };
    }
    this.#perform(reply, req, res);
  }

  #perform(reply: Reply, req: IncomingMessage, res: ServerResponse): void {
    if (this.#closed) return;
    if ("destroy" in reply) {
      req.socket.destroy();
      return;
    }
    if ("hang" in reply) return; // close() destroys the socket
    if ("delayMs" in reply) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#perform(reply.then, req, res);
      }, reply.delayMs);
      this.#timers.add(timer);
      return;
    }
    const isText = typeof reply.body === "string";
    const payload = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body);
    const headers: Record<string, string | string[]> = { ...reply.headers };
    if (payload !== "" && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = isText ? "text/plain; charset=utf-8" : "application/json";
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(payload);
  }
}

function read(req: IncomingMessage): Promise<Received | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => resolve(undefined));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      resolve({ method: req.method ?? "GET", path: url.pathname, url: req.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8") });
    });
  });
}
