import { ConfigError, ValidationError, type ValidationIssue } from "./errors.js";
import { kindOf } from "./guards.js";
import type { OperationDescriptor } from "./operations.js";
import type { SafeParseSchema } from "./validation.js";

/** operationId → the schema of its success answer, as the generated `./zod` entry exports it. */
export type ResponseSchemas = Readonly<Record<string, SafeParseSchema<unknown> | undefined>>;

/** `$[0].state.door` — where in the body an issue sits, as a reader of the JSON would write it. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((at, key) => {
    if (typeof key === "number") return `${at}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${at}.${name}` : `${at}[${JSON.stringify(name)}]`;
  }, "$");
}

/**
 * The cheap check that always runs: a list operation that answers anything but a JSON array
 * fails here, naming the operation, instead of resolving to a value whose `.map` crashes later.
 * An answer with no body at all is the empty list (servers that document no schema send none).
 */
export function checkResponseShape(vendor: string, id: string, operation: OperationDescriptor, body: unknown): unknown {
  if (!operation.responseArray || Array.isArray(body)) return body;
  if (body === undefined) return [];
  const message = `expected a list (JSON array), got ${body === undefined ? "an empty body" : kindOf(body)}`;
  throw new ValidationError(`${vendor} ${id}: response at $: ${message}`, { issues: [{ path: [], message }] });
}

/** Checks a body against its operation's schema; the body is returned as it came (unknown fields kept). */
export function validateResponse(vendor: string, id: string, schema: SafeParseSchema<unknown> | undefined, body: unknown): void {
  if (!schema) return;
  const result = schema.safeParse(body);
  if (result.success) return;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({ path: [...issue.path], message: issue.message }));
  const [first] = issues;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
  const where = first ? `${jsonPath(first.path)}: ${first.message}` : "$";
  throw new ValidationError(`${vendor} ${id}: response failed validation at ${where}${more}`, { issues });
}

/** Loads the schemas once per client (and its `withDefaults` copies); a failed load is retried next call. */
export function lazySchemas(vendor: string, load: (() => Promise<ResponseSchemas>) | undefined): () => Promise<ResponseSchemas> {
  if (!load) {
    return () => Promise.reject(new ConfigError(`validateResponses: ${vendor} ships no response schemas`));
  }
  let loading: Promise<ResponseSchemas> | undefined;
  return () => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new ConfigError(`validateResponses: could not load ${vendor}'s response schemas (is zod installed? \`npm install zod\`)`, { cause });
    });
    return loading;
  };
}

