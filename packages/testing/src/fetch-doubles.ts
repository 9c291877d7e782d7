/** Injected `fetch` doubles for unit tests: record what the SDK sends, answer from a script. */
export interface SentRequest {
  method: string;
  url: URL;
  /** The path the double routes by: the URL's pathname, or what the double's `toPath` made of it. */
  path: string;
  headers: Headers;
  body: string;
}

/**
 * How a double answers a request: a Response (a fresh clone for every request it answers) or a
 * function of the request and its index among all requests the double saw.
 */
export type Answer = Response | ((request: Request, index: number) => Response | Promise<Response>);

const answerWith = (answer: Answer, request: Request, index: number) =>
  typeof answer === "function" ? answer(request, index) : answer.clone();

type ToPath = (url: URL) => string;
const pathname: ToPath = (url) => url.pathname;

/**
 * A `fetch` that records every request and answers with `answer`. The double is the fetch itself,
 * and also carries it as `fetch` next to `requests` and `count`, so both `new Client({ fetch: double })`
 * and `const { fetch, requests } = scriptedFetch(…)` read naturally.
 */
export function scriptedFetch(answer: Answer, toPath: ToPath = pathname) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    // With an init (the transport's signal), answer a copy: the caller's request stays unread for a resend.
    const request = input instanceof Request ? (init ? new Request(input.clone(), init) : input) : new Request(input, init);
    const body = request.body ? await request.clone().text() : "";
    const url = new URL(request.url);
    requests.push({ method: request.method, url, path: toPath(url), headers: new Headers(request.headers), body });
    return answerWith(answer, request, requests.length - 1);
  };
  const count = (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path).length;
  return Object.assign(fetch, { fetch, requests, count });
}

/**
 * Answers by `"METHOD /path"` (the path as `toPath` gives it, e.g. without the API base) from
 * queues: each request takes the next answer and the last one repeats. An unscripted route throws.
 */
export function routedFetch(script: Record<string, Answer[]>, toPath: ToPath = pathname) {
  const queues = new Map(Object.entries(script).map(([route, answers]) => [route, [...answers]]));
  return scriptedFetch(async (request, index) => {
    const route = `${request.method} ${toPath(new URL(request.url))}`;
    const queue = queues.get(route);
    const answer = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!answer) throw new Error(`unscripted request ${route}`);
    return answerWith(answer, request, index);
  }, toPath);
}

/**
 * Answers one request per step, in order: a Response or a function answers, an Error is thrown
 * (as a network failure would be). A request past the last step fails loudly, so a test never
 * passes by accident.
 */
export function steppedFetch(...steps: Array<Answer | Error>) {
  return scriptedFetch((request, index) => {
    const step = steps[index];
    if (step === undefined) throw new Error(`unexpected request #${index + 1}: ${request.method} ${request.url}`);
    if (step instanceof Error) throw step;
    // Each step answers once: its Response goes out as it is (a clone could not be cancelled alone).
    return typeof step === "function" ? step(request, index) : step;
  });
}

/** Answers each request with the next answer in the list; the last one repeats. */
export function sequenceFetch(...answers: Answer[]) {
  return scriptedFetch((request, index) => answerWith(answers[Math.min(index, answers.length - 1)] as Answer, request, index));
}

/** A JSON response: `status`, `body` serialized, `content-type: application/json` plus `headers`. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** An empty 204 response. */
export const noContent = (): Response => new Response(null, { status: 204 });
