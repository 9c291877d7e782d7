import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicNetworkFetch } from "../src/node.js";

let server: Server;
let port = 0;
let received = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    received++;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("createPublicNetworkFetch", () => {
  it("refuses a name that resolves to loopback after DNS, before any byte is sent", async () => {
    const fetch = createPublicNetworkFetch();
    const error = await fetch(new Request(`http://localhost:${port}/image.png`)).catch((caught: unknown) => caught);
    expect(JSON.stringify((error as Error & { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code)).toContain("ERR_PRIVATE_ADDRESS");
    expect(received).toBe(0);
  });
});
