import { rawClientDefaults } from "@openapp/core";
import { OpenAppClient, type paths } from "@openapp/sdk";
import createClient from "openapi-fetch";
import { bench, describe } from "vitest";
import { inMemoryFetch } from "./in-memory-fetch.js";

const baseUrl = "https://api.example.test/api/v1";
const org = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const deviceId = "01HZX6C4F8J2M6Q0T4W8Z2B6E0";

// Same serializers as the SDK, so the ratio measures the façade and transport, not query encoding.
const bareClient = createClient<paths>({ ...rawClientDefaults, baseUrl, fetch: inMemoryFetch });
const sdk = new OpenAppClient({ apiKey: `${baseUrl}_openapp_bench-secret-0001`, org, fetch: inMemoryFetch });

describe("devices.get", () => {
  bench("bare openapi-fetch", async () => {
    await bareClient.GET("/devices/{id}", {
      params: {
        path: { id: deviceId },
        header: { "X-Org": org },
        query: { output_options: { include_deleted: false, include_metadata: false } },
      },
    });
  });

  bench("sdk devices.get", async () => {
    await sdk.devices.get(deviceId);
  });
});
