// A TypeScript user's program, type-checked (never run) against the installed tarballs with
// lib ["es2022"] (no DOM), types ["node"], strict, skipLibCheck false, in several resolution modes.
// It is compiled as consumer.mts and consumer.cts, so it must be valid ESM and CommonJS alike.
import { ApiError, ConfigError, type FetchCredentials, SdkError, Transport, withFetchCredentials } from "@openapp/core";
import { fileFromPath } from "@openapp/core/node";
import { NotFoundError, OpenAppClient } from "@openapp/sdk";
import { executeFile } from "@openapp/sdk/node";
import { InvalidFieldsError, OmletClient } from "@openapp/omlet";
import { NoSuchDeviceError, OverkizClient, type ServerConfig } from "@openapp/overkiz";
import { createLocalGatewayFetch } from "@openapp/overkiz/node";
import { OverkizState, uiProfile } from "@openapp/overkiz/catalogue";
import type { StateName } from "@openapp/overkiz";
import { createOpenAppRawClient, operationTable, type paths } from "@openapp/openapp-generated";
import { zDevice as zOpenAppDevice } from "@openapp/openapp-generated/zod";
import { createOmletRawClient } from "@openapp/omlet-generated";
import { zDevice as zOmletDevice } from "@openapp/omlet-generated/zod";
import { createOverkizRawClient } from "@openapp/overkiz-generated";
import { zDevice as zOverkizDevice } from "@openapp/overkiz-generated/zod";

export async function program(): Promise<string[]> {
  const out: string[] = [];

  const openapp = new OpenAppClient({ apiKey: "https://api.openapp.example_openapp_k", org: "org" });
  const page = await openapp.devices.list({ limit: 5 });
  const firstId: string | undefined = page.items[0]?.id;
  out.push(String(firstId));
  for await (const device of openapp.devices.list()) out.push(device.id);

  const omlet = new OmletClient({ apiKey: "k" });
  const devices = await omlet.getDevices();
  const deviceId: string | undefined = devices[0]?.deviceId;
  out.push(String(deviceId));

  const credentials: FetchCredentials = "include";
  const server: ServerConfig = { name: "x", endpoint: "https://x.test/", manufacturer: "Somfy", apiType: "cloud" };
  const overkiz = new OverkizClient({ server, credentials: { username: "a", password: "b" }, fetchCredentials: credentials });
  const setup = await overkiz.getSetup();
  out.push(String(setup.devices.length));
  const closure: StateName = OverkizState.CORE_CLOSURE;
  out.push(closure, String(uiProfile("Alarm")?.commands.length));
  // @ts-expect-error not a RequestCredentials mode
  new OverkizClient({ server: "somfy_europe", credentials: { token: "t" }, fetchCredentials: "always" });

  new OverkizClient({ server, credentials: { token: "t" }, fetch: createLocalGatewayFetch({ ca: "-----BEGIN CERTIFICATE-----" }) });
  await executeFile(openapp, "./hello.openapp");
  const file: Blob = await fileFromPath("./crest.png");
  out.push(String(file.size));

  try {
    await openapp.devices.get("id");
  } catch (error) {
    if (error instanceof NotFoundError) out.push(`${error.status} ${error.url}`);
    else if (error instanceof InvalidFieldsError) out.push(Object.keys(error.fieldErrors).join());
    else if (error instanceof NoSuchDeviceError || error instanceof ApiError) out.push(error.name);
    else if (error instanceof ConfigError || error instanceof SdkError) out.push(error.message);
  }

  const transport = new Transport({ fetch: withFetchCredentials(undefined, "omit"), timeout: 5_000 });
  const raw = createOpenAppRawClient({ baseUrl: "https://api.openapp.example/api/v1", fetch: transport.fetch });
  const status = await raw.GET("/status");
  out.push(String(status.response.status));
  const route: keyof paths = "/status";
  out.push(route, operationTable.get_device.path);
  createOmletRawClient();
  createOverkizRawClient({ baseUrl: server.endpoint });

  const parsed = zOmletDevice.safeParse({});
  if (parsed.success) out.push(parsed.data.deviceId);
  out.push(String(zOpenAppDevice.safeParse({}).success), String(zOverkizDevice.safeParse({}).success));
  return out;
}
