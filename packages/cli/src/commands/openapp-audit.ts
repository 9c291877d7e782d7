/** `openapp audit …` (OpenApp 1.0): follow audit events like `tail -f`, and export any range to a file. */
import { createWriteStream, existsSync, renameSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { setTimeout as sleep } from "node:timers/promises";
import type { Command } from "@commander-js/extra-typings";
import type { AuditEvent, AuditExportJob, Middleware, OpenAppClient } from "@openapp/sdk";
import type { CommandContext } from "../context.js";
import { UsageError } from "../exit.js";
import { isInterruption, onInterrupt } from "../interrupt.js";
import { type Runner, examples } from "../program.js";
import { positiveInteger } from "./arguments.js";
import { openAppClient } from "./openapp-client.js";

const UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `15m`, `2h`, `7d` before now, or an RFC 3339 date-time as given. */
export function sinceDate(value: string, now = Date.now()): string {
  const relative = /^(\d+)([smhd])$/.exec(value);
  if (relative) return new Date(now - Number(relative[1]) * UNITS_MS[relative[2]!]!).toISOString();
  if (Number.isNaN(Date.parse(value))) throw new UsageError(`--since takes a duration such as 15m, 2h or 7d, or a date-time; got "${value}"`);
  return value;
}

function orgOf(client: OpenAppClient, given: string | undefined): string {
  const org = given ?? client.org;
  if (!org) throw new UsageError("audit needs an organization: pass --org or set openapp.org (OPENAPP_ORG)");
  return org;
}

const describeEvent = (e: AuditEvent) =>
  `${e.occurred_at} ${e.event_type} ${JSON.stringify(e.outcome)} ${e.actor_kind}${e.resource_type ? ` ${e.resource_type}:${e.resource_id ?? ""}` : ""}${e.correlation_id ? ` [${e.correlation_id}]` : ""}`;

/**
 * Prints the events since `since`, oldest first, then asks for newer ones every `intervalMs`
 * until Ctrl-C. Events at the boundary timestamp are remembered so none is printed twice.
 */
async function tail(ctx: CommandContext, options: { org?: string; since: string; intervalMs: number; eventType?: string }): Promise<void> {
  const client = openAppClient(ctx);
  const org = orgOf(client, options.org);
  const interrupt = onInterrupt();
  let after = sinceDate(options.since);
  let atBoundary = new Set<string>();
  ctx.output.note(`following audit events of ${org} since ${after}; Ctrl-C to stop`);
  try {
    for (;;) {
      const filters = { occurred_after: after, ...(options.eventType ? { event_type: options.eventType } : {}) };
      const newestFirst = await client.audit.events(org, filters, { signal: interrupt.signal }).toArray({ max: 10_000 });
      const fresh = newestFirst.filter((event) => !atBoundary.has(event.id)).reverse();
      for (const event of fresh) ctx.output.event(event, describeEvent(event));
      const newest = newestFirst[0];
      if (newest && newest.occurred_at !== after) {
        after = newest.occurred_at;
        atBoundary = new Set();
      }
      for (const event of newestFirst) if (event.occurred_at === after) atBoundary.add(event.id);
      await sleep(options.intervalMs, undefined, { signal: interrupt.signal });
    }
  } catch (error) {
    if (!isInterruption(error, interrupt.signal)) throw error;
  } finally {
    interrupt.release();
  }
  ctx.output.note("stopped");
}

/** `export a1b2: running, 1 200 rows` redrawn on one line of a terminal; nothing off a terminal. */
function progress(ctx: CommandContext): ((job: AuditExportJob) => void) | undefined {
  if (!ctx.output.interactive) return undefined;
  const started = Date.now();
  return (job) => ctx.output.noteRaw(`\r\x1b[2Kexport ${job.id}: ${job.status}${job.row_count == null ? "" : `, ${job.row_count} rows`} (${Math.round((Date.now() - started) / 1000)} s)`);
}

/**
 * Streams the export to `out` through `out.part`, renamed once whole, so a file at `out` is always
 * complete. A `.part` left by an interrupted run is resumed with a Range request when the file's
 * host honours it (206), and started over when it sends the whole file again.
 */
async function download(ctx: CommandContext, client: OpenAppClient, job: AuditExportJob, out: string, signal: AbortSignal): Promise<void> {
  const partial = `${out}.part`;
  const have = existsSync(partial) ? statSync(partial).size : 0;
  let status = 0;
  const observeStatus: Middleware = async (request, next) => {
    const response = await next(request);
    status = response.status;
    return response;
  };
  const range = have > 0 ? { headers: { Range: `bytes=${have}-` } } : {};
  const body = await client.audit.downloadExport(job, { signal, middleware: [observeStatus], ...range });
  const resumed = have > 0 && status === 206;
  if (have > 0) ctx.output.note(resumed ? `resuming ${partial} at byte ${have}` : `${partial}: the server sent the whole file again, starting over`);
  let bytes = resumed ? have : 0;
  const counted = async function* (chunks: AsyncIterable<Uint8Array>) {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (ctx.output.interactive) ctx.output.noteRaw(`\r\x1b[2Kdownloading ${job.id}: ${(bytes / 1024).toFixed(0)} kB`);
      yield chunk;
    }
  };
  await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), counted, createWriteStream(partial, { flags: resumed ? "a" : "w", mode: 0o600 }), { signal });
  if (ctx.output.interactive) ctx.output.note("");
  renameSync(partial, out);
  ctx.output.note(`wrote ${job.row_count ?? "the"} audit events (${bytes} bytes) to ${out}`);
}

