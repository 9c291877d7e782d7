/** Omlet tour: read a coop the way the cloud sends it, then drive its door safely. */
import { AccessLevel, NotFoundError, OmletClient, ValidationError, deviceStatus, parseOmletTime, wifiStrength } from "@openapp/omlet";
import { watcherTour } from "./omlet-watcher.js";
import { webhooksTour } from "./omlet-webhooks.js";
import { omletValidated } from "./validate-responses.js";

export async function tour(baseUrl: string): Promise<void> {
  const omlet = new OmletClient({ apiKey: "tour-omlet-api-key-0001", baseUrl });

  const devices = await omlet.getDevices();
  console.log(`devices: ${devices.map((d) => `${d.name} (${d.deviceType})`).join(", ")}`);

  const door = devices.find((d) => d.state?.door) ?? devices[0];
  if (!door) return;
  const status = deviceStatus(door);
  console.log(`${door.name}: door ${status.door ?? "n/a"}, wifi ${wifiStrength(door) ?? "n/a"} dBm, battery ${status.batteryLevel ?? "n/a"}%, ${status.power}`);
  const lastSeen = parseOmletTime(door.lastConnected);
  if (lastSeen) console.log(`last check-in: ${lastSeen.toISOString()}`);

  const opened = await omlet.door(door).open({ skipIfAlready: true });
  console.log(`door(...).open({ skipIfAlready: true }) → ${JSON.stringify(opened)}`);

  await omlet.updateConfiguration(door.deviceId, { door: { openMode: "time", openTime: "06:45" } });
  console.log("updateConfiguration sent only { door: { openMode, openTime } }");

  try {
    await omlet.fan(door).boost();
  } catch (error) {
    if (error instanceof ValidationError) console.log(`fan(...).boost() on a door → ValidationError: ${error.message}`);
    else throw error;
  }

  const groups = await omlet.getGroups();
  console.log(`groups: ${groups.map((g) => g.groupName).join(", ")}`);

  const event = omlet.parseWebhookEvent({ payload: { deviceId: door.deviceId, eventName: "doorOpened", timestamp: "2026-11-21 06:45:02" } });
  console.log(`webhook parsed: ${JSON.stringify(event)}`);

  // Sends the address as the documented query parameter and as the JSON body the official SDKs send.
  await omlet.removeUser(groups[0]?.groupId ?? "Rt6GmW2kLx0PqA9s", "sam.okafor@example.com");
  console.log(`removeUser(...) sent ?emailAddress= and {"emailAddress"}; access levels: ${Object.values(AccessLevel).join(", ")}`);

  await webhooksTour();
  await watcherTour(baseUrl);
  await omletValidated(baseUrl);

  console.log(`errors are typed: ${new NotFoundError({ status: 404, message: "Device not found", method: "GET", url: `${baseUrl}/device/x` }).name}`);
}
