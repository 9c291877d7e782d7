/**
 * What makes an action safe from a terminal: it is shown, confirmed on a TTY (or by `--yes`),
 * and with `--dry-run` the request the SDK built is stopped by a middleware at the last step
 * before the network and printed, redacted, instead of being sent.
 */
import { createInterface } from "node:readline";
import { type Middleware, redactHeaders, redactText, redactUrl } from "@openapp/core";
import { DeclinedError, UsageError } from "./exit.js";
import type { CommandContext } from "./context.js";
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
 * A middleware that lets reads through (looking a device up, signing in) and, while capturing,
 * stops the first write: the action itself, exactly as the SDK built and checked it.
 */
export class RequestCapture {
  #capturing = false;

  constructor(private readonly secrets: () => readonly string[]) {}

  readonly middleware: Middleware = async (request, next) => {
    if (!this.#capturing || READS.has(request.method)) return next(request);
    const secrets = this.secrets();
    const body = parsedBody(await request.clone().text(), secrets);
    throw new DryRunStop({
      method: request.method,
      url: redactText(redactUrl(request.url), secrets),
      headers: redactHeaders(request.headers, secrets),
      ...(body === undefined ? {} : { body }),
    });
  };

  /**
   * Runs `perform` up to the network and returns the request it would send; the SDK's own checks
   * run first, so an invalid command fails here, before anything is shown or asked. Undefined when
   * `perform` finished without sending (an SDK that decided there was nothing to do).
   */
  async capture(perform: () => Promise<unknown>): Promise<CapturedRequest | undefined> {
    this.#capturing = true;
    try {
      await perform();
      return undefined;
    } catch (error) {
      const stop = dryRunIn(error);
      if (stop) return stop.request;
      throw error;
    } finally {
      this.#capturing = false;
    }
  }
}

/** The DryRunStop in an error or its causes (an SDK may wrap what a middleware threw). */
function dryRunIn(error: unknown): DryRunStop | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof DryRunStop) return current;
  }
  return undefined;
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

/** An action as the commands describe it: what it does, in words, and the SDK call that does it. */
export interface SafeAction<T> {
  description: string;
  perform: () => Promise<T>;
}

/**
 * The one path of every action: build and check the request without sending it; with
 * `--dry-run` print it and stop; otherwise show it, ask on a TTY (or take `--yes`), then send it
 * once. Without a terminal and without `--yes` nothing is sent: a script must say it means it.
 */
export async function runAction<T>(ctx: CommandContext, action: SafeAction<T>): Promise<T | undefined> {
  const { output, options } = ctx;
  const request = await ctx.capture.capture(action.perform);
  output.note(action.description);
  if (options.dryRun) {
    if (request) printDryRun(output, request);
    else output.note("dry run: the SDK would send nothing");
    return undefined;
  }
  if (request) output.note(`  ${request.method} ${request.url}${request.body === undefined ? "" : ` ${JSON.stringify(request.body)}`}`);
  if (!options.yes) {
    if (!output.interactive) throw new UsageError("this command acts on a device: pass --yes to confirm it without a terminal, or --dry-run to see the request");
    const answer = await ask(output, "Proceed? [y/N] ");
    if (!/^\s*y(es)?\s*$/i.test(answer)) throw new DeclinedError();
  }
  return action.perform();
}
