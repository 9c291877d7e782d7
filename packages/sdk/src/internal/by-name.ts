import { ValidationError, readingInput } from "@openapp/core";
import { AmbiguousResourceError, ResourceNotFoundError } from "../errors.js";
import type { OpenAppRequestOptions } from "../models/operation-types.js";

/** `exact`: the whole name, any locale, case and surrounding space ignored; `fuzzy`: contains it. */
export type NameMatchMode = "exact" | "fuzzy";

/** Options of the `getByName` methods. */
export interface GetByNameOptions extends OpenAppRequestOptions {
  /** How the name is compared (default `exact`). */
  match?: NameMatchMode | undefined;
}

const normalized = (text: string) => text.trim().toLowerCase();

/** Every text of a name: a plain string, a locale map (`{ en, fr }`) or a `{ value: { en, fr } }` envelope. */
function nameTexts(name: unknown): string[] {
  if (typeof name === "string") return [name];
  if (typeof name !== "object" || name === null) return [];
  const record = name as Record<string, unknown>;
  const locales = typeof record.value === "object" && record.value !== null ? (record.value as Record<string, unknown>) : record;
  return Object.values(locales).filter((text): text is string => typeof text === "string");
}

/** The checked needle and mode, before any request. */
export function byNameInput(name: unknown, options: GetByNameOptions | undefined): { needle: string; mode: NameMatchMode; request: OpenAppRequestOptions } {
  const { match = "exact", ...request } = readingInput("getByName options", () => ({ ...(options ?? {}) }));
  if (typeof name !== "string" || name.trim() === "") throw new ValidationError("getByName needs a non-empty name");
  if (match !== "exact" && match !== "fuzzy") throw new ValidationError(`match must be "exact" or "fuzzy", got ${JSON.stringify(match)}`);
  return { needle: normalized(name), mode: match, request };
}

/**
 * The one item whose name matches. Nothing is a {@link ResourceNotFoundError}; several are an
 * {@link AmbiguousResourceError} listing them: it never picks one for the caller.
 */
export async function findByName<T extends { id: string; name?: unknown }>(
  resourceType: string,
  name: string,
  needle: string,
  mode: NameMatchMode,
  items: AsyncIterable<T> | Iterable<T>,
): Promise<T> {
  const hits: T[] = [];
  for await (const item of items) {
    const texts = nameTexts(item.name).map(normalized);
    if (texts.some((text) => (mode === "exact" ? text === needle : text.includes(needle)))) hits.push(item);
  }
  const [only] = hits;
  if (only === undefined) throw new ResourceNotFoundError(resourceType, name);
  if (hits.length > 1) throw new AmbiguousResourceError(resourceType, name, hits.map((hit) => ({ id: hit.id, name: hit.name })));
  return only;
}
