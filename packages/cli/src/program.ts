/** The command tree: global options, the config and completion commands, one group per vendor. */
import { Command, CommanderError } from "@commander-js/extra-typings";
import pkg from "../package.json" with { type: "json" };
import { registerCompletion } from "./commands/completion.js";
import { registerConfig } from "./commands/config.js";
import { registerOmlet } from "./commands/omlet.js";
import { registerOpenApp } from "./commands/openapp.js";
import { registerOverkiz } from "./commands/overkiz.js";
import { type CommandContext, type GlobalOptions, createContext } from "./context.js";
import { EXIT_OK, EXIT_USAGE, exitCodeFor, formatError } from "./exit.js";
import type { Streams } from "./output.js";

/** How a command reaches its context; the program builds one per invocation. */
export interface Runner {
  run(command: { optsWithGlobals(): object }, body: (ctx: CommandContext) => Promise<void>): Promise<void>;
}

/** Adds `Examples:` to a command's help; every command has some. */
export function examples(command: { addHelpText(position: "after", text: string): unknown }, lines: readonly string[]): void {
  command.addHelpText("after", `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`);
}

export function buildProgram(streams: Streams, env: NodeJS.ProcessEnv, onContext: (ctx: CommandContext) => void): Command {
  const program = new Command();
  program
    .name("openapp-cli")
    .description("Inspect, act on and watch OpenApp, Omlet and Overkiz installations.")
    .version(pkg.version)
    .option("-p, --profile <name>", "profile of the config file to use (default: $OPENAPP_CLI_PROFILE or \"default\")")
    .option("--json", "print JSON (NDJSON for streams) instead of tables")
    .option("-y, --yes", "confirm actions without asking")
    .option("--dry-run", "print the exact request an action would send (redacted) and send nothing")
    .option("-v, --verbose", "log every request on stderr (method, redacted URL, status, duration)")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => streams.stdout.write(text), writeErr: (text) => streams.stderr.write(text) });
  examples(program, [
    "openapp-cli config set overkiz.server somfy_europe",
    "openapp-cli overkiz devices",
    "openapp-cli overkiz exec 'Living room' setClosure 40 --dry-run",
    "openapp-cli omlet watch --json",
  ]);

  const runner: Runner = {
    async run(command, body) {
      const ctx = createContext(command.optsWithGlobals() as GlobalOptions, streams, env);
      onContext(ctx);
      await body(ctx);
    },
  };
  registerConfig(program, runner);
  registerOpenApp(program, runner);
  registerOmlet(program, runner);
  registerOverkiz(program, runner);
  registerCompletion(program, runner);
  // Every subcommand inherits the program's error handling and output.
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError("(add --help for usage)");
  }
  return program;
}

/** The program and every command below it. */
export function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((child) => allCommands(child as Command))];
}

/** Runs one command line to completion and answers its exit code; never throws. */
export async function main(argv: readonly string[], streams: Streams, env: NodeJS.ProcessEnv): Promise<number> {
  let ctx: CommandContext | undefined;
  const program = buildProgram(streams, env, (created) => (ctx = created));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    // Commander has printed its own message (or the help) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    streams.stderr.write(`${formatError(error, ctx?.config.secrets() ?? [])}\n`);
    return exitCodeFor(error);
  }
}
