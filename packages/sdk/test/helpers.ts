import { OpenAppClient, type OpenAppClientOptions } from "../src/index.js";

export const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
export const SECRET = "sk_live_Q8rZ2vLx5Nc1Hw7T";
export const TEST_KEY = `https://api.openapp.test/api/v1_openapp_${SECRET}`;
export const BASE_URL = "https://api.openapp.test/api/v1";

export { json, scriptedFetch } from "@openapp/testing";

export function testClient(fetch: (request: Request) => Promise<Response>, options: OpenAppClientOptions = {}) {
  return new OpenAppClient({ apiKey: TEST_KEY, org: ORG, fetch, ...options });
}
