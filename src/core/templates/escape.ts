/**
 * The one place where Markdown escaping of fact strings is decided. Templates render with
 * Mustache's HTML escaping off; every string that comes from the facts passes through here
 * once, when the view is built, so a company called `Smith_Jones [HK] *Ltd*` cannot turn
 * into emphasis, a link or a heading in the letter.
 */

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~]/g;
const LINE_BREAKS = /(?<!\s)\s*[\r\n]\s*/g;

/** Escapes a fact string for inline Markdown: special characters backslashed, line breaks folded. */
export function escapeMarkdown(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(MARKDOWN_SPECIAL, '\\$&');
}

/** Deep copy of facts with every string escaped for Markdown (numbers and booleans unchanged). */
export function escapeFacts(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeFacts);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = escapeFacts(v);
    return out;
  }
  return value;
}
