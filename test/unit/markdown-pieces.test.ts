// A long document is parsed in pieces (src/core/markdown.ts): the tree must be the one a single
// parse gives, wherever the pieces are cut. Checked on generated Markdown with tiny pieces.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node, Root } from 'mdast';
import { bodyProcessor as whole, parseMarkdown, pieceStarts } from '../../src/core/markdown.js';

/** Every block node with its type and source span, in document order. */
function outline(root: Root): string[] {
  const out: string[] = [];
  const stack: Node[] = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (['paragraph', 'heading', 'tableCell', 'html', 'code', 'yaml', 'blockquote', 'list', 'listItem', 'definition', 'thematicBreak'].includes(node.type)) {
      const p = node.position!;
      out.push(`${node.type} ${p.start.line}:${p.start.column}/${p.start.offset}-${p.end.line}:${p.end.column}/${p.end.offset}`);
    }
    if ('children' in node) for (const child of [...(node as Root).children].reverse()) stack.push(child);
  }
  return out;
}

const LINES = [
  '',
  '',
  '',
  'Dear Mr. Zhou,',
  'Invoice 1187 is due.',
  '请于2026年12月4日前付款。',
  '- item',
  '  continued',
  '1. first',
  '2. second',
  '3) third',
  '> quoted',
  '>',
  '```',
  '```js',
  '~~~',
  '    indented code',
  '<!-- dunmark-disable no-threat',
  '-->',
  '<!-- closed -->',
  '<pre>',
  '</pre>',
  '<div>',
  '</div>',
  '---',
  '***',
  '# Heading',
  'Title',
  '===',
  '| a | b |',
  '| --- | --- |',
  'a | b',
  '--|--',
  '| 1 | 2 |',
  '|---|',
  '-|-',
  ' | :-: |',
  '> | a | b |',
  '> | - | - |',
  '- | a |',
  '  | - |',
  '- -',
  'x | y',
  '---|',
  '[ref]: https://example.com',
  'See [ref].',
  '\tTabbed',
  '  - nested',
  'a\r',
  'b\r\n',
  'x',
];

describe('parsing a long document in pieces', () => {
  it('gives the same tree as one parse, wherever the pieces are cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 80 }), fc.integer({ min: 1, max: 40 }), (lines, pieceLength) => {
        const text = `${lines.join('\n')}\n`;
        const tree = parseMarkdown(text, pieceLength);
        const one = whole.parse(text) as Root;
        assert.deepEqual(outline(tree), outline(one));
        assert.deepEqual(tree.position?.end, one.position?.end);
      }),
      { numRuns: 3000 },
    );
  }).timeout(180_000); // many parses: no time limit that a busy machine could miss

  it('cuts only after a blank line, before a letter, a digit, `#` or `|`, outside fences and HTML blocks', () => {
    const text = 'Dear Mr. Zhou,\n\n```\n\ncode\n```\n\n<!-- open\n\nstill html\n-->\n\nBack to prose.\n\n- item\n\nNext.\n';
    const cuts = pieceStarts(text, 1);
    assert.deepEqual(
      cuts.map((c) => text.slice(c, c + 6)),
      ['Back t', 'Next.\n'],
    );
    const body = '---\n```\n---\n\nDear Mr. Zhou,\n';
    assert.deepEqual(pieceStarts(body, 1), [], 'a body opening with a thematic break and an unclosed fence: one piece');
  });
});
