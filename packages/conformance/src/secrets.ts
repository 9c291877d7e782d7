import { inspect } from "node:util";

const VISIBLE_SUFFIX = 4;

/**
 * What must never be seen of a secret: all of it but the last 4 characters (an API key may be
 * shown as `***b6f0`; anything longer than that is a leak).
 */
function forbiddenFragments(secrets: readonly string[]): string[] {
  return secrets.map((secret) => (secret.length > 2 * VISIBLE_SUFFIX ? secret.slice(0, -VISIBLE_SUFFIX) : secret));
}

/** `where: secret…` for every place that shows a forbidden fragment. */
export function findLeaks(views: Readonly<Record<string, string>>, secrets: readonly string[]): string[] {
  const fragments = forbiddenFragments(secrets);
  const leaks: string[] = [];
  for (const [where, text] of Object.entries(views)) {
    for (const fragment of fragments) {
      const at = text.indexOf(fragment);
      // The context before the leak says which field carried it.
      if (at >= 0) leaks.push(`${where}: …${text.slice(Math.max(0, at - 60), at).replace(/\s+/g, " ")}[${fragment.slice(0, 12)}…]`);
    }
  }
  return leaks;
}

const deepInspect = (value: unknown) => inspect(value, { depth: 10, showHidden: true, getters: false });

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch (error) {
    return `<JSON.stringify threw: ${String(error)}>`;
  }
}

/** Every way a user may print an error, down its cause chain. */
export function errorViews(error: unknown): Record<string, string> {
  const views: Record<string, string> = {};
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    const at = depth === 0 ? "error" : `error${".cause".repeat(depth)}`;
    const asError = current as { message?: unknown; stack?: unknown; cause?: unknown };
    views[`${at}.message`] = String(asError.message);
    views[`${at}.stack`] = String(asError.stack);
    views[`String(${at})`] = String(current);
    views[`JSON.stringify(${at})`] = safeJson(current);
    views[`util.inspect(${at})`] = deepInspect(current);
    current = typeof current === "object" ? asError.cause : undefined;
  }
  return views;
}

/** A recorded logger line as the secret scan reads it: level, message and every field. */
export const logLineView = (line: { level: string; message: string; fields?: unknown }) =>
  `${line.level} ${String(line.message)} ${deepInspect(line.fields)}`;

export { deepInspect };