async function exportAudit(
  ctx: CommandContext,
  options: { org?: string; from?: string; to?: string; format: string; job?: string; wait?: boolean; out?: string },
): Promise<void> {
  const client = openAppClient(ctx);
  const org = orgOf(client, options.org);
  const created = options.job
    ? await client.audit.getExport(org, options.job)
    : await client.audit.createExport(org, { format: options.format, occurred_after: options.from, occurred_before: options.to });
  const resume = `openapp-cli openapp audit export --job ${created.id} --wait${options.out ? ` --out ${options.out}` : ""}`;
  if (!options.job) ctx.output.note(`export ${created.id} created; resume with: ${resume}`);
  if (!options.wait && !options.out) return ctx.output.record(created);
  const interrupt = onInterrupt();
  try {
    const job = await client.audit.waitForExport(org, created.id, { signal: interrupt.signal, onProgress: progress(ctx) });
    if (ctx.output.interactive) ctx.output.note("");
    if (options.out) await download(ctx, client, job, options.out, interrupt.signal);
    else ctx.output.record(job);
  } catch (error) {
    if (isInterruption(error, interrupt.signal)) throw new UsageError(`interrupted; the export goes on: ${resume}`);
    throw error;
  } finally {
    interrupt.release();
  }
}

export function registerAudit(openapp: Command, runner: Runner): void {
  const audit = openapp.command("audit").description("OpenApp 1.0 audit: follow events, export any range");
  examples(audit, ["openapp-cli openapp audit tail --since 2h", "openapp-cli openapp audit export --from 2026-01-01T00:00:00Z --wait --out january.jsonl"]);

  const tailCommand = audit
    .command("tail")
    .description("print audit events since --since, then follow new ones until Ctrl-C (NDJSON with --json)")
    .option("--org <id>", "organization (default: openapp.org / OPENAPP_ORG)")
    .option("--since <when>", "15m, 2h, 7d (at most 30d) or an RFC 3339 date-time", "1h")
    .option("--event-type <type>", "only this event type, e.g. door.open")
    .option("--interval-ms <ms>", "how often to ask for new events", positiveInteger, 5000)
    .action((options, command) => runner.run(command, (ctx) => tail(ctx, options)));
  examples(tailCommand, ["openapp-cli openapp audit tail", "openapp-cli openapp audit tail --since 24h --event-type door.open --json"]);

  const exportCommand = audit
    .command("export")
    .description("export audit events of any range; --wait polls until ready (progress on a terminal), --out downloads it")
    .option("--org <id>", "organization (default: openapp.org / OPENAPP_ORG)")
    .option("--from <date-time>", "first event (RFC 3339)")
    .option("--to <date-time>", "last event (RFC 3339)")
    .option("--format <format>", "jsonl or csv", "jsonl")
    .option("--job <id>", "resume an export created earlier instead of starting one")
    .option("--wait", "wait until the export is ready")
    .option("--out <file>", "download the export to this file (implies --wait)")
    .action((options, command) => runner.run(command, (ctx) => exportAudit(ctx, options)));
  examples(exportCommand, [
    "openapp-cli openapp audit export --from 2026-01-01T00:00:00Z --to 2026-02-01T00:00:00Z --wait --out january.jsonl",
    "openapp-cli openapp audit export --job 01J… --wait --out january.jsonl",
  ]);
}
