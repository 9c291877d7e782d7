/**
 * Shell completion for bash, zsh and fish. Each shell script is a thin wrapper that asks the CLI
 * itself (`openapp-cli __complete -- <words>`) for candidates, so the command tree is the one
 * source of truth and completion never goes stale.
 */
import type { Command, Option } from "@commander-js/extra-typings";
import { SETTING_NAMES } from "../config.js";
import { UsageError } from "../exit.js";
import { type Runner, examples } from "../program.js";

const SCRIPTS = {
  bash: `# openapp-cli completion for bash: eval "$(openapp-cli completion bash)"
_openapp_cli_complete() {
  local IFS=$'\\n'
  COMPREPLY=( $(openapp-cli __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
}
complete -o default -F _openapp_cli_complete openapp-cli
`,
  zsh: `#compdef openapp-cli
# openapp-cli completion for zsh: openapp-cli completion zsh > "\${fpath[1]}/_openapp-cli"
_openapp_cli() {
  local -a candidates
  candidates=("\${(@f)$(openapp-cli __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _openapp_cli openapp-cli
`,
  fish: `# openapp-cli completion for fish: openapp-cli completion fish > ~/.config/fish/completions/openapp-cli.fish
complete -c openapp-cli -f -a '(openapp-cli __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`,
} as const;

type AnyCommand = Command<unknown[], Record<string, unknown>, Record<string, unknown>>;

const flags = (options: readonly Option[]) => options.flatMap((option) => [option.long, option.short].filter((f): f is string => Boolean(f)));
const takesValue = (command: AnyCommand, root: AnyCommand, word: string) =>
  [...command.options, ...root.options].some((option) => (option.long === word || option.short === word) && (option.required || option.optional));

/** Candidates for the last word, given the words before it (options and their values skipped). */
export function completions(root: AnyCommand, words: readonly string[]): string[] {
  const current = words.at(-1) ?? "";
  let command = root;
  const positionals: string[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    if (word.startsWith("-")) {
      if (takesValue(command, root, word)) i++;
      continue;
    }
    const child = command.commands.find((c) => c.name() === word || c.aliases().includes(word)) as AnyCommand | undefined;
    if (child && positionals.length === 0) command = child;
    else positionals.push(word);
  }
  const subcommands = positionals.length === 0 ? command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map((c) => c.name()) : [];
  const settings = /^config (set|unset)$/.test(`${command.parent?.name()} ${command.name()}`) && positionals.length === 0 ? SETTING_NAMES : [];
  const options = current.startsWith("-") ? [...flags(command.options), ...flags(root.options), "--help"] : [];
  return [...new Set([...subcommands, ...settings, ...options])].filter((candidate) => candidate.startsWith(current));
}

export function registerCompletion(program: Command, runner: Runner): void {
  const completion = program
    .command("completion")
    .description("print the shell completion script for bash, zsh or fish")
    .argument("<shell>", "bash | zsh | fish")
    .action((shell, _options, command) =>
      runner.run(command, async (ctx) => {
        if (!Object.hasOwn(SCRIPTS, shell)) throw new UsageError(`no completion for "${shell}"; choose bash, zsh or fish`);
        ctx.output.line(SCRIPTS[shell as keyof typeof SCRIPTS].trimEnd());
      }),
    );
  examples(completion, ['eval "$(openapp-cli completion bash)"', 'openapp-cli completion zsh > "${fpath[1]}/_openapp-cli"', "openapp-cli completion fish > ~/.config/fish/completions/openapp-cli.fish"]);

  program
    .command("__complete", { hidden: true })
    .argument("[words...]")
    .allowUnknownOption()
    .action((words, _options, command) =>
      runner.run(command, async (ctx) => {
        for (const candidate of completions(program as unknown as AnyCommand, words)) ctx.output.line(candidate);
      }),
    );
}
