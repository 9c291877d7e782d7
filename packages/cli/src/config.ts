/**
 * Profiles: named sets of vendor settings in `$XDG_CONFIG_HOME/openapp-cli/config.json`
 * (`~/.config/…` when unset), written with mode 0600 in a 0700 directory. The SDKs' environment
 * variables win over the file, so a CI job overrides a profile without editing it.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { UsageError } from "./exit.js";

/** One setting a profile can hold: where it lives, which variable overrides it, whether it is a secret. */
interface SettingSpec {
  readonly env: string;
  readonly secret: boolean;
  readonly description: string;
}

export const SETTINGS = {
  "openapp.apiKey": { env: "OPENAPP_API_KEY", secret: true, description: "OpenApp API key ({base_url}_openapp_{secret})" },
  "openapp.org": { env: "OPENAPP_ORG", secret: false, description: "OpenApp organization id sent as X-Org" },
  "openapp.baseUrl": { env: "OPENAPP_BASE_URL", secret: false, description: "OpenApp API root (overrides the key's own URL)" },
  "omlet.apiKey": { env: "OMLET_API_KEY", secret: true, description: "Omlet API key" },
  "omlet.baseUrl": { env: "OMLET_BASE_URL", secret: false, description: "Omlet API root" },
  "overkiz.server": { env: "OVERKIZ_SERVER", secret: false, description: "Overkiz server key (somfy_europe, …) or an endpoint URL" },
  "overkiz.username": { env: "OVERKIZ_USERNAME", secret: false, description: "Overkiz account e-mail" },
  "overkiz.password": { env: "OVERKIZ_PASSWORD", secret: true, description: "Overkiz account password" },
  "overkiz.token": { env: "OVERKIZ_TOKEN", secret: true, description: "Overkiz bearer token (local gateway, generic)" },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

export type Profile = Partial<Record<SettingName, string>>;

interface ConfigFile {
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = "default";
/** Names the profile when `--profile` is not given. */
export const PROFILE_ENV = "OPENAPP_CLI_PROFILE";

export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "openapp-cli", "config.json");
}

export function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(SETTINGS, name);
}

export function isSecret(name: SettingName): boolean {
  return SETTINGS[name].secret;
}

function readConfig(path: string): ConfigFile {
  if (!existsSync(path)) return { profiles: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read the config file ${path}: ${(error as Error).message}`);
  }
  const profiles = (parsed as Partial<ConfigFile> | null)?.profiles;
  if (typeof profiles !== "object" || profiles === null) throw new UsageError(`the config file ${path} has no "profiles" object`);
  return { profiles };
}

/** Writes through a temporary file created 0600, so the secrets are never readable by others, not even briefly. */
function writeConfig(path: string, config: ConfigFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

/** The profile store of one invocation: which file, which profile, and the environment that overrides it. */
export class ConfigStore {
  readonly path: string;

  constructor(
    readonly profileName: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.path = configPath(env);
  }

  /** The stored profile (empty when the file or the profile does not exist). */
  stored(): Profile {
    return readConfig(this.path).profiles[this.profileName] ?? {};
  }

  profileNames(): string[] {
    return Object.keys(readConfig(this.path).profiles);
  }

  /** A setting as the SDK will get it: the environment first, then the profile. */
  value(name: SettingName): string | undefined {
    const fromEnv = this.env[SETTINGS[name].env];
    return fromEnv !== undefined && fromEnv !== "" ? fromEnv : this.stored()[name];
  }

  /** Where a setting's value comes from, for `config show`. */
  source(name: SettingName): "env" | "profile" | undefined {
    const fromEnv = this.env[SETTINGS[name].env];
    if (fromEnv !== undefined && fromEnv !== "") return "env";
    return this.stored()[name] !== undefined ? "profile" : undefined;
  }

  /** Every secret value this invocation may hold, to be masked in all output. */
  secrets(): string[] {
    return SETTING_NAMES.filter(isSecret)
      .flatMap((name) => [this.env[SETTINGS[name].env], this.stored()[name]])
      .filter((value): value is string => typeof value === "string" && value.length > 0);
  }

  set(name: SettingName, value: string): void {
    const config = readConfig(this.path);
    config.profiles[this.profileName] = { ...config.profiles[this.profileName], [name]: value };
    writeConfig(this.path, config);
  }

  unset(name: SettingName): void {
    const config = readConfig(this.path);
    const profile = { ...config.profiles[this.profileName] };
    delete profile[name];
    config.profiles[this.profileName] = profile;
    writeConfig(this.path, config);
  }
}
