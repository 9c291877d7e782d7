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
class DryRunStop extends Error {
  override readonly name = "DryRunStop";
  constructor(readonly request: CapturedRequest) {
    super("dry run: the request was not sent");
  }
}

const READS = new Set(["GET", "HEAD"]);
/** Requests that never act: reads, and previews (OpenApp 1.0 asks its policies what an action would do). */
const neverActs = (request: Request) => READS.has(request.method) || new URL(request.url).pathname.endsWith("/preview");

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
    if (!this.#capturing || neverActs(request)) return next(request);
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

function printDryRun(output: Output, request: CapturedRequest): void {
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
 * Asked by SDKs that confirm inside the call (OpenApp 1.0 previews the action and hands the
 * preview over before running it): true runs the action, false declines.
 */
export type Approve = (details: unknown) => Promise<boolean>;

/** An action as the commands describe it: what it does, in words, and the SDK call that does it. */
export interface SafeAction<T> {
  description: string;
  /** Sends the action; passes `approve` on to an SDK that asks for confirmation itself. */
  perform: (approve: Approve) => Promise<T>;
}

const DRY_RUN_HINT = "pass --yes to confirm it without a terminal, or --dry-run to see the request";

/** `--yes`, or the person's answer on a terminal; without a terminal and without `--yes` nothing is sent. */
async function confirmed(ctx: CommandContext): Promise<boolean> {
  if (ctx.options.yes) return true;
  if (!ctx.output.interactive) throw new UsageError(`this command acts on a device: ${DRY_RUN_HINT}`);
  return /^\s*y(es)?\s*$/i.test(await ask(ctx.output, "Proceed? [y/N] "));
}

function showDetails(output: Output, details: unknown): void {
  output.note(`  ${JSON.stringify(details)}`);
}

/**
 * The one path of every action: the SDK builds and checks the request up to the network (an SDK
 * that previews gets its preview approved here, nothing runs); with `--dry-run` print it and
 * stop; otherwise show it, ask on a TTY (or take `--yes`), and send it once. Where the SDK asks
 * itself, the question comes with its preview, inside the call.
 */
export async function runAction<T>(ctx: CommandContext, action: SafeAction<T>): Promise<T | undefined> {
  const { output, options } = ctx;
  let previewed: unknown;
  const request = await ctx.capture.capture(() =>
    action.perform(async (details) => {
      previewed = details;
      return true;
    }),
  );
  output.note(action.description);
  if (options.dryRun) {
    if (previewed !== undefined) showDetails(output, previewed);
    if (request) printDryRun(output, request);
    else output.note("dry run: the SDK would send nothing");
    return undefined;
  }
  if (request) output.note(`  ${request.method} ${request.url}${request.body === undefined ? "" : ` ${JSON.stringify(request.body)}`}`);
  if (previewed !== undefined) {
    return action.perform(async (details) => {
      showDetails(output, details);
      if (await confirmed(ctx)) return true;
      throw new DeclinedError();
    });
  }
  if (!(await confirmed(ctx))) throw new DeclinedError();
  return action.perform(async () => true);
}
