/**
 * Client overhead per call, for every SDK, as ratios to bare openapi-fetch and to raw fetch:
 * a representative GET and a POST per vendor, over an in-memory fetch (the client alone) and
 * over a real loopback socket (a node:http server in a child process; sequential calls and 32 at
 * a time). Candidates run interleaved in short batches, rotating their order, and each figure is
 * the median over rounds of the per-round ratio, so a busy machine slows all sides alike.
 *
 *   tsx bench/calls.ts [--quick]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rawClientDefaults } from "@openapp/core";
import { OmletClient } from "@openapp/omlet";
import { OverkizClient, type ServerConfig } from "@openapp/overkiz";
import { OpenAppClient, type paths } from "@openapp/sdk";
import createClient from "openapi-fetch";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 7 : 15;

const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";
const DEVICE_ID = "01HZX6C4F8J2M6Q0T4W8Z2B6E0";
const DEVICE = JSON.stringify({ id: DEVICE_ID, name: "Front door", kind: "door", integration_id: "01HZX3K8Q2V7N4M6P9R5T1W0YC" });
const JSON_HEADERS = { "content-type": "application/json" };

/** The answer the bench server gives, shared by the in-memory fetch and the socket server. */
function answer(method: string, path: string): { status: number; body: string | null } {
  if (method === "POST" && (path.includes("/action/") || path.endsWith("/refresh"))) return { status: 204, body: null };
  if (method === "POST") return { status: 201, body: DEVICE };
  return { status: 200, body: DEVICE };
}

async function inMemoryFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input, init);
  // Read what a real fetch reads: URL, method and body.
  if (request.body) await request.arrayBuffer();
  const { status, body } = answer(request.method, new URL(request.url).pathname);
  return new Response(body, { status, headers: body === null ? undefined : JSON_HEADERS });
}

