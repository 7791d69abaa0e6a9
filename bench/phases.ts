// Where the time goes on the common yardstick's letters: CPU time per phase of the parse and per rule,
// each timed alone on the same text in this process, as the yardstick calls it (`lint(text, {})`; its
// floor is remark-parse + remark-frontmatter, without tables). Not part of `npm run bench` (it needs the
// yardstick's generator, which is not in the repository):
//   node --import tsx bench/phases.ts path/to/perf/corpus.mjs
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument, runRules } from '../src/core/engine.js';
import { parseMarkdown } from '../src/core/markdown.js';
import { readAmounts } from '../src/core/facts/amounts.js';
import { readDates } from '../src/core/facts/dates.js';
import { typeFacts } from '../src/core/facts/facts.js';
import { splitFrontMatter } from '../src/core/front-matter.js';
import { parseFrontMatter } from '../src/core/front-matter-yaml.js';
import { measureLanguage } from '../src/core/language/detect.js';
import { rules as registry } from '../src/core/rules/index.js';
import { lint } from '../src/index.js';

const corpusPath = process.argv[2];
if (!corpusPath) {
  console.error('usage: node --import tsx bench/phases.ts path/to/perf/corpus.mjs');
  process.exit(2);
}
const { makeCorpus } = (await import(pathToFileURL(corpusPath).href)) as { makeCorpus: () => Record<string, string> };
const docs = makeCorpus();
const config = {};
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU ms per call: enough calls for ~`budget` ms, best of three. */
function per(fn: () => unknown, budget = 300): number {
  for (let i = 0; i < 3; i++) fn();
  const t0 = performance.now();
  fn();
  const one = Math.max(performance.now() - t0, 0.001);
  const n = Math.max(3, Math.ceil(budget / 3 / one));
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const c = cpu();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, (cpu() - c) / n);
  }
  return best;
}
const floor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
for (const size of ['3KB', '60KB']) {
  const text = docs[size]!;
  const block = splitFrontMatter(text)!;
  const body = text.slice(block.bodyStart);
  const fm = parseFrontMatter(text, block);
  const doc = parseDocument(text);
  const blocks = doc.blocks;
  const parts: [string, number][] = [
    ['remark floor (whole text)', per(() => floor.parse(text))],
    ['lint (all)', per(() => lint(text, { config }))],
    ['split front matter', per(() => splitFrontMatter(text))],
    ['YAML', per(() => parseFrontMatter(text, block))],
    ['typed facts', per(() => typeFacts(fm.data))],
    ['remark on the body (parseMarkdown)', per(() => parseMarkdown(body))],
    ['parseDocument (all above + blocks)', per(() => parseDocument(text))],
    [
      'block languages',
      per(() => {
        for (const b of blocks) measureLanguage(b.text);
      }),
    ],
    [
      'amounts',
      per(() => {
        for (const b of blocks) readAmounts(b.text, b.start);
      }),
    ],
    [
      'dates',
      per(() => {
        for (const b of blocks) readDates(b.text, b.start);
      }),
    ],
  ];
  void doc.amounts;
  void doc.dates;
  for (const b of blocks) void b.language;
  parts.push(['all rules (lazy parts already read)', per(() => runRules(doc, registry, config))]);
  console.log(`\n## ${size} (${Buffer.byteLength(text)} bytes, ${blocks.length} blocks)`);
  const floorMs = parts[0]![1];
  for (const [what, ms] of parts) console.log(`| ${what} | ${ms.toFixed(3)} | ${(ms / floorMs).toFixed(2)}× |`);
  const perRule = registry.map((rule) => [rule.meta.id, per(() => runRules(doc, [rule], config), 60)] as const).sort((a, b) => b[1] - a[1]);
  const base = per(() => runRules(doc, [], config), 60);
  console.log(`runRules with no rule: ${base.toFixed(3)}`);
  for (const [id, ms] of perRule) console.log(`| ${id} | ${(ms - base).toFixed(3)} | ${((ms - base) / floorMs).toFixed(3)}× |`);
}
