import type { Fix, TextEdit } from './types.js';

/**
 * Applies the edits of `fixes` to `text`, the same edits the editor applies. Edits that
 * overlap an earlier one (by start offset) are skipped, so the result is always well formed.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const edits: TextEdit[] = [];
  for (const fix of fixes) for (const edit of fix.edits) edits.push(edit);
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

