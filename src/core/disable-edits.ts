// The disable comments a finding's "disable" actions insert, decided once for every editor: one for
// the line (above it, with its indent; never inside the front matter, where an HTML comment would
// break the YAML and a YAML comment is not read) and one for the file (after the front matter).
import { splitFrontMatter } from './front-matter.js';
import type { TextEdit } from './types.js';

/** The edits that disable `ruleId` for the line of `offset` (when it is outside the front matter) and for the whole file. */
export function disableEdits(text: string, offset: number, ruleId: string): { line?: TextEdit; file: TextEdit } {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const fm = splitFrontMatter(text);
  const file: TextEdit = fm
    ? { start: fm.span.end, end: fm.span.end, text: `${eol}<!-- dunmark-disable ${ruleId} -->` }
    : { start: 0, end: 0, text: `<!-- dunmark-disable ${ruleId} -->${eol}` };
  if (fm && offset < fm.span.end) return { file };
  const lineStart = Math.max(text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1, 0);
  const at = offset > 0 && text[offset - 1] === '\n' ? offset : lineStart;
  const indent = /^[ \t]*/.exec(text.slice(at))?.[0] ?? '';
  return { line: { start: at, end: at, text: `${indent}<!-- dunmark-disable-next-line ${ruleId} -->${eol}` }, file };
}
