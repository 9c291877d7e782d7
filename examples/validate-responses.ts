/**
 * Opt-in response validation, the same switch on all three SDKs: every answer is checked
 * against the spec's zod schema (loaded on first use, so bundles that never validate stay
 * small), and a mismatch is a ValidationError naming the operation and the JSON path.
 */
import { OmletClient, ValidationError } from "@openapp/omlet";
import { OverkizClient } from "@openapp/overkiz";
import { OpenAppClient } from "@openapp/sdk";

export async function omletValidated(baseUrl: string): Promise<void> {
  const omlet = new OmletClient({ apiKey: "tour-omlet-api-key-0001", baseUrl, validateResponses: true });
  const devices = await omlet.getDevices();
  console.log(`validateResponses: ${devices.length} Omlet devices matched the spec (unknown fields kept)`);

  // What a broken answer looks like, without a broken server: a fetch that returns one.
  const broken = new OmletClient({
    apiKey: "tour-omlet-api-key-0001",
    baseUrl,
    validateResponses: true,
    fetch: async () => new Response(JSON.stringify([{ deviceId: 42 }]), { headers: { "content-type": "application/json" } }),
  });
  try {
    await broken.getDevices();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.log(`  ${error.message}`);
  }
  // Without the option only the shape is checked: a list that arrives as an object is still refused.
  const notAList = new OmletClient({
    apiKey: "tour-omlet-api-key-0001",
    baseUrl,
    fetch: async () => new Response(JSON.stringify({ deviceId: "Hq3vKd81ZsPwT0bN" }), { headers: { "content-type": "application/json" } }),
  });
  await notAList.getDevices().catch((error: unknown) => console.log(`  ${(error as Error).message}`));
}

export async function openappValidated(baseUrl: string, org: string): Promise<void> {
  const client = new OpenAppClient({ apiKey: "https://api.openapp.example_openapp_tour_Zr8Kq2Lw5Tn1", apiVersion: "0.1", baseUrl, org, validateResponses: true });
  const page = await client.devices.list({ limit: 5 });
  console.log(`validateResponses: ${page.items.length} OpenApp devices matched the spec`);
}

export async function overkizValidated(baseUrl: string): Promise<void> {
  const client = new OverkizClient({
    server: { name: "Overkiz mock", endpoint: `${baseUrl}/`, manufacturer: "Somfy", apiType: "cloud" },
    credentials: { token: "tour-overkiz-token-0001" },
    validateResponses: true,
  });
  const gateways = await client.getGateways();
  console.log(`validateResponses: ${gateways.length} Overkiz gateway(s) matched the spec`);
}
