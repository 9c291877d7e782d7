/** `omlet …`: devices, groups, door/light/fan actions and the device watcher, on @openapp/omlet. */
import type { Command } from "@commander-js/extra-typings";
import { type Device, type DeviceChange, OmletClient, deviceStatus } from "@openapp/omlet";
import type { CommandContext } from "../context.js";
import { UsageError } from "../exit.js";
import { isInterruption, onInterrupt } from "../interrupt.js";
import { type Runner, examples } from "../program.js";
import { runAction } from "../safety.js";
import { pickOne, positiveInteger } from "./arguments.js";

function omletClient(ctx: CommandContext): OmletClient {
  const apiKey = ctx.config.value("omlet.apiKey");
  if (!apiKey) throw new UsageError(`no Omlet API key: set OMLET_API_KEY or run \`openapp-cli config set omlet.apiKey\` (profile "${ctx.config.profileName}")`);
  const baseUrl = ctx.config.value("omlet.baseUrl");
  return new OmletClient({ apiKey, ...(baseUrl ? { baseUrl } : {}), middleware: [ctx.capture.middleware], logger: ctx.logger });
}

async function findDevice(client: OmletClient, wanted: string): Promise<Device> {
  return pickOne(await client.getDevices(), wanted, (d) => d.deviceId, (d) => d.name, "device");
}

/** The three controls and their actions, as the SDK names them. */
const CONTROLS = {
  door: ["open", "close", "stop"],
  light: ["on", "off"],
  fan: ["on", "off", "boost"],
} as const;
type ControlName = keyof typeof CONTROLS;

async function runControl(ctx: CommandContext, control: ControlName, wanted: string, actionName: string): Promise<void> {
  const actions: readonly string[] = CONTROLS[control];
  if (!actions.includes(actionName)) throw new UsageError(`${control} actions are ${actions.join(", ")}; got "${actionName}"`);
  const client = omletClient(ctx);
  const device = await findDevice(client, wanted);
  const handle = client[control](device) as Record<string, () => Promise<unknown>>;
  const result = await runAction(ctx, {
    description: `Will queue ${control} ${actionName} on "${device.name ?? device.deviceId}" (${device.deviceType ?? "device"} ${device.deviceId}).`,
    perform: () => handle[actionName]!(),
  });
  if (result === undefined) return;
  if (ctx.output.json) ctx.output.line(JSON.stringify(result, null, 2));
  else ctx.output.note(`queued: ${control} ${actionName} on "${device.name ?? device.deviceId}" (battery devices act at their next check-in)`);
}

function describeChange(change: DeviceChange): string {
  if (change.type === "changed") return `${change.deviceId} ${change.fields.map((f) => `${f.path}: ${JSON.stringify(f.oldValue)} → ${JSON.stringify(f.newValue)}`).join(", ")}`;
  if (change.type === "settled") return `${change.deviceId} ${change.section}: ${change.from} → ${change.to}`;
  return `${change.deviceId} ${change.type}${"device" in change && change.device.name ? ` (${change.device.name})` : ""}`;
}

async function watch(ctx: CommandContext, intervalMs: number): Promise<void> {
  const interrupt = onInterrupt();
  const watcher = omletClient(ctx).watchDevices({ signal: interrupt.signal, intervalMs });
  ctx.output.note("watching Omlet devices; Ctrl-C to stop");
  try {
    for await (const { reason, changes, at } of watcher) {
      for (const change of changes) ctx.output.event({ at, reason, ...change }, `${at.toISOString()} ${reason} ${describeChange(change)}`);
    }
  } catch (error) {
    if (!isInterruption(error, interrupt.signal)) throw error;
  } finally {
    interrupt.release();
    await watcher.return?.();
  }
  ctx.output.note("stopped");
}

export function registerOmlet(program: Command, runner: Runner): void {
  const omlet = program.command("omlet").description("Omlet smart coop: devices, groups, door/light/fan actions, watch (OMLET_API_KEY)");
  examples(omlet, ["openapp-cli omlet devices", "openapp-cli omlet door 'Coop door' close --yes"]);

  const devices = omlet
    .command("devices")
    .description("list devices with their door, light and power status")
    .action((_options, command) =>
      runner.run(command, async (ctx) => {
        const list = await omletClient(ctx).getDevices();
        if (ctx.output.json) return ctx.output.line(JSON.stringify(list, null, 2));
        ctx.output.list(list.map(deviceStatus), [
          { header: "id", value: (s) => s.deviceId },
          { header: "name", value: (s) => s.name },
          { header: "type", value: (s) => s.deviceType },
          { header: "door", value: (s) => s.door },
          { header: "light", value: (s) => s.light },
          { header: "power", value: (s) => s.power },
          { header: "battery", value: (s) => s.batteryLevel },
          { header: "wifi dBm", value: (s) => s.wifiStrength },
        ]);
      }),
    );
  examples(devices, ["openapp-cli omlet devices", "openapp-cli omlet devices --json | jq '.[].deviceId'"]);

  const device = omlet
    .command("device")
    .description("show one device's status, state and configuration")
    .argument("<device>", "device id or name")
    .option("--configuration", "show the configuration instead of the state")
    .action((wanted, options, command) =>
      runner.run(command, async (ctx) => {
        const found = await findDevice(omletClient(ctx), wanted);
        if (ctx.output.json) return ctx.output.line(JSON.stringify(options.configuration ? found.configuration : found, null, 2));
        if (options.configuration) return ctx.output.line(JSON.stringify(found.configuration ?? {}, null, 2));
        ctx.output.record(deviceStatus(found));
        ctx.output.line(JSON.stringify(found.state ?? {}, null, 2));
      }),
    );
  examples(device, ["openapp-cli omlet device 'Coop door'", "openapp-cli omlet device Hq3vKd81ZsPwT0bN --configuration --json"]);

  const groups = omlet
    .command("groups")
    .description("list groups with their devices and members")
    .action((_options, command) =>
      runner.run(command, async (ctx) => {
        ctx.output.list(await omletClient(ctx).getGroups(), [
          { header: "id", value: (g) => g.groupId },
          { header: "name", value: (g) => g.groupName },
          { header: "access", value: (g) => g.access },
          { header: "devices", value: (g) => g.devices?.length ?? 0 },
          { header: "members", value: (g) => (g.users?.length ?? 0) + (g.admins?.length ?? 0) },
        ]);
      }),
    );
  examples(groups, ["openapp-cli omlet groups"]);

  for (const [control, actions] of Object.entries(CONTROLS) as [ControlName, readonly string[]][]) {
    const sub = omlet
      .command(control)
      .description(`${actions.join(" | ")} the ${control} of a device (queued; asks first on a terminal)`)
      .argument("<device>", "device id or name")
      .argument("<action>", actions.join(" | "))
      .action((wanted, actionName, _options, command) => runner.run(command, (ctx) => runControl(ctx, control, wanted, actionName)));
    examples(sub, [`openapp-cli omlet ${control} 'Coop door' ${actions[0]}`, `openapp-cli omlet ${control} Hq3vKd81ZsPwT0bN ${actions[1]} --dry-run`]);
  }

  const watchCommand = omlet
    .command("watch")
    .description("stream device changes until Ctrl-C (polls; NDJSON with --json)")
    .option("--interval-ms <ms>", "poll interval in milliseconds (at least 30000)", positiveInteger, 300_000)
    .action((options, command) => runner.run(command, (ctx) => watch(ctx, options.intervalMs)));
  examples(watchCommand, ["openapp-cli omlet watch", "openapp-cli omlet watch --json --interval-ms 60000 >> coop.ndjson"]);
}
