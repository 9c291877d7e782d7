/** One call a client made to its logger. */
export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  fields?: Record<string, unknown>;
}

/** The shape of a client's `logger` option (core's `Logger`; the harness does not depend on core). */
export type RecordingLoggerSink = Record<LogLine["level"], (message: string, fields?: Record<string, unknown>) => void>;

/** A logger for a client's `logger` option that keeps every line it is given, in order. */
export function recordingLogger(): { logger: RecordingLoggerSink; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: LogLine["level"]) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { logger: { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") }, lines };
}
