/** `openapp …`: devices, entities, integrations and zones, and entity actions, on @openapp/sdk. */
import type { Command } from "@commander-js/extra-typings";
import type { CommandContext } from "../context.js";
import { UsageError } from "../exit.js";
import { type Runner, examples } from "../program.js";
import { runAction } from "../safety.js";
import { parseJsonOption, positiveInteger } from "./arguments.js";
import { registerAudit } from "./openapp-audit.js";
import { openAppClient } from "./openapp-client.js";

/** A localized name in the first locale it has (`{ en: "Front door" }` → `Front door`). */
function localized(name: unknown): string {
  if (typeof name === "string") return name;
  if (name && typeof name === "object") return Object.values(name as Record<string, string>)[0] ?? "";
  return "";
}

const SHORTCUTS = new Set(["open", "close", "on", "off"]);

async function runEntityAction(ctx: CommandContext, entityId: string, action: string, body: Record<string, unknown>): Promise<void> {
  const client = openAppClient(ctx);
  const entity = await client.entities.get(entityId);
  const label = entity.name ? `"${entity.name}" (${entity.entity_type}, ${entity.id})` : `${entity.entity_type} ${entity.id}`;
  const bodyText = Object.keys(body).length > 0 ? ` with ${JSON.stringify(body)}` : "";
  const handle = client.entities.byId(entityId);
  const result = await runAction(ctx, {
    description: `Will run ${action} on entity ${label}${bodyText}.`,
    perform: () => (SHORTCUTS.has(action) ? handle[action as "open"](body) : handle.action(action, body)),
  });
  if (result === undefined) return;
  if (ctx.output.json) ctx.output.line(JSON.stringify(result, null, 2));
  else ctx.output.note(`done: ${action} on ${label}`);
}

export function registerOpenApp(program: Command, runner: Runner): void {
  const openapp = program.command("openapp").description("OpenApp: devices, entities, integrations, zones and entity actions (OPENAPP_API_KEY, OPENAPP_ORG)");
  examples(openapp, ["openapp-cli openapp devices", "openapp-cli openapp action 01HZX7A1D5G9K3P7S1W5Z9C3F7 open --dry-run"]);

  const devices = openapp
    .command("devices")
    .description("list the organization's devices")
    .option("--integration <id>", "only the devices of this integration")
    .option("--max <n>", "stop after this many devices", positiveInteger, 1000)
    .action((options, command) =>
      runner.run(command, async (ctx) => {
        const rows = await openAppClient(ctx).devices.list(options.integration ? { integration_id: options.integration } : {}).toArray({ max: options.max });
        ctx.output.list(rows, [
          { header: "id", value: (d) => d.id },
          { header: "name", value: (d) => localized(d.name) },
          { header: "integration", value: (d) => d.integration_id },
          { header: "external id", value: (d) => d.external_id },
        ]);
      }),
    );
  examples(devices, ["openapp-cli openapp devices", "openapp-cli openapp devices --integration 01HZX5… --json"]);

  const device = openapp
    .command("device")
    .description("show one device with its metadata")
    .argument("<id>", "device id")
    .action((id, _options, command) => runner.run(command, async (ctx) => ctx.output.record(await openAppClient(ctx).devices.get(id, { include_metadata: true }))));
  examples(device, ["openapp-cli openapp device 01HZX6C4F8J2M6Q0T4W8Z2B6E0"]);

  const entities = openapp
    .command("entities")
    .description("list entities (doors, lights, switches, sensors)")
    .option("--device <id>", "only the entities of this device")
    .option("--max <n>", "stop after this many entities", positiveInteger, 1000)
    .action((options, command) =>
      runner.run(command, async (ctx) => {
        const client = openAppClient(ctx);
        const pages = options.device ? client.devices.entities(options.device) : client.entities.list();
        ctx.output.list(await pages.toArray({ max: options.max }), [
          { header: "id", value: (e) => e.id },
          { header: "type", value: (e) => e.entity_type },
          { header: "name", value: (e) => e.name },
          { header: "device", value: (e) => e.device_id },
          { header: "zone", value: (e) => e.zone_id },
        ]);
      }),
    );
  examples(entities, ["openapp-cli openapp entities", "openapp-cli openapp entities --device 01HZX6… --json"]);

  const entity = openapp
    .command("entity")
    .description("show one entity")
    .argument("<id>", "entity id")
    .action((id, _options, command) => runner.run(command, async (ctx) => ctx.output.record(await openAppClient(ctx).entities.get(id, { include_metadata: true }))));
  examples(entity, ["openapp-cli openapp entity 01HZX7A1D5G9K3P7S1W5Z9C3F7 --json"]);

  const integrations = openapp
    .command("integrations")
    .description("list integrations with their provider and health")
    .option("--max <n>", "stop after this many integrations", positiveInteger, 1000)
    .action((options, command) =>
      runner.run(command, async (ctx) => {
        ctx.output.list(await openAppClient(ctx).integrations.list().toArray({ max: options.max }), [
          { header: "id", value: (i) => i.id },
          { header: "name", value: (i) => localized(i.name) },
          { header: "provider", value: (i) => i.provider_type },
          { header: "enabled", value: (i) => i.enabled },
          { header: "health", value: (i) => i.health },
        ]);
      }),
    );
  examples(integrations, ["openapp-cli openapp integrations"]);

  const zones = openapp
    .command("zones")
    .description("list the zones of an integration")
    .requiredOption("--integration <id>", "integration id (the API lists zones per integration)")
    .action((options, command) =>
      runner.run(command, async (ctx) => {
        const list = await openAppClient(ctx).zones.listForIntegration(options.integration);
        ctx.output.list(list, [
          { header: "id", value: (z) => z.id },
          { header: "name", value: (z) => localized(z.name) },
          { header: "parent", value: (z) => z.parent_zone_id },
        ]);
      }),
    );
  examples(zones, ["openapp-cli openapp zones --integration 01HZX5…"]);

  const action = openapp
    .command("action")
    .description("run an action on an entity: open, close, on, off (the client's mapping) or any action id; asks first on a terminal")
    .argument("<entity>", "entity id")
    .argument("<action>", "open | close | on | off | an action id such as relay.pulse")
    .option("--body <json>", "JSON body of the action", parseJsonOption, {} as Record<string, unknown>)
    .action((entityId, actionName, options, command) => runner.run(command, (ctx) => runEntityAction(ctx, entityId, actionName, options.body)));
  examples(action, [
    "openapp-cli openapp action 01HZX7A1D5G9K3P7S1W5Z9C3F7 open",
    "openapp-cli openapp action 01HZX7A1… relay.pulse --body '{\"duration_ms\":800}' --dry-run",
    "openapp-cli openapp action 01HZX7A1… close --yes --json",
  ]);
  registerAudit(openapp, runner);
}
