/** Injected `fetch` doubles for unit tests: record what the SDK sends, answer from a script. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

type Handler = (request: Request, index: number) => Response | Promise<Response>;

/** A `fetch` that records every request and answers from `handler`. */
export function scriptedFetch(handler: Handler) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const body = request.body ? await request.clone().text() : "";
    requests.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body });
    return handler(request, requests.length - 1);
  };
  return { fetch, requests };
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
