/** What every command gets: the global options, the profile, the output and the dry-run guard. */
import type { Logger } from "@openapp/core";
import { ConfigStore, DEFAULT_PROFILE, PROFILE_ENV } from "./config.js";
import { Output, type Streams } from "./output.js";
import { RequestCapture } from "./safety.js";

/** The options every command accepts (declared once on the program). */
export interface GlobalOptions {
  profile?: string | undefined;
  json?: boolean | undefined;
  yes?: boolean | undefined;
  dryRun?: boolean | undefined;
  verbose?: boolean | undefined;
}

export interface CommandContext {
  readonly options: GlobalOptions;
  readonly config: ConfigStore;
  readonly output: Output;
  /** Installed as middleware in every client: lets actions be built and checked without being sent. */
  readonly capture: RequestCapture;
  /** SDK logger for `--verbose` (requests on stderr, secrets masked), else undefined: the SDKs stay silent. */
  readonly logger: Logger | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** Masks a secret received while running (a preview token) in everything printed afterwards. */
  addSecret(secret: string): void;
}

function stderrLogger(output: Output): Logger {
  const write = (level: string) => (message: string, fields?: object) =>
    output.note(`[${level}] ${message}${fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ""}`);
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

export function createContext(options: GlobalOptions, streams: Streams, env: NodeJS.ProcessEnv): CommandContext {
  const config = new ConfigStore(options.profile ?? env[PROFILE_ENV] ?? DEFAULT_PROFILE, env);
  const received: string[] = [];
  const secrets = () => [...config.secrets(), ...received];
  const output = new Output(streams, Boolean(options.json), secrets);
  return {
    options,
    config,
    output,
    capture: new RequestCapture(secrets),
    logger: options.verbose ? stderrLogger(output) : undefined,
    env,
    addSecret: (secret) => void received.push(secret),
  };
}
