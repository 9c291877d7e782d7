import { OmletClient, type OmletClientOptions } from "../src/index.js";

export const TEST_KEY = "omk_test_Q8rZ2vLx5Nc1";
export const BASE_URL = "https://omlet.test/api/v1";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

type Handler = (request: Request, index: number) => Response | Promise<Response>;

/** An injected `fetch` that records every request and answers from `handler`. */
export function scriptedFetch(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const body = request.body ? await request.clone().text() : "";
    requests.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body });
    return handler(request, requests.length - 1);
  };
  return { fetch, requests };
}

/** Answers each request with the next response in the list (the last one repeats). */
export function sequenceFetch(...responses: Array<() => Response>) {
  return scriptedFetch((_request, index) => (responses[Math.min(index, responses.length - 1)] as () => Response)());
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export const noContent = () => () => new Response(null, { status: 204 });

export function testClient(fetch: (request: Request) => Promise<Response>, options: OmletClientOptions = {}) {
  return new OmletClient({ apiKey: TEST_KEY, baseUrl: BASE_URL, fetch, ...options });
}
