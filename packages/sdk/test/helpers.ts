import { operationTable } from "@openapp/openapp-generated";
import { OpenAppClient, type OpenAppClientOptions } from "../src/index.js";

export const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
export const SECRET = "sk_live_Q8rZ2vLx5Nc1Hw7T";
export const TEST_KEY = `https://api.openapp.test/api/v1_openapp_${SECRET}`;
export const BASE_URL = "https://api.openapp.test/api/v1";

const templates = Object.entries(operationTable).map(([id, op]) => ({
  id,
  method: op.method.toUpperCase(),
  pattern: new RegExp(`^${op.path.replace(/\{[^/}]+\}/g, "[^/]+")}$`),
  // Literal segments win over placeholders (`/integrations/provider-types` is not `/integrations/{id}`).
  placeholders: (op.path.match(/\{/g) ?? []).length,
}));

/** The operation a request addresses, picking the most literal template when several match. */
export function operationFor(method: string, pathname: string): string | undefined {
  const matches = templates.filter((t) => t.method === method.toUpperCase() && t.pattern.test(pathname));
  return matches.sort((a, b) => a.placeholders - b.placeholders)[0]?.id;
}

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

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export function testClient(fetch: (request: Request) => Promise<Response>, options: OpenAppClientOptions = {}) {
  return new OpenAppClient({ apiKey: TEST_KEY, org: ORG, fetch, ...options });
}
