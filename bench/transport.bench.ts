import { Transport, bearerAuth } from "@openapp/core";
import createClient from "openapi-fetch";
import { bench, describe } from "vitest";
import { inMemoryFetch } from "./in-memory-fetch.js";

const baseUrl = "https://api.example.test/api/v1";
const bareClient = createClient<any>({ baseUrl, fetch: inMemoryFetch });
const transport = new Transport({ fetch: inMemoryFetch, auth: bearerAuth("bench-token") });
const coreClient = createClient<any>({ baseUrl, fetch: transport.fetch });

describe("one GET", () => {
  bench("bare fetch", async () => {
    const response = await inMemoryFetch(new Request(`${baseUrl}/devices/01HZX3K8Q2V7N4M6P9R5T1W0YB`));
    await response.json();
  });

  bench("bare openapi-fetch", async () => {
    await bareClient.GET("/devices/{id}", { params: { path: { id: "01HZX3K8Q2V7N4M6P9R5T1W0YB" } } });
  });

  bench("core transport", async () => {
    await coreClient.GET("/devices/{id}", { params: { path: { id: "01HZX3K8Q2V7N4M6P9R5T1W0YB" } } });
  });
});
