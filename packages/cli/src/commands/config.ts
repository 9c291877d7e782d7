/** `config`: profiles in the XDG config file; secrets are read from stdin and never shown. */
import { Writable } from "node:stream";
import { createInterface } from "node:readline";
import type { Command } from "@commander-js/extra-typings";
import { SETTINGS, SETTING_NAMES, type SettingName, isSecret, isSettingName } from "../config.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../exit.js";
import type { Output } from "../output.js";
import { type Runner, examples } from "../program.js";

function settingName(name: string): SettingName {
  if (isSettingName(name)) return name;
  throw new UsageError(`unknown setting "${name}"; known settings: ${SETTING_NAMES.join(", ")}`);
}

/** One line from stdin; on a terminal the typed characters are not echoed. */
async function readValue(output: Output, prompt: string): Promise<string> {
  const hidden = new Writable({ write: (_chunk, _encoding, done) => done() });
  const terminal = Boolean(output.stdin.isTTY);
  if (terminal) output.noteRaw(prompt);
  const reader = createInterface({ input: output.stdin, output: hidden, terminal });
  try {
    for await (const line of reader) return line.trim();
    return "";
  } finally {
    reader.close();
    if (terminal) output.note("");
  }
}

async function setSetting(ctx: CommandContext, rawName: string, given: string | undefined): Promise<void> {
  const name = settingName(rawName);
  const value = given ?? (await readValue(ctx.output, `${name}: `));
  if (value === "") throw new UsageError(`no value for ${name}: pass it as an argument${isSecret(name) ? " or on stdin" : ""}`);
  ctx.config.set(name, value);
  ctx.output.note(`${name} saved in profile "${ctx.config.profileName}" (${ctx.config.path})`);
}

function showProfile(ctx: CommandContext): void {
  const rows = SETTING_NAMES.map((name) => {
    const value = ctx.config.value(name);
    const shown = value === undefined ? undefined : isSecret(name) ? "***" : value;
    return { setting: name, value: shown ?? null, source: ctx.config.source(name) ?? null, env: SETTINGS[name].env };
  });
  if (ctx.output.json) ctx.output.line(JSON.stringify({ profile: ctx.config.profileName, path: ctx.config.path, settings: rows }, null, 2));
  else {
    ctx.output.note(`profile "${ctx.config.profileName}" (${ctx.config.path}); environment variables win over the file`);
    ctx.output.list(rows, [
      { header: "setting", value: (row) => row.setting },
      { header: "value", value: (row) => row.value ?? "-" },
      { header: "from", value: (row) => row.source ?? "-" },
      { header: "variable", value: (row) => row.env },
    ]);
  }
}

export function registerConfig(program: Command, runner: Runner): void {
  const config = program.command("config").description("manage profiles (file under $XDG_CONFIG_HOME/openapp-cli, mode 0600)");
  examples(config, ["openapp-cli config set overkiz.username jane@example.com", "openapp-cli config set overkiz.password   # asked without echo", "openapp-cli --profile work config show"]);

  const set = config
    .command("set")
    .description(`store a setting in the profile; omit the value to type it (or pipe it) on stdin. Settings: ${SETTING_NAMES.join(", ")}`)
    .argument("<setting>", "setting name, e.g. openapp.apiKey")
    .argument("[value]", "the value; secrets are better given on stdin (kept out of shell history)")
    .action((name, value, _options, command) => runner.run(command, (ctx) => setSetting(ctx, name, value)));
  examples(set, ["printf '%s' \"$KEY\" | openapp-cli config set omlet.apiKey", "openapp-cli --profile home config set overkiz.server somfy_europe"]);

  const unset = config
    .command("unset")
    .description("remove a setting from the profile")
    .argument("<setting>", "setting name")
    .action((name, _options, command) =>
      runner.run(command, async (ctx) => {
        ctx.config.unset(settingName(name));
        ctx.output.note(`${name} removed from profile "${ctx.config.profileName}"`);
      }),
    );
  examples(unset, ["openapp-cli config unset overkiz.token"]);

  const show = config
    .command("show")
    .description("show the profile's settings and where each comes from (secrets as ***)")
    .action((_options, command) => runner.run(command, async (ctx) => showProfile(ctx)));
  examples(show, ["openapp-cli config show", "openapp-cli --profile work config show --json"]);

  const list = config
    .command("profiles")
    .description("list the profiles in the config file")
    .action((_options, command) =>
      runner.run(command, async (ctx) => ctx.output.list(ctx.config.profileNames().map((name) => ({ name })), [{ header: "profile", value: (row) => row.name }])),
    );
  examples(list, ["openapp-cli config profiles"]);

  const path = config
    .command("path")
    .description("print the config file's path")
    .action((_options, command) => runner.run(command, async (ctx) => ctx.output.line(ctx.config.path)));
  examples(path, ["openapp-cli config path"]);
}
