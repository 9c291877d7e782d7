/**
 * Overkiz tour: sign in, read the installation, move two shutters through the action queue,
 * follow events, and meet a typed error — against a mock of the Overkiz API.
 */
import { ExecutionState, NoSuchDeviceError, OverkizClient, type OverkizEvent, type ServerConfig } from "@openapp/overkiz";
import { overkizValidated } from "./validate-responses.js";

function describeEvent(event: OverkizEvent): string {
  switch (event.kind) {
    case "deviceStateChanged":
      return `${event.deviceURL}: ${event.deviceStates.map((state) => `${state.name}=${String(state.value)}`).join(", ")}`;
    case "executionStateChanged":
      return `execution ${event.execId.slice(0, 8)}… ${event.oldState} → ${event.newState}${event.isFinal ? " (final)" : ""}`;
    case "executionRegistered":
      return `execution ${event.execId.slice(0, 8)}… registered (${event.label ?? "no label"})`;
    default:
      return event.name;
  }
}

export async function tour(baseUrl: string): Promise<void> {
  const server: ServerConfig = { name: "Overkiz mock", endpoint: `${baseUrl}/`, manufacturer: "Somfy", apiType: "cloud" };
  const client = new OverkizClient({
    server,
    credentials: { username: "jane.doe@example.com", password: "tour-password-0001" },
    actionQueue: { delayMs: 50, maxActions: 20 },
  });

  await client.login();
  console.log(`login: session opened on ${client.server.name} (${client.auth.name} strategy)`);

  const setup = await client.getSetup();
  console.log(`setup: ${setup.gateways.length} gateway(s), ${setup.devices.length} device(s)`);
  for (const device of setup.devices.slice(0, 4)) {
    const states = device.states.toArray().slice(0, 2).map((state) => `${state.name}=${String(state.value)}`);
    console.log(`  ${device.label} — ${device.uiClass} via ${device.identifier.protocol}: ${states.join(", ") || "no states"}`);
  }

  // Two calls in the same instant: the action queue sends them as one execution.
  const calls = setup.devices.slice(0, 2).map((device) => {
    const command = device.supportsCommand("setClosure") ? { name: "setClosure", parameters: [40] } : { name: device.firstCommand(["close", "down"]) ?? "close" };
    return client.executeActionGroup([{ deviceURL: device.deviceURL, commands: [command] }]);
  });
  const execIds = await Promise.all(calls);
  console.log(`executeActionGroup ×${execIds.length} with the action queue → ${new Set(execIds).size} execution (${execIds[0]})`);

  const batch = await client.fetchEvents();
  console.log(`fetchEvents: ${batch.length} event(s) in the first batch`);
  for (const event of batch) console.log(`  ${describeEvent(event)}`);

  let seen = 0;
  for await (const event of client.events({ intervalMs: 1_000 })) {
    if (event.kind === "executionStateChanged" && event.newState === ExecutionState.COMPLETED) console.log("events(): an execution completed");
    if (++seen === batch.length) break; // one poll's worth; the listener is unregistered on break
  }
  console.log(`events(): read ${seen} event(s), then stopped; listener ${client.eventListenerId ?? "unregistered"}`);

  try {
    // Prism's Prefer header picks the documented error answer.
    await client.getDevice("io://0815-4711-2301/9999999", { headers: { Prefer: "code=400, example=noSuchDevice" } });
  } catch (error) {
    if (!(error instanceof NoSuchDeviceError)) throw error;
    console.log(`typed error: ${error.name} (errorCode ${error.code}, HTTP ${error.status})`);
  }

  await client.close();
  console.log("close(): queue flushed, listener released");

  await overkizValidated(baseUrl);
}
