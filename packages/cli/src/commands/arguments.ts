/** Argument parsers shared by the commands; each failure is a usage error (exit 2). */
import { InvalidArgumentError } from "@commander-js/extra-typings";
import { UsageError } from "../exit.js";

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return parsed;
}

export function parseJsonOption(value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError("expected a JSON object");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError("expected a JSON object");
  return parsed as Record<string, unknown>;
}

/**
 * A command parameter as typed on the command line: numbers and JSON literals (`true`, `[1,2]`,
 * `{"a":1}`) become values, anything else stays a string (`comfort`, `high`).
 */
export function commandParameter(value: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^(true|false|null)$/.test(value) || /^[[{"]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Resolves a name or id among candidates: exact id first, then one exact (case-insensitive) label. */
export function pickOne<T>(candidates: readonly T[], wanted: string, id: (item: T) => string, label: (item: T) => string | undefined, what: string): T {
  const byId = candidates.find((item) => id(item) === wanted);
  if (byId) return byId;
  const lower = wanted.toLowerCase();
  const byLabel = candidates.filter((item) => label(item)?.toLowerCase() === lower);
  if (byLabel.length === 1) return byLabel[0]!;
  if (byLabel.length > 1) {
    throw new UsageError(
      `${byLabel.length} ${what}s are called "${wanted}": ${byLabel.map(id).join(", ")}; pass one of these instead`,
    );
  }
  throw new UsageError(`no ${what} "${wanted}"; known: ${candidates.map((item) => label(item) ?? id(item)).slice(0, 20).join(", ")}`);
}
