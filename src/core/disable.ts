import type { Root } from 'mdast';
import type { LineIndex } from './positions.js';

const KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;
const WORD = /[A-Za-z0-9_]/;
const SPACE = /\s/;

/** A directive found in an HTML comment: its kind, the rule ids after it, and its span in `source`. */
interface Directive {
  kind: (typeof KINDS)[number];
  rules: string[];
  start: number;
  end: number;
}

/**
 * Every `<!-- dunmark-KIND rules -->` in `source`, in one pass: the text between the kind and `-->`
 * holds no `>`. The next `>` is found once and reused, so many unclosed comments stay linear.
 */
export function findDirectives(source: string): Directive[] {
  const out: Directive[] = [];
  let nextGt = -2;
  for (let open = source.indexOf('<!--'); open !== -1; open = source.indexOf('<!--', open + 1)) {
    let i = open + 4;
    while (i < source.length && SPACE.test(source[i]!)) i++;
    if (!source.startsWith('dunmark-', i)) continue;
    i += 8;
    const kind = KINDS.find((k) => source.startsWith(k, i) && !WORD.test(source[i + k.length] ?? ''));
    if (!kind) continue;
    i += kind.length;
    if (nextGt < i) nextGt = source.indexOf('>', i);
    if (nextGt === -1) break;
    if (nextGt - 2 < i || !source.startsWith('-->', nextGt - 2)) continue;
    out.push({
      kind,
      rules: source
        .slice(i, nextGt - 2)
        .split(/[\s,]+/)
        .filter(Boolean),
      start: open,
      end: nextGt + 1,
    });
    open = nextGt; // the next directive starts after this one's `-->`
  }
  return out;
}

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
  // Iterative, in document order: a deeply nested quote or list must not overflow the stack.
  const stack: Root['children'][number][] = [...tree.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html' && node.position) {
      const start = node.position.start.offset ?? 0;
      for (const d of findDirectives(text.slice(start, node.position.end.offset ?? start))) {
        events.push({
          kind: d.kind,
          rules: d.rules,
          line: lines.position(start + d.start).line,
          endLine: lines.position(start + d.end).line,
        });
      }
    } else if ('children' in node) {
      const children = node.children as Root['children'];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
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
