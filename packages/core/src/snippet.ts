import { type KnownSecret, redactText } from "./redact.js";

const MAX_SNIPPET_CHARS = 200;

/**
 * Index of the next `needle` at or after `from`, compared case-insensitively (ASCII needle),
 * remembering the last answer: callers search forward only, so a page with many unclosed
 * `<script` or `<` is scanned once instead of once per opener.
 */
class ForwardSearch {
  #from = Number.POSITIVE_INFINITY;
  #at = -1;

  constructor(
    readonly text: string,
    readonly needle: string,
  ) {}

  find(from: number): number {
    if (this.#from <= from && (this.#at === -1 || this.#at >= from)) return this.#at;
    this.#from = from;
    this.#at = indexOfIgnoringCase(this.text, this.needle, from);
    return this.#at;
  }
}

function startsWithIgnoringCase(text: string, needle: string, at: number): boolean {
  if (at + needle.length > text.length) return false;
  for (let i = 0; i < needle.length; i++) {
    const code = text.charCodeAt(at + i);
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower !== needle.charCodeAt(i)) return false;
  }
  return true;
}

/** `needle` must be lower case and start with a character that has no case (here `<` or `>`). */
function indexOfIgnoringCase(text: string, needle: string, from: number): number {
  let at = text.indexOf(needle[0] as string, from);
  while (at !== -1 && !startsWithIgnoringCase(text, needle, at)) at = text.indexOf(needle[0] as string, at + 1);
  return at;
}

/** Drops `<script>…</script>` and `<style>…</style>`, like `replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")`. */
function dropRawTextElements(html: string): string {
  const scriptEnd = new ForwardSearch(html, "</script>");
  const styleEnd = new ForwardSearch(html, "</style>");
  const parts: string[] = [];
  let copiedUpTo = 0;
  let open = html.indexOf("<");
  while (open !== -1) {
    const closer = startsWithIgnoringCase(html, "script", open + 1) ? scriptEnd : startsWithIgnoringCase(html, "style", open + 1) ? styleEnd : undefined;
    // The element's name is the closer without `</` and `>`.
    const close = closer ? closer.find(open + closer.needle.length - 2) : -1;
    if (!closer || close === -1) {
      open = html.indexOf("<", open + 1);
      continue;
    }
    parts.push(html.slice(copiedUpTo, open), " ");
    copiedUpTo = close + closer.needle.length;
    open = html.indexOf("<", copiedUpTo);
  }
  if (copiedUpTo === 0) return html;
  parts.push(html.slice(copiedUpTo));
  return parts.join("");
}

/** Replaces every tag with a space, like `replace(/<[^>]+>/g, " ")`. */
function dropTags(html: string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let open = html.indexOf("<");
  while (open !== -1) {
    const end = html.indexOf(">", open + 1);
    // No `>` left: nothing after this point is a tag.
    if (end === -1) break;
    if (end === open + 1) {
      open = html.indexOf("<", end);
      continue;
    }
    parts.push(html.slice(copiedUpTo, open), " ");
    copiedUpTo = end + 1;
    open = html.indexOf("<", copiedUpTo);
  }
  if (copiedUpTo === 0) return html;
  parts.push(html.slice(copiedUpTo));
  return parts.join("");
}

/**
 * Drops `<script>`/`<style>` elements, then every tag, each in one forward pass: the same output
 * as the two regexes they replace, which are quadratic on a page full of unclosed openers.
 */
export function stripTags(html: string): string {
  return dropTags(dropRawTextElements(html));
}

/** Turns an HTML proxy page or plain text into one short, readable, redacted line. */
export function textSnippet(text: string, secrets: readonly KnownSecret[] = []): string {
  // Same as replace(/\s+/g, " "), but single spaces (most of them) are left alone, which is far faster.
  const plain = stripTags(text).replace(/[^\S ]\s*|\s{2,}/g, " ").trim();
  const redacted = redactText(plain, secrets);
  if (redacted.length <= MAX_SNIPPET_CHARS) return redacted;
  let cut = MAX_SNIPPET_CHARS - 1;
  // Never split a surrogate pair.
  const code = redacted.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut--;
  return `${redacted.slice(0, cut)}…`;
}