const SERVER_SOURCE = `
const { createServer } = require("node:http");
const DEVICE = ${JSON.stringify(DEVICE)};
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const path = req.url.split("?")[0];
    if (req.method === "POST" && (path.includes("/action/") || path.endsWith("/refresh"))) { res.writeHead(204); res.end(); return; }
    res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json", "content-length": Buffer.byteLength(DEVICE) });
    res.end(DEVICE);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

async function startServer(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", SERVER_SOURCE], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

type Call = () => Promise<unknown>;
interface Scenario {
  name: string;
  candidates: Record<string, Call>;
}

function scenarios(fetchImpl: typeof inMemoryFetch, origin: string): Scenario[] {
  const fetch = fetchImpl as typeof globalThis.fetch;
  const openappBase = `${origin}/api/v1`;
  const openappBare = createClient<paths>({ ...rawClientDefaults, baseUrl: openappBase, fetch });
  const sdk = new OpenAppClient({ apiKey: `${openappBase}_openapp_bench-secret-0001`, org: ORG, fetch: fetchImpl });
  const omletBase = `${origin}/api/v1`;
  const omlet = new OmletClient({ apiKey: "bench-omlet-key-0001", baseUrl: omletBase, fetch: fetchImpl });
  const omletBare = createClient<Record<string, never>>({ ...rawClientDefaults, baseUrl: omletBase, fetch }) as unknown as ReturnType<typeof createClient<any>>;
  const overkizServer: ServerConfig = { name: "Bench", endpoint: `${origin}/enduser-mobile-web/enduserAPI/`, manufacturer: "Bench", apiType: "cloud" };
  const overkiz = new OverkizClient({ server: overkizServer, credentials: { token: "bench-overkiz-token" }, fetch: fetchImpl });
  const overkizBare = createClient<any>({ ...rawClientDefaults, baseUrl: overkizServer.endpoint, fetch });
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const openappAuth = auth(`${openappBase}_openapp_bench-secret-0001`);
  const newDevice = { name: "Side door", integration_id: "01HZX3K8Q2V7N4M6P9R5T1W0YC", kind: "door" } as never;

  const rawJson = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    return response.status === 204 ? undefined : response.json();
  };

  return [
    {
      name: "OpenApp GET devices.get",
      candidates: {
        "bare fetch": () =>
          rawJson(`${openappBase}/devices/${DEVICE_ID}?include_deleted=false&include_metadata=false`, { headers: { ...openappAuth, "X-Org": ORG } }),
        "bare openapi-fetch": () =>
          openappBare.GET("/devices/{id}", {
            params: { path: { id: DEVICE_ID }, header: { "X-Org": ORG }, query: { output_options: { include_deleted: false, include_metadata: false } } },
            headers: openappAuth,
          }),
        sdk: () => sdk.devices.get(DEVICE_ID),
      },
    },
    {
      name: "OpenApp POST devices.create",
      candidates: {
        "bare fetch": () =>
          rawJson(`${openappBase}/devices`, { method: "POST", headers: { ...openappAuth, "X-Org": ORG, "content-type": "application/json" }, body: JSON.stringify(newDevice) }),
        "bare openapi-fetch": () => openappBare.POST("/devices", { params: { header: { "X-Org": ORG } }, body: newDevice, headers: openappAuth }),
        sdk: () => sdk.devices.create(newDevice),
      },
    },
    {
      name: "Omlet GET getDeviceById",
      candidates: {
        "bare fetch": () => rawJson(`${omletBase}/device/${DEVICE_ID}`, { headers: auth("bench-omlet-key-0001") }),
        "bare openapi-fetch": () => omletBare.GET("/device/{deviceId}", { params: { path: { deviceId: DEVICE_ID } }, headers: auth("bench-omlet-key-0001") }),
        sdk: () => omlet.getDeviceById(DEVICE_ID),
      },
    },
    {
      name: "Omlet POST performAction",
      candidates: {
        "bare fetch": () => rawJson(`${omletBase}/device/${DEVICE_ID}/action/open`, { method: "POST", headers: auth("bench-omlet-key-0001") }),
        "bare openapi-fetch": () =>
          omletBare.POST("/device/{deviceId}/action/{action}", { params: { path: { deviceId: DEVICE_ID, action: "open" } }, headers: auth("bench-omlet-key-0001") }),
        sdk: () => omlet.performAction({ deviceId: DEVICE_ID, actionName: "open" }),
      },
    },
    {
      name: "Overkiz GET getPlaces",
      candidates: {
        "bare fetch": () => rawJson(`${overkizServer.endpoint}setup/places`, { headers: auth("bench-overkiz-token") }),
        "bare openapi-fetch": () => overkizBare.GET("/setup/places", { headers: auth("bench-overkiz-token") }),
        sdk: () => overkiz.getPlaces(),
      },
    },
    {
      name: "Overkiz POST refreshStates",
      candidates: {
        "bare fetch": () => rawJson(`${overkizServer.endpoint}setup/devices/states/refresh`, { method: "POST", headers: auth("bench-overkiz-token") }),
        "bare openapi-fetch": () => overkizBare.POST("/setup/devices/states/refresh", { headers: auth("bench-overkiz-token") }),
        sdk: () => overkiz.refreshStates(),
      },
    },
  ];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function batch(call: Call, calls: number, concurrency: number): Promise<number> {
  const started = performance.now();
  if (concurrency === 1) for (let i = 0; i < calls; i++) await call();
  else for (let i = 0; i < calls; i += concurrency) await Promise.all(Array.from({ length: concurrency }, call));
  return ((performance.now() - started) * 1000) / calls;
}

/** Median µs per call of each candidate and median per-round ratio to each baseline. */
async function measure(scenario: Scenario, calls: number, concurrency: number): Promise<void> {
  const names = Object.keys(scenario.candidates);
  for (const name of names) await batch(scenario.candidates[name] as Call, Math.max(50, calls >> 1), concurrency); // warm-up
  const perCall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as string;
      perCall[name]?.push(await batch(scenario.candidates[name] as Call, calls, concurrency));
    }
  }
  const ratio = (a: string, b: string) => median((perCall[a] as number[]).map((v, i) => v / (perCall[b] as number[])[i]!));
  const us = (n: string) => `${median(perCall[n] as number[]).toFixed(1)} µs`;
  console.log(
    `  ${scenario.name.padEnd(30)} fetch ${us("bare fetch").padStart(9)}  openapi-fetch ${us("bare openapi-fetch").padStart(9)}  sdk ${us("sdk").padStart(9)}` +
      `  sdk/openapi-fetch ${ratio("sdk", "bare openapi-fetch").toFixed(2)}×  sdk/fetch ${ratio("sdk", "bare fetch").toFixed(2)}×`,
  );
}

console.log(`\nPer-call overhead (median of ${ROUNDS} interleaved rounds)`);
console.log("in-memory fetch (budget sdk/openapi-fetch ≤ 1.15×)");
for (const scenario of scenarios(inMemoryFetch, "https://bench.example.test")) await measure(scenario, quick ? 300 : 1000, 1);

const { origin, child } = await startServer();
try {
  console.log("loopback socket, sequential (budget sdk/openapi-fetch ≤ 1.10×)");
  for (const scenario of scenarios(globalThis.fetch as typeof inMemoryFetch, origin)) await measure(scenario, quick ? 100 : 200, 1);
  console.log("loopback socket, 32 concurrent");
  for (const scenario of scenarios(globalThis.fetch as typeof inMemoryFetch, origin)) await measure(scenario, quick ? 320 : 640, 32);
} finally {
  child.kill();
}
