/** `overkiz …`: setup reads, checked command execution, the live state mirror and diagnostics, on @openapp/overkiz. */
import { writeFileSync } from "node:fs";
import type { Command } from "@commander-js/extra-typings";
import { type Credentials, type Device, type MirrorChange, OverkizClient, SERVERS, type ServerConfig, command, flattenPlaces } from "@openapp/overkiz";
import type { CommandContext } from "../context.js";
import { UsageError } from "../exit.js";
import { onInterrupt } from "../interrupt.js";
import { type Runner, examples } from "../program.js";
import { runAction } from "../safety.js";
import { commandParameter, pickOne } from "./arguments.js";

function server(ctx: CommandContext): ServerConfig | keyof typeof SERVERS {
  const value = ctx.config.value("overkiz.server");
  if (!value) throw new UsageError(`no Overkiz server: set OVERKIZ_SERVER or run \`openapp-cli config set overkiz.server <${Object.keys(SERVERS).slice(0, 3).join("|")}|…|URL>\``);
  if (/^https?:\/\//.test(value)) return { name: "Overkiz", endpoint: value.endsWith("/") ? value : `${value}/`, manufacturer: "Overkiz", apiType: "cloud" };
  return value as keyof typeof SERVERS;
}

function credentials(ctx: CommandContext): Credentials {
  const token = ctx.config.value("overkiz.token");
  if (token) return { token };
  const username = ctx.config.value("overkiz.username");
  const password = ctx.config.value("overkiz.password");
  if (username && password) return { username, password };
  throw new UsageError("no Overkiz credentials: set overkiz.username and overkiz.password (or overkiz.token) with `openapp-cli config set`, or OVERKIZ_USERNAME/OVERKIZ_PASSWORD");
}

/** A client used for one command and closed after it (the session and any listener end with it). */
async function withOverkiz(ctx: CommandContext, body: (client: OverkizClient) => Promise<void>): Promise<void> {
  const client = new OverkizClient({ server: server(ctx), credentials: credentials(ctx), middleware: [ctx.capture.middleware], logger: ctx.logger });
  try {
    await body(client);
  } finally {
    await client.close();
  }
}

async function findDevice(client: OverkizClient, wanted: string): Promise<Device> {
  return pickOne(await client.getDevices(), wanted, (d) => d.deviceURL, (d) => d.label, "device");
}

const deviceSummary = (device: Device) => ({
  deviceURL: device.deviceURL,
  label: device.label,
  uiClass: device.uiClass,
  widget: device.widget,
  controllableName: device.controllableName,
  available: device.available,
  placeOID: device.placeOID,
});

async function showDevice(ctx: CommandContext, client: OverkizClient, wanted: string): Promise<void> {
  const device = await findDevice(client, wanted);
  const states = await client.getState(device.deviceURL);
  const detail = { ...deviceSummary(device), commands: device.definition.commandNames, states: states.map(({ name, type, value }) => ({ name, type, value })) };
  if (ctx.output.json) return ctx.output.line(JSON.stringify(detail, null, 2));
  ctx.output.record(detail, Object.entries(deviceSummary(device)).concat([["commands", detail.commands.join(" ")]]));
  ctx.output.list(detail.states, [
    { header: "state", value: (s) => s.name },
    { header: "value", value: (s) => s.value },
  ]);
}

async function exec(ctx: CommandContext, client: OverkizClient, wanted: string, name: string, rawParameters: readonly string[]): Promise<void> {
  // Loading the devices first lets the SDK check the command against the device before the network.
  const device = await findDevice(client, wanted);
  const parameters = rawParameters.map(commandParameter);
  const call = `${name}(${parameters.map((p) => JSON.stringify(p)).join(", ")})`;
  const execId = await runAction(ctx, {
    description: `Will execute ${call} on "${device.label}" (${device.uiClass}, ${device.deviceURL}).`,
    perform: () => client.executeActionGroup([{ deviceURL: device.deviceURL, commands: [command(name, ...parameters)] }], { label: `openapp-cli ${name}` }),
  });
  if (execId === undefined) return;
  if (ctx.output.json) ctx.output.line(JSON.stringify({ execId, deviceURL: device.deviceURL, command: name, parameters }));
  else ctx.output.line(execId);
}

function describeChange(change: MirrorChange): string {
  switch (change.type) {
    case "states":
      return `${change.deviceURL} ${change.states.map((s) => `${s.name}=${JSON.stringify(s.value)}`).join(" ")}`;
    case "deviceAdded":
    case "deviceUpdated":
      return `${change.type} ${change.device.deviceURL} (${change.device.label})`;
    default:
      return `${change.type} ${JSON.stringify(change, (key, value) => (key === "type" ? undefined : value))}`;
  }
}

/** Follows the state mirror until Ctrl-C; stopping it unregisters the event listener before exit. */
async function watch(ctx: CommandContext, client: OverkizClient, intervalMs: number): Promise<void> {
  const interrupt = onInterrupt();
  const mirror = client.createStateMirror({ intervalMs });
  try {
    await mirror.start({ signal: interrupt.signal });
    ctx.output.note(`watching ${mirror.devices.length} Overkiz devices; Ctrl-C to stop`);
    for await (const change of mirror.changes({ signal: interrupt.signal })) {
      const at = new Date().toISOString();
      ctx.output.event({ at, ...change, ...("device" in change ? { device: deviceSummary(change.device) } : {}) }, `${at} ${describeChange(change)}`);
    }
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
  } finally {
    interrupt.release();
    await mirror.stop();
  }
  ctx.output.note("stopped; event listener unregistered");
}

export function registerOverkiz(program: Command, runner: Runner): void {
  const overkiz = program.command("overkiz").description("Overkiz (Somfy TaHoma, Cozytouch, …): devices, gateways, places, exec, watch, diagnostics");
  examples(overkiz, ["openapp-cli overkiz devices", "openapp-cli overkiz exec 'Living room' setClosure 40"]);
  const run = (command: { optsWithGlobals(): object }, body: (ctx: CommandContext, client: OverkizClient) => Promise<void>) =>
    runner.run(command, (ctx) => withOverkiz(ctx, (client) => body(ctx, client)));

  const devices = overkiz
    .command("devices")
    .description("list the setup's devices")
    .action((_options, cmd) =>
      run(cmd, async (ctx, client) => {
        ctx.output.list((await client.getDevices()).map(deviceSummary), [
          { header: "label", value: (d) => d.label },
          { header: "ui class", value: (d) => d.uiClass },
          { header: "available", value: (d) => d.available },
          { header: "device url", value: (d) => d.deviceURL },
        ]);
      }),
    );
  examples(devices, ["openapp-cli overkiz devices", "openapp-cli overkiz devices --json | jq -r '.[].deviceURL'"]);

  const device = overkiz
    .command("device")
    .description("show one device's current states and the commands it accepts")
    .argument("<device>", "device URL or label")
    .action((wanted, _options, cmd) => run(cmd, (ctx, client) => showDevice(ctx, client, wanted)));
  examples(device, ["openapp-cli overkiz device 'Living room'", "openapp-cli overkiz device io://1234-5678-9012/6112754 --json"]);

  const gateways = overkiz
    .command("gateways")
    .description("list gateways with their type, firmware and status")
    .action((_options, cmd) =>
      run(cmd, async (ctx, client) => {
        ctx.output.list(await client.getGateways(), [
          { header: "gateway", value: (g) => g.gatewayId },
          { header: "type", value: (g) => g.typeLabel ?? g.type },
          { header: "alive", value: (g) => g.alive },
          { header: "protocol", value: (g) => g.connectivity?.protocolVersion },
          { header: "mode", value: (g) => g.mode },
        ]);
      }),
    );
  examples(gateways, ["openapp-cli overkiz gateways"]);

  const places = overkiz
    .command("places")
    .description("list the places (house, floors, rooms)")
    .action((_options, cmd) =>
      run(cmd, async (ctx, client) => {
        const rows = flattenPlaces(await client.getPlaces()).map(({ oid, label, type }) => ({ oid, label, type }));
        ctx.output.list(rows, [
          { header: "oid", value: (p) => p.oid },
          { header: "label", value: (p) => p.label },
          { header: "type", value: (p) => p.type },
        ]);
      }),
    );
  examples(places, ["openapp-cli overkiz places --json"]);

  const execCommand = overkiz
    .command("exec")
    .description("execute a command on a device, checked against the device first; asks first on a terminal")
    .argument("<device>", "device URL or label")
    .argument("<command>", "command name, e.g. setClosure, open, setHeatingLevel")
    .argument("[params...]", "parameters: numbers and JSON literals are sent as such, anything else as text")
    .action((wanted, name, params, _options, cmd) => run(cmd, (ctx, client) => exec(ctx, client, wanted, name, params)));
  examples(execCommand, [
    "openapp-cli overkiz exec 'Living room' setClosure 40",
    "openapp-cli overkiz exec io://1234-5678-9012/6112754 open --yes",
    "openapp-cli overkiz exec 'Bathroom heater' setHeatingLevel comfort --dry-run",
  ]);

  const watchCommand = overkiz
    .command("watch")
    .description("follow live state changes through the state mirror until Ctrl-C (NDJSON with --json)")
    .option("--interval-ms <ms>", "event fetch interval in milliseconds (at least 1000 on the cloud)", (v) => Number(v), 1000)
    .action((options, cmd) => run(cmd, (ctx, client) => watch(ctx, client, options.intervalMs)));
  examples(watchCommand, ["openapp-cli overkiz watch", "openapp-cli overkiz watch --json | jq 'select(.type==\"states\")'"]);

  const diagnostics = overkiz
    .command("diagnostics")
    .description("write the setup for a bug report, masked by the SDK (ids, labels, e-mails, tokens)")
    .requiredOption("--out <file>", "file to write (JSON)")
    .action((options, cmd) =>
      run(cmd, async (ctx, client) => {
        const data = await client.getDiagnosticData();
        writeFileSync(options.out, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
        ctx.output.note(`wrote masked diagnostics to ${options.out}`);
      }),
    );
  examples(diagnostics, ["openapp-cli overkiz diagnostics --out overkiz-setup.json"]);
}
