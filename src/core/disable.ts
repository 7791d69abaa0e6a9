import type { Root } from 'mdast';
import type { LineIndex } from './positions.js';

const DIRECTIVE = /<!--\s*dunmark-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

/** Where inline comments turn rules off: a predicate over (rule id, line). */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

interface Range {
  rules: Set<string> | 'all';
  from: number;
  to: number;
}

/**
 * Reads `<!-- dunmark-disable-next-line RULE -->`, `<!-- dunmark-disable-line RULE -->`,
 * `<!-- dunmark-disable RULE -->` and `<!-- dunmark-enable RULE -->` (no RULE means all rules).
 */
export function readSuppressions(text: string, tree: Root, lines: LineIndex): Suppressions {
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  const events: { kind: string; rules: string[]; line: number; endLine: number }[] = [];
  for (const node of tree.children) collect(node);
  function collect(node: Root['children'][number]): void {
    if (node.type === 'html' && node.position) {
      const start = node.position.start.offset ?? 0;
      const source = text.slice(start, node.position.end.offset ?? start);
      for (const m of source.matchAll(DIRECTIVE)) {
        const at = start + m.index;
        events.push({
          kind: m[1]!,
          rules: m[2]!.split(/[\s,]+/).filter(Boolean),
          line: lines.position(at).line,
          endLine: lines.position(at + m[0].length).line,
        });
      }
    } else if ('children' in node) {
      for (const child of node.children as Root['children']) collect(child);
    }
  }
  const ALL = '*';
  for (const e of events) {
    const ids = e.rules.length ? e.rules : [ALL];
    if (e.kind === 'disable-next-line') {
      ranges.push({ rules: e.rules.length ? new Set(e.rules) : 'all', from: e.endLine + 1, to: e.endLine + 1 });
    } else if (e.kind === 'disable-line') {
      ranges.push({ rules: e.rules.length ? new Set(e.rules) : 'all', from: e.line, to: e.endLine });
    } else if (e.kind === 'disable') {
      for (const id of ids) if (!open.has(id)) open.set(id, e.line);
    } else {
      for (const id of ids) {
        if (id === ALL) {
          for (const [openId, from] of open) ranges.push({ rules: openId === ALL ? 'all' : new Set([openId]), from, to: e.line });
          open.clear();
        } else {
          const from = open.get(id);
          if (from !== undefined) {
            ranges.push({ rules: new Set([id]), from, to: e.line });
            open.delete(id);
          }
        }
      }
    }
  }
  for (const [id, from] of open) ranges.push({ rules: id === ALL ? 'all' : new Set([id]), from, to: Number.POSITIVE_INFINITY });
  return {
    isSuppressed(ruleId, line) {
      return ranges.some((r) => line >= r.from && line <= r.to && (r.rules === 'all' || r.rules.has(ruleId)));
    },
  };
}
