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

/** One complaint Prism made about a request or its answer. */
export interface Violation {
  method: string;
  path: string;
  message: string;
}

export interface ViolationRecorder {
  /** Add to the client's middleware (or wrap a fetch with it). */
  middleware: RecordingMiddleware;
  /** Violations reported since the last call, then forgets them (call it in afterEach). */
  take(): Violation[];
}

function violationMessages(header: string): string[] {
  try {
    const parsed = JSON.parse(header) as Array<{ message?: unknown }>;
    return parsed.map((entry) => String(entry.message ?? JSON.stringify(entry)));
  } catch {
    return [header];
  }
}

/** The one collector of Prism's `sl-violations` header; every suite that talks to Prism uses it. */
export function violationRecorder(): ViolationRecorder {
  let violations: Violation[] = [];
  return {
    async middleware(request, next) {
      const response = await next(request);
      const reported = response.headers.get("sl-violations");
      if (reported) {
        const path = new URL(request.url).pathname;
        for (const message of violationMessages(reported)) violations.push({ method: request.method, path, message });
      }
      return response;
    },
    take() {
      const found = violations;
      violations = [];
      return found;
    },
  };
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
  const violations = violationRecorder();
  return {
    exchanges,
    middleware: (request, next) =>
      violations.middleware(request, async (sent) => {
        const response = await next(sent);
        const path = new URL(sent.url).pathname;
        exchanges.push({ method: sent.method, path, status: response.status, operationId: operationFor(sent.method, path) });
        return response;
      }),
    covered: () => new Set(exchanges.filter((e) => e.status >= 200 && e.status < 300 && e.operationId).map((e) => e.operationId as string)),
    takeViolations: () => violations.take().map((v) => `${v.method} ${v.path} → ${v.message}`),
  };
}
