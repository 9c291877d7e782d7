/**
 * Contract-test bookkeeping shared by every vendor: which operation a request hit, which
 * operations answered 2xx, and what Prism reported in its `sl-violations` header.
 */
export interface OperationRoute {
  method: string;
  path: string;
}

type Next = (request: Request) => Promise<Response>;
export type RecordingMiddleware = (request: Request, next: Next) => Promise<Response>;

function templateMatches(template: string, pathname: string): boolean {
  const wanted = template.split("/");
  const actual = pathname.split("/");
  return wanted.length === actual.length && wanted.every((segment, i) => segment.startsWith("{") || segment === actual[i]);
}

const literalSegments = (template: string) => template.split("/").filter((s) => !s.startsWith("{")).length;

/**
 * Maps a request to its operationId. Paths are compared relative to `basePath`; literal
 * segments win over placeholders (`/integrations/provider-types` is not `/integrations/{id}`).
 */
export function operationMatcher(table: Record<string, OperationRoute>, basePath = "") {
  const routes = Object.entries(table).map(([id, route]) => ({ id, method: route.method.toLowerCase(), path: route.path }));
  return (method: string, pathname: string): string | undefined => {
    const path = basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
    const candidates = routes.filter((r) => r.method === method.toLowerCase() && templateMatches(r.path, path));
    return candidates.sort((a, b) => literalSegments(b.path) - literalSegments(a.path))[0]?.id;
  };
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
  operationId: string | undefined;
}

export interface ContractRecorder {
  /** Add to the client's middleware: records every exchange and Prism's violations. */
  middleware: RecordingMiddleware;
  exchanges: Exchange[];
  /** Operations that answered 2xx at least once. */
  covered(): Set<string>;
  /** Violations reported since the last call, then forgets them (call it in afterEach). */
  takeViolations(): string[];
}

export function contractRecorder(table: Record<string, OperationRoute>, basePath = ""): ContractRecorder {
  const operationFor = operationMatcher(table, basePath);
  const exchanges: Exchange[] = [];
  let violations: string[] = [];
  return {
    exchanges,
    async middleware(request, next) {
      const response = await next(request);
      const path = new URL(request.url).pathname;
      exchanges.push({ method: request.method, path, status: response.status, operationId: operationFor(request.method, path) });
      const reported = response.headers.get("sl-violations");
      if (reported) violations.push(`${request.method} ${path} → ${reported}`);
      return response;
    },
    covered: () => new Set(exchanges.filter((e) => e.status >= 200 && e.status < 300 && e.operationId).map((e) => e.operationId as string)),
    takeViolations() {
      const found = violations;
      violations = [];
      return found;
    },
  };
}
