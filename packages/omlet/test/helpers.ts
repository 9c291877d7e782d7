import { OmletClient, type OmletClientOptions } from "../src/index.js";

export const TEST_KEY = "omk_test_Q8rZ2vLx5Nc1";
export const BASE_URL = "https://omlet.test/api/v1";

export {
  json,
  noContent,
  scriptedFetch,
  sequenceFetch,
} from "@openapp/testing";

export function testClient(fetch: (request: Request) => Promise<Response>, options: OmletClientOptions = {}) {
  return new OmletClient({ apiKey: TEST_KEY, baseUrl: BASE_URL, fetch, ...options });
}
