/**
 * Watching an Omlet flock: poll every 5 minutes (at least 30 s), read again 1.5 s and 5 s after
 * an action this client sends, read at once when a webhook arrives, and get only what changed.
 * The watcher only reads: it never sends an action, not on start and not after an error.
 */
import { type Device, OmletClient, deviceChanges } from "@openapp/omlet";

export async function watcherTour(baseUrl: string): Promise<void> {
  const omlet = new OmletClient({ apiKey: "tour-omlet-api-key-0001", baseUrl });
  const stop = new AbortController();

  let firstReading!: () => void;
  const read = new Promise<void>((resolve) => (firstReading = resolve));
  // The callback form; `for await (const batch of omlet.watchDevices({ signal }))` is the same.
  const watcher = omlet.onDeviceChanges(
    ({ reason, changes }) => {
      console.log(`watcher (${reason}): ${changes.map((c) => `${c.type} ${c.deviceId}`).join(", ")}`);
      firstReading();
    },
    { intervalMs: 300_000, onError: (error) => console.log(`watcher: read failed, polling on: ${String(error)}`), signal: stop.signal },
  );
  await read;

  // A webhook handler hands its events in (see omlet-webhooks.ts): the watcher reads at once and
  // yields only if something changed. Actions through `omlet` trigger reads 1.5 s and 5 s later.
  watcher.notify({ deviceId: "Hq3vKd81ZsPwT0bN", parameterName: "state", newValue: "open" });

  stop.abort(); // or watcher.stop(); the iteration ends without an error
  await watcher.done;

  // The same diff as a function, for readings you already have.
  const [door] = await omlet.getDevices();
  if (!door?.state?.door) return;
  const later: Device = { ...door, state: { ...door.state, door: { ...door.state.door, state: "open" } } };
  const pending: Device = { ...door, state: { ...door.state, door: { ...door.state.door, state: "openpending" } } };
  for (const change of deviceChanges([pending], [later])) {
    console.log(`deviceChanges: ${change.type}${change.type === "settled" ? ` ${change.section} ${change.from} → ${change.to}` : ""}`);
  }

  // waitForState reports every reading, so a ~20 min wait on a battery door is not silent.
  const settled = await omlet.waitForState(door.deviceId, () => true, {
    maxWaitMs: 1_000,
    intervalMs: 200,
    onProgress: (p) => console.log(`waitForState: reading ${p.attempt}, pending [${p.pending.join(", ")}], done ${p.done}`),
  });
  console.log(`waitForState → ${settled.name}`);
}
