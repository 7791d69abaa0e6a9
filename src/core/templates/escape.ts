/**
 * The one place where Markdown escaping of fact strings is decided. Templates render with
 * Mustache's HTML escaping off; every string that comes from the facts passes through here
 * once, when the view is built, so a company called `Smith_Jones [HK] *Ltd*` cannot turn
 * into emphasis, a link or a heading in the letter.
 */

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~]/g;
const LINE_BREAKS = /(?<!\s)\s*[\r\n]\s*/g;

// What a GFM renderer turns into a link by itself: a scheme, `www.`, an e-mail's `@`
const AUTOLINK = /\b(https?|ftp|mailto)(:)|\b(www)(\.)|(@)/gi;
// What turns a line that starts with the fact into a list item, a heading underline or a rule
const LINE_START = /^(?:([-+=])|(\d{1,9})([.)]))/;

/**
 * Escapes a fact string for inline Markdown: special characters backslashed, line breaks folded,
 * bare URLs and e-mail addresses broken with a backslash so they stay text, and a leading `- `,
 * `+ `, `1. ` or `=` escaped so the fact never becomes a list item or a heading.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(LINE_BREAKS, ' ')
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(AUTOLINK, (_, scheme?: string, colon?: string, www?: string, dot?: string) => (scheme ? `${scheme}\\${colon}` : www ? `${www}\\${dot}` : '\\@'))
    .replace(LINE_START, (_, sign?: string, digits?: string, mark?: string) => (sign ? `\\${sign}` : `${digits}\\${mark}`));
}

/** Deep copy of facts with every string escaped for Markdown (numbers and booleans unchanged). */
export function escapeFacts(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeFacts);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = escapeFacts(v);
    return out;
  }
  return value;
}
