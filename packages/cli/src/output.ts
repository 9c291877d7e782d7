/**
 * Everything the CLI prints goes through one Output: human tables on a terminal, JSON (or NDJSON
 * for streams) with `--json`, and every known secret masked on the way out.
 */
import { maskKnownSecrets } from "@openapp/core";

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

/** One column of a table: its heading and how to read it from a row. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => unknown;
}

const cell = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
};

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => cell(column.value(row)).replace(/\s+/g, " ")));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) => values.map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(columns.map((column) => column.header.toUpperCase())), ...cells.map(line)].join("\n");
}

export class Output {
  constructor(
    private readonly streams: Streams,
    readonly json: boolean,
    private readonly secrets: () => readonly string[],
  ) {}

  /** Whether a person is at the terminal (prompts, progress, colours). */
  get interactive(): boolean {
    return Boolean(this.streams.stdin.isTTY && this.streams.stderr.isTTY);
  }

  get stdin(): Streams["stdin"] {
    return this.streams.stdin;
  }

  private masked(text: string): string {
    return maskKnownSecrets(text, this.secrets());
  }

  /** A line of results on stdout. */
  line(text: string): void {
    this.streams.stdout.write(`${this.masked(text)}\n`);
  }

  /** Messages for the person (confirmations, progress, notes) on stderr, so stdout stays data. */
  note(text: string): void {
    this.streams.stderr.write(`${this.masked(text)}\n`);
  }

  /** Writes without a newline on stderr (prompts, progress redraws). */
  noteRaw(text: string): void {
    this.streams.stderr.write(this.masked(text));
  }

  /** A list: a table, or one JSON array with `--json`. */
  list<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): void {
    if (this.json) this.line(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) this.note("(none)");
    else this.line(renderTable(rows, columns));
  }

  /** One object: `key  value` lines, or JSON with `--json`. */
  record(value: unknown, fields?: ReadonlyArray<[string, unknown]>): void {
    if (this.json) this.line(JSON.stringify(value, null, 2));
    else this.line(renderTable(fields ?? Object.entries(value as object), [
      { header: "field", value: ([name]) => name },
      { header: "value", value: ([, v]) => v },
    ]));
  }

  /** One item of a stream: an NDJSON line with `--json`, else the human line. */
  event(value: unknown, human: string): void {
    this.line(this.json ? JSON.stringify(value) : human);
  }
}
