/**
 * Exit codes and the one-line error every failure becomes. Stable for scripts:
 * 0 ok, 1 the API (or the network) failed or the user declined, 2 usage or configuration.
 */
import { redactText } from "@openapp/core";

export const EXIT_OK = 0;
export const EXIT_API = 1;
export const EXIT_USAGE = 2;

/** Bad arguments or configuration found by the CLI itself, before any request. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The user answered no (or nothing) to a confirmation: nothing was sent. */
export class DeclinedError extends Error {
  override readonly name = "DeclinedError";
  constructor() {
    super("cancelled: nothing was sent");
  }
}

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  requestId?: unknown;
  hint?: unknown;
}

/** SdkErrors the SDKs throw before any request: the command line or the configuration is wrong. */
const USAGE_ERROR_NAMES = new Set(["UsageError", "ConfigError", "ValidationError", "SerializationError", "CommanderError"]);

export function exitCodeFor(error: unknown): number {
  const name = (error as ErrorFields | null)?.name;
  if (typeof name === "string" && USAGE_ERROR_NAMES.has(name)) return EXIT_USAGE;
  return EXIT_API;
}

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);

/**
 * `error: NotFoundError (404, not_found): message [request id …] — hint`, on one line, with every
 * known secret masked (the SDKs already redact; this is the last guard of the terminal).
 */
export function formatError(error: unknown, secrets: readonly string[]): string {
  const fields = (typeof error === "object" && error !== null ? error : { message: String(error) }) as ErrorFields;
  const name = text(fields.name) ?? "Error";
  const details = [typeof fields.status === "number" ? String(fields.status) : undefined, text(fields.code)].filter(Boolean);
  const head = details.length > 0 && name !== "UsageError" ? `${name} (${details.join(", ")})` : name;
  const message = (text(fields.message) ?? String(error)).replace(/\s*\n\s*/g, " ");
  const requestId = text(fields.requestId) ? ` [request id ${fields.requestId as string}]` : "";
  const hint = text(fields.hint) ? ` — ${fields.hint as string}` : "";
  const label = name === "UsageError" || name === "DeclinedError" ? "" : `${head}: `;
  return redactText(`error: ${label}${message}${requestId}${hint}`, secrets);
}
