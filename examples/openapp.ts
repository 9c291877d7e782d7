/** OpenApp tour: devices, entities and a door, a script, and the errors you can branch on. */
import { ConfigError, NotFoundError, OpenAppClient } from "@openapp/sdk";
import { openappValidated } from "./validate-responses.js";

const ORG = "01HZX3K8Q2V7N4M6P9R5T1W0YB";

export async function tour(baseUrl: string): Promise<void> {
  // A real key carries its own API URL; against the mock we point baseUrl at it explicitly.
  const client = new OpenAppClient({ apiKey: "https://api.openapp.example_openapp_tour_Zr8Kq2Lw5Tn1", apiVersion: "0.1", baseUrl, org: ORG });

  const status = await client.status.get();
  console.log(`status: ${status.environment} ${status.version}`);

  const firstPage = await client.devices.list({ limit: 20 });
  console.log(`devices (first page): ${firstPage.items.map((d) => d.name.en ?? d.id).join(", ")}`);

  const device = firstPage.items[0];
  if (device) {
    const detail = await client.devices.get(device.id, { include_metadata: true });
    console.log(`devices.get(${detail.id}) → ${detail.name.en}, integration ${detail.integration_id}`);
  }

  let shown = 0;
  for await (const entity of client.entities.list({ limit: 50 })) {
    console.log(`  entity ${entity.id}: ${entity.entity_type} "${entity.name ?? "unnamed"}"`);
    if (++shown === 3) break; // the iterator would fetch further pages on its own
  }

  const door = client.entities.byId("01HZX7A1D5G9K3P7S1W5Z9C3F7");
  const opened = await door.open();
  console.log(`entities.byId(...).open() → switchable.open, answer ${JSON.stringify(opened)}`);

  const { result } = await client.scripting.execute('let greeting = "hello from OpenApp Scripting";\ngreeting');
  console.log(`scripting.execute(...) → ${JSON.stringify(result)}`);

  try {
    // Prism answers with its documented 404 example when asked to.
    await client.devices.get("01HZX6C4F8J2M6Q0T4W8Z2B6E0", {}, { headers: { Prefer: "code=404" } });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(`NotFoundError: status ${error.status}, code ${error.code ?? "none"}`);
  }

  await openappValidated(baseUrl, ORG);

  const noOrg = new OpenAppClient({ apiKey: "https://api.openapp.example_openapp_tour_Zr8Kq2Lw5Tn1", apiVersion: "0.1", baseUrl });
  await noOrg.withOrg(ORG).devices.get("01HZX6C4F8J2M6Q0T4W8Z2B6E0"); // withOrg supplies X-Org

  // With no org configured, a create body's org_id becomes X-Org (a configured org would win).
  const created = await noOrg.devices.create({ org_id: ORG, integration_id: "01HZX5B9E3H7K1N5Q9S3V7X1Z4", name: { en: "Side gate" } });
  console.log(`devices.create({ org_id }) with no org configured → X-Org from the body, device ${created.id}`);

  // The script is text; an empty answer is "" (never undefined).
  const script = await client.lanAgent.bootstrapScript("01HZXBOOTKEY0000000000000");
  console.log(`lanAgent.bootstrapScript(...) → ${script.length} characters of ${typeof script}`);
  if (noOrg.org) {
    console.log("(OPENAPP_ORG is set, so there is no missing-org ConfigError to show)");
    return;
  }
  try {
    noOrg.devices.list(); // no org anywhere: refused before any request
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.log(`ConfigError before any request: ${error.message}`);
  }
}
