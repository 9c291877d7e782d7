/** Injected `fetch` doubles for unit tests: record what the SDK sends, answer from a script. */
export interface SentRequest {
  method: string;
  url: URL;
  /** The path the double routes by: the URL's pathname, or what the double's `toPath` made of it. */
  path: string;
  headers: Headers;
  body: string;
}

type Handler = (request: Request, index: number) => Response | Promise<Response>;

type ToPath = (url: URL) => string;
const pathname: ToPath = (url) => url.pathname;

/** A `fetch` that records every request and answers from `handler`. */
export function scriptedFetch(handler: Handler, toPath: ToPath = pathname) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const body = request.body ? await request.clone().text() : "";
    const url = new URL(request.url);
    requests.push({ method: request.method, url, path: toPath(url), headers: new Headers(request.headers), body });
    return handler(request, requests.length - 1);
  };
  const count = (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path).length;
  return { fetch, requests, count };
}

/** A scripted answer: a Response (cloned for each use) or a function of the request. */
export type RouteAnswer = Response | ((request: Request) => Response | Promise<Response>);

/**
 * Answers by `"METHOD /path"` (the path as `toPath` gives it, e.g. without the API base) from
 * queues: each request takes the next answer and the last one repeats. An unscripted route throws.
 */
export function routedFetch(script: Record<string, RouteAnswer[]>, toPath: ToPath = pathname) {
  const queues = new Map(Object.entries(script).map(([route, answers]) => [route, [...answers]]));
  return scriptedFetch(async (request) => {
    const route = `${request.method} ${toPath(new URL(request.url))}`;
    const queue = queues.get(route);
    const answer = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!answer) throw new Error(`unscripted request ${route}`);
    return typeof answer === "function" ? answer(request) : answer.clone();
  }, toPath);
}

/** Answers each request with the next response in the list; the last one repeats. */
export function sequenceFetch(...responses: Array<() => Response>) {
  return scriptedFetch((_request, index) => (responses[Math.min(index, responses.length - 1)] as () => Response)());
}

export const jsonResponse =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (): Response =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export const noContent = () => (): Response => new Response(null, { status: 204 });
