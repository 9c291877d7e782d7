/**
 * What makes an action safe from a terminal: it is shown, confirmed on a TTY (or by `--yes`),
 * and with `--dry-run` the request the SDK built is stopped by a middleware at the last step
 * before the network and printed, redacted, instead of being sent.
 */
import { createInterface } from "node:readline";
import { type Middleware, redactHeaders, redactText, redactUrl } from "@openapp/core";
import { DeclinedError, UsageError } from "./exit.js";
import type { Output } from "./output.js";

/** The request an action would have sent, credentials masked. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Thrown by the dry-run middleware instead of sending; carries what would have been sent. */
export class DryRunStop extends Error {
  override readonly name = "DryRunStop";
  constructor(readonly request: CapturedRequest) {
    super("dry run: the request was not sent");
  }
}

const READS = new Set(["GET", "HEAD"]);

function parsedBody(text: string, secrets: readonly string[]): unknown {
  if (text === "") return undefined;
  const masked = redactText(text, secrets);
  try {
    return JSON.parse(masked);
  } catch {
    return masked;
  }
}

/**
 * A middleware that lets reads through (looking a device up, signing in) and, once `arm()`ed,
 * stops the first write: the action itself, exactly as the SDK built it.
 */
export class DryRunGuard {
  #armed = false;

  constructor(
    readonly enabled: boolean,
    private readonly secrets: () => readonly string[],
  ) {}

  /** From now on the next non-read request is the action: capture it instead of sending it. */
  arm(): void {
    this.#armed = this.enabled;
  }

  readonly middleware: Middleware = async (request, next) => {
    if (!this.#armed || READS.has(request.method)) return next(request);
    const secrets = this.secrets();
    const body = parsedBody(await request.clone().text(), secrets);
    throw new DryRunStop({
      method: request.method,
      url: redactText(redactUrl(request.url), secrets),
      headers: redactHeaders(request.headers, secrets),
      ...(body === undefined ? {} : { body }),
    });
  };
}

export function printDryRun(output: Output, request: CapturedRequest): void {
  if (output.json) {
    output.line(JSON.stringify({ dryRun: true, request }, null, 2));
    return;
  }
  output.line(`${request.method} ${request.url}`);
  for (const [name, value] of Object.entries(request.headers)) output.line(`${name}: ${value}`);
  if (request.body !== undefined) output.line(`\n${typeof request.body === "string" ? request.body : JSON.stringify(request.body, null, 2)}`);
  output.note("dry run: nothing was sent");
}

async function ask(output: Output, question: string): Promise<string> {
  const reader = createInterface({ input: output.stdin, terminal: false });
  output.noteRaw(question);
  try {
    for await (const answer of reader) return answer;
    return "";
  } finally {
    reader.close();
  }
}

/**
 * Shows what an action will do and asks on a TTY; `--yes` skips the question. Without a terminal
 * and without `--yes` nothing is sent: a script must say it means it.
 */
export async function confirmAction(output: Output, description: string, options: { yes: boolean; dryRun: boolean }): Promise<void> {
  output.note(description);
  if (options.yes || options.dryRun) return;
  if (!output.interactive) throw new UsageError("this command acts on a device: pass --yes to confirm it without a terminal, or --dry-run to see the request");
  const answer = await ask(output, "Proceed? [y/N] ");
  if (!/^\s*y(es)?\s*$/i.test(answer)) throw new DeclinedError();
}
