import { readEnv } from "./env.js";

/** Severity of a log line; a console logger prints its level and above. */
export type LogLevel = "debug" | "info" | "warn" | "error";
/** Structured details of a log line (already redacted). */
export type LogFields = Record<string, unknown>;

/** Where the SDK logs: any object with these four methods (`console` fits). */
export interface Logger {
  /** Per-request details: method, redacted URL, status, attempt, duration. */
  debug(message: string, fields?: LogFields): void;
  /** Noteworthy events. */
  info(message: string, fields?: LogFields): void;
  /** Something the user should look at (for example disabled TLS verification). */
  warn(message: string, fields?: LogFields): void;
  /** Failures. */
  error(message: string, fields?: LogFields): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The default: logs nothing. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Prints to the console at or above `level`, prefixed with the SDK name. */
export function createConsoleLogger(options: { level?: LogLevel; prefix?: string } = {}): Logger {
  const threshold = LEVEL_RANK[options.level ?? "info"];
  const prefix = options.prefix ? `[${options.prefix}] ` : "";
  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LEVEL_RANK[level] < threshold) return;
    const args: unknown[] = fields === undefined ? [`${prefix}${message}`] : [`${prefix}${message}`, fields];
    console[level](...args);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

function isLogLevel(value: string): value is LogLevel {
  return value in LEVEL_RANK;
}

/**
 * An explicit logger wins; otherwise the vendor's env var (`OPENAPP_LOG=debug`) turns on
 * console output; otherwise the SDK stays silent.
 */
export function resolveLogger(options: { logger?: Logger | undefined; envVar?: string; prefix?: string }): Logger {
  if (options.logger) return options.logger;
  const level = options.envVar ? readEnv(options.envVar)?.toLowerCase() : undefined;
  if (level && isLogLevel(level)) return createConsoleLogger({ level, prefix: options.prefix ?? options.envVar });
  return silentLogger;
}
