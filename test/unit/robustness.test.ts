// The reliability repro files (test/fixtures/repro) and the rest of "nothing can hang, crash or lose
// text": each input gets findings or one line naming the file, the run goes on, nothing is lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { readSuppressions } from '../../src/core/disable.js';
import { parseDocument } from '../../src/core/engine.js';
import { escapeMarkdown, listTemplates, parseTemplateFolder, renderTemplate } from '../../src/core/templates/index.js';
import { lint } from '../../src/index.js';
import type { Finding } from '../../src/core/types.js';
import { cleanup, ensureBuilt, FIXABLE_LETTER, run, tempDir } from './cli-helpers.js';
import { assertLinearGrowth } from './growth.js';
import { FIXTURE_TODAY, ROOT } from './helpers.js';

const REPRO = path.join(ROOT, 'test/fixtures/repro');
const TODAY = `{ "today": "${FIXTURE_TODAY}" }\n`;
const config = { today: FIXTURE_TODAY };
/** The text that makes a letter never finish in a CLI worker (tests only: DUNMARK_TEST_STALL_ON). */
const STALL = 'this letter stalls its worker';
const STALLS = { DUNMARK_TEST_STALL_ON: STALL };
const SLOW_LETTER = `---\nkind: dunning-letter\n---\n\n${STALL}\n`;
/** Ample for a small letter on a busy machine; the stalled one is over it however fast the machine. */
const BUDGET = '8000';

function repro(name: string): string {
  return fs.readFileSync(path.join(REPRO, name), 'utf8');
}

function noStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.doesNotMatch(stderr, /internal error/);
}

type JsonResult = { file: string; findings: { ruleId: string; line: number }[] }[];

describe('robustness: the repro files and hostile input', function () {
  this.timeout(300_000);
  before(ensureBuilt);
  after(cleanup);

  describe('letters', () => {
    it('daxie-redos.md: 6 KB of 大写 digits lints to findings, well inside the budget', () => {
      const findings = lint(repro('daxie-redos.md'), { config });
      assert.ok(
        findings.every((f) => f.ruleId !== 'daxie-matches'),
        'digits without 元 are no amount',
      );
      // cubic backtracking shows as growth: 8 times the digits, about 8 times the time
      const digits = repro('daxie-redos.md');
      assertLinearGrowth(
        'lint of 大写 digits',
        digits,
        digits.replace(/[壹贰叁肆伍陆柒捌玖拾佰仟]+/gu, (d) => d.repeat(8)),
        (t) => lint(t, { config }),
      );
      const dir = tempDir({ 'daxie-redos.md': digits, '.dunmarkrc.json': TODAY });
      const r = run(['lint', '--format', 'json', 'daxie-redos.md'], dir);
      assert.equal(r.status, 1, r.stderr);
      const [result] = JSON.parse(r.stdout) as JsonResult;
      assert.ok(result!.findings.length > 0);
      assert.ok(!result!.findings.some((f) => f.ruleId === 'max-ms'), 'checked, not over the budget');
    });

    for (const name of ['deep-quote.md', 'deep-list.md']) {
      it(`${name}: ~4,000 nested containers lint without throwing, and the CLI checks the file`, () => {
        const text = repro(name);
        const findings = lint(text, { config });
        assert.ok(findings.some((f) => f.ruleId === 'required-facts'));
        const dir = tempDir({ [name]: text, 'ok.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
        const r = run(['lint', '--format', 'json', name, 'ok.md'], dir);
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stderr, '');
        assert.deepEqual(
          (JSON.parse(r.stdout) as JsonResult).map((x) => x.file),
          [name, 'ok.md'],
        );
      });
    }

    it('1 MB of unclosed `<!-- dunmark-disable` is read in one pass', () => {
      const text = `---\nkind: dunning-letter\n---\n\n${'<!-- dunmark-disable no-threat '.repeat(34_000)}\n`;
      const doc = parseDocument(text);
      const suppressions = readSuppressions(doc.text, doc.tree, doc.lines);
      assert.equal(suppressions.isSuppressed('no-threat', 10), false, 'an unclosed comment disables nothing');
      const closed = '<!-- dunmark-disable no-threat -->\n\nWe will find your family.\n\n<!-- dunmark-enable no-threat -->\n\nWe will find your family.\n';
      const findings = lint(`---\nkind: dunning-letter\n---\n\n${closed}`, { config }).filter((f) => f.ruleId === 'no-threat');
      assert.deepEqual(
        findings.map((f) => f.line),
        [11],
        'only the threat after dunmark-enable',
      );
    });

    it('nesting up to 10⁴ levels never throws (property), spans stay inside the text', () => {
      const marker = fc.constantFrom('> ', '- ', '* ', '1. ', '>');
      fc.assert(
        fc.property(
          fc.array(marker, { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 1, max: 10_000 }),
          fc.constantFrom('USD 1.00', '壹元', 'We will sue.', ''),
          (markers, depth, leaf) => {
            // Lists nest quadratically slowly in micromark (the CLI's --max-ms covers it): lists to 2,000, quotes to 10⁴.
            const levels = markers.some((m) => m !== '>' && m !== '> ') ? Math.min(depth, 2000) : depth;
            let prefix = '';
            for (let i = 0; i < levels; i++) prefix += markers[i % markers.length];
            const text = `---\nkind: dunning-letter\n---\n\n${prefix}${leaf}\n`;
            const findings: Finding[] = lint(text, { config });
            for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length);
          },
        ),
        { numRuns: 12 },
      );
      const quotes = `---\nkind: dunning-letter\n---\n\n${'> '.repeat(10_000)}USD 1.00\n`;
      assert.doesNotThrow(() => lint(quotes, { config }));
    });

    it('a file over --max-ms is one `max-ms` finding, not a hang, and the next file is linted', () => {
      // slow.md never finishes in a worker (STALLS), whatever the machine; 8 s is ample for the others
      const dir = tempDir({ 'slow.md': SLOW_LETTER, 'ok.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
      const r = run(['lint', '--format', 'json', '--max-ms', BUDGET, 'slow.md', 'ok.md'], dir, STALLS);
      assert.equal(r.status, 1, r.stderr);
      const results = JSON.parse(r.stdout) as JsonResult;
      assert.deepEqual(
        results.find((x) => x.file === 'slow.md')!.findings.map((f) => f.ruleId),
        ['max-ms'],
      );
      assert.ok(results.find((x) => x.file === 'ok.md')!.findings.some((f) => f.ruleId === 'fact-types'));
      const after = run(
        ['lint', '--format', 'json', '--max-ms', BUDGET, 'slow.md', 'z.md'],
        (fs.writeFileSync(path.join(dir, 'z.md'), FIXABLE_LETTER), dir),
        STALLS,
      );
      const later = JSON.parse(after.stdout) as JsonResult;
      assert.ok(
        later.find((x) => x.file === 'z.md')!.findings.some((f) => f.ruleId === 'fact-types'),
        'a file after the stopped one is checked by a new worker',
      );
    });

    it('on every core too: the file over --max-ms is reported, its worker replaced, every other file linted, and the finding never cached', () => {
      const files: Record<string, string> = { 'slow.md': SLOW_LETTER, '.dunmarkrc.json': TODAY };
      for (let i = 0; i < 59; i++) files[`ok-${String(i).padStart(2, '0')}.md`] = FIXABLE_LETTER;
      const dir = tempDir(files);
      for (const pass of ['fills', 'reads']) {
        const r = run(['lint', '--format', 'json', '--jobs', '2', '--cache', '--max-ms', BUDGET, '.'], dir, STALLS);
        assert.equal(r.status, 1, r.stderr);
        const results = JSON.parse(r.stdout) as JsonResult;
        assert.equal(results.length, 60, `the cache ${pass}`);
        assert.deepEqual(
          results.find((x) => x.file === 'slow.md')!.findings.map((f) => f.ruleId),
          ['max-ms'],
          `the cache ${pass}`,
        );
        assert.ok(
          results.filter((x) => x.file !== 'slow.md').every((x) => x.findings.some((f) => f.ruleId === 'fact-types')),
          `the cache ${pass}`,
        );
      }
      const cache = JSON.parse(fs.readFileSync(path.join(dir, '.dunmarkcache'), 'utf8')) as { entries: Record<string, unknown> };
      assert.equal(Object.keys(cache.entries).length, 59, 'every file but the one over budget');
    });

    it('a file over --max-size is one line naming it, the others go on, exit 2', () => {
      const dir = tempDir({ 'big.md': `${FIXABLE_LETTER}${'x'.repeat(3 * 1024 * 1024)}\n`, 'ok.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
      const r = run(['lint', '--format', 'json', 'big.md', 'ok.md'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'dunmark: big.md: file too large (3.0 MB), expected at most 2.0 MB (see --max-size)\n');
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonResult).map((x) => x.file),
        ['ok.md'],
      );
      const raised = run(['lint', '--format', 'json', '--max-size', '4MB', 'big.md'], dir);
      assert.equal(raised.stderr, '');
      assert.equal(run(['lint', '--max-size', 'lots', 'ok.md'], dir).status, 2);
    });

    it('vocabulary.reject of 20,000 and 300,000 words works, with no giant error', () => {
      for (const count of [20_000, 300_000]) {
        const reject = Array.from({ length: count }, (_, i) => `banned${i}word`);
        reject.push('deadbeat');
        const dir = tempDir({
          'a.md': `${FIXABLE_LETTER}\nYou deadbeat, banned17word.\n`,
          '.dunmarkrc.json': JSON.stringify({ today: FIXTURE_TODAY, vocabulary: { reject } }),
        });
        const r = run(['lint', '--format', 'json', 'a.md'], dir);
        assert.equal(r.stderr, '', `${count} words`);
        const found = (JSON.parse(r.stdout) as JsonResult)[0]!.findings.filter((f) => f.ruleId === 'vocabulary');
        assert.equal(found.length, 2, `${count} words`);
      }
    });
  });

  describe('folder scans', () => {
    it('say under --verbose what they skip: symbolic links, loops, broken links, FIFOs', () => {
      const dir = tempDir({ 'letters/a.md': FIXABLE_LETTER, 'elsewhere/b.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
      const letters = path.join(dir, 'letters');
      fs.symlinkSync(path.join(dir, 'elsewhere/b.md'), path.join(letters, 'link.md'));
      fs.symlinkSync(dir, path.join(letters, 'loop'));
      fs.symlinkSync(path.join(dir, 'gone.md'), path.join(letters, 'broken.md'));
      const fifo = spawnFifo(path.join(letters, 'pipe.md'));
      const quiet = run(['lint', '--format', 'json', 'letters'], dir);
      assert.equal(quiet.stderr, '');
      assert.deepEqual(
        (JSON.parse(quiet.stdout) as JsonResult).map((x) => x.file),
        ['letters/a.md'],
      );
      const loud = run(['lint', '--format', 'json', '--verbose', 'letters'], dir);
      const lines = loud.stderr.trimEnd().split('\n').sort();
      assert.deepEqual(
        lines,
        [
          'dunmark: letters/broken.md: skipped (broken symbolic link)',
          'dunmark: letters/link.md: skipped (symbolic link, not followed)',
          'dunmark: letters/loop: skipped (symbolic link to a folder that holds it (a loop), not followed)',
          ...(fifo ? ['dunmark: letters/pipe.md: skipped (a FIFO, not a file)'] : []),
        ].sort(),
      );
    });

    it('a FIFO named on the command line is one line, never a hang', () => {
      const dir = tempDir({ '.dunmarkrc.json': TODAY });
      spawnFifo(path.join(dir, 'pipe.md'));
      const r = run(['lint', 'pipe.md'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^dunmark: pipe\.md: /);
    });
  });

  describe('templates', () => {
    it('tostring-ws: `{{toString}}` in a workspace template is reported; built-ins keep working', () => {
      const ws = path.join(REPRO, 'tostring-ws');
      const list = run(['templates', '--format', 'json'], ws);
      assert.equal(list.status, 0, list.stderr);
      assert.match(list.stderr, /^dunmark: \.dunmark\/templates\/t\/template\.md: Unexpected `\{\{toString\}\}`/);
      assert.equal(list.stderr.trimEnd().split('\n').length, 1);
      assert.ok((JSON.parse(list.stdout) as { id: string }[]).some((t) => t.id === 'reminder-en'));
      const render = run(['render', 'reminder-en', '--facts', path.join(ROOT, 'templates/reminder-en/example.yaml')], ws);
      assert.equal(render.status, 0, render.stderr);
      noStackTrace(render.stderr);
      for (const name of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__']) {
        const parsed = parseTemplateFolder({ 'template.json': TEMPLATE_JSON('x'), 'template.md': `Dear {{${name}}}` });
        assert.equal(parsed.ok, false, name);
      }
    });

    it('a template.md that links outside the templates folder is refused; the folder inside is fine', () => {
      const dir = tempDir({
        'secret.txt': 'PRIVATE',
        '.dunmark/templates/good/template.json': TEMPLATE_JSON('good'),
        '.dunmark/templates/good/template.md': 'Dear {{debtor.name}},\n',
        '.dunmark/templates/bad/template.json': TEMPLATE_JSON('bad'),
      });
      fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, '.dunmark/templates/bad/template.md'));
      const r = run(['templates', '--format', 'json'], dir);
      assert.equal(
        r.stderr,
        'dunmark: .dunmark/templates/bad/template.md: Unexpected `template.md` that links to a file outside the templates folder, expected a file inside it\n',
      );
      const ids = (JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id);
      assert.ok(ids.includes('good') && !ids.includes('bad'));
      fs.writeFileSync(path.join(dir, 'facts.yaml'), 'debtor:\n  name: Ningbo Lianhe\n');
      const render = run(['render', 'bad', '--facts', 'facts.yaml'], dir);
      assert.notEqual(render.status, 0);
      assert.doesNotMatch(render.stdout, /PRIVATE/);
    });

    it('a schema `pattern` of ^(a+)+$ checks a 30-character fact in linear time', () => {
      const schema = { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^(a+)+$' } } };
      const parsed = parseTemplateFolder({
        'template.json': JSON.stringify({ id: 'p', title: 'P', kind: 'clause', language: 'en', description: 'd', facts: schema }),
        'template.md': 'Code {{code}}\n',
      });
      assert.ok(parsed.ok);
      assert.equal(renderTemplate(parsed.template, { code: `${'a'.repeat(30)}!` }).ok, false);
      // Backtracking doubles its steps with each `a` (2^30 here, 24 s): 6 more letters take 64 times as
      // long; RE2 is linear, so 26 letters take about what 20 do (both tiny): a bound of 8× parts them.
      assertLinearGrowth('pattern ^(a+)+$', `${'a'.repeat(20)}!`, `${'a'.repeat(26)}!`, (code) => renderTemplate(parsed.template, { code }), 8);
      assert.ok(renderTemplate(parsed.template, { code: 'aaaa' }).ok);
    });

    it('a huge schema is refused by size, a $ref loop is named, a built-in id is kept apart', () => {
      const properties: Record<string, unknown> = {};
      for (let i = 0; i < 20_000; i++) properties[`fact${i}`] = { type: 'string' };
      const huge = parseTemplateFolder({
        'template.json': JSON.stringify({ id: 'h', title: 'H', kind: 'clause', language: 'en', description: 'd', facts: { type: 'object', properties } }),
        'template.md': 'x',
      });
      assert.ok(!huge.ok && /expected at most 256 KB/.test(huge.problems[0]!.message));
      const loop = parseTemplateFolder({
        'template.json': JSON.stringify({
          id: 'l',
          title: 'L',
          kind: 'clause',
          language: 'en',
          description: 'd',
          facts: { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, type: 'object', properties: { x: { $ref: '#/$defs/a' } } },
        }),
        'template.md': 'x',
      });
      assert.ok(!loop.ok);
      assert.match(loop.problems[0]!.message, /`\$ref` loop \(#\/\$defs\/a → #\/\$defs\/b → #\/\$defs\/a\)/);
      const dir = tempDir({
        '.dunmark/templates/mine/template.json': TEMPLATE_JSON('reminder-en'),
        '.dunmark/templates/mine/template.md': 'Dear {{debtor.name}}, thank you.\n',
        'facts.yaml': 'debtor:\n  name: Ningbo Lianhe\n',
      });
      const r = run(['templates', '--format', 'json'], dir);
      assert.match(
        r.stderr,
        /^dunmark: \.dunmark\/templates\/mine\/template\.json: Unexpected id `reminder-en`, which a built-in template has, .*`workspace:reminder-en`\n$/,
      );
      const ids = (JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id);
      assert.ok(ids.includes('reminder-en') && ids.includes('workspace:reminder-en'));
      const mine = run(['render', 'workspace:reminder-en', '--facts', 'facts.yaml'], dir);
      assert.equal(mine.status, 0, mine.stderr);
      assert.match(mine.stdout, /Dear Ningbo Lianhe, thank you\./);
      assert.ok(listTemplates().some((t) => t.id === 'reminder-en' && t.source === 'builtin'));
    });

    it('facts cannot become links, e-mail links or list items', () => {
      assert.equal(escapeMarkdown('https://pay.example.com/now'), 'https\\://pay.example.com/now');
      assert.equal(escapeMarkdown('see www.example.com'), 'see www\\.example.com');
      assert.equal(escapeMarkdown('ar@harborvalve.example'), 'ar\\@harborvalve.example');
      assert.equal(escapeMarkdown('- Ningbo'), '\\- Ningbo');
      assert.equal(escapeMarkdown('1. Ningbo'), '1\\. Ningbo');
      assert.equal(escapeMarkdown('2026) paid'), '2026\\) paid');
      assert.equal(escapeMarkdown('Ningbo Lianhe Co., Ltd.'), 'Ningbo Lianhe Co., Ltd.', 'ordinary names are untouched');
    });

    it('render --out refuses a broken symbolic link', () => {
      const dir = tempDir({ 'facts.yaml': fs.readFileSync(path.join(ROOT, 'templates/reminder-en/example.yaml'), 'utf8') });
      fs.symlinkSync(path.join(dir, 'missing/target.md'), path.join(dir, 'out.md'));
      const r = run(['render', 'reminder-en', '--facts', 'facts.yaml', '--out', 'out.md', '--force'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'dunmark: out.md: a broken symbolic link; refusing to write through it\n');
      assert.ok(!fs.existsSync(path.join(dir, 'missing')));
    });
  });
});

/** A minimal template.json with this id. */
function TEMPLATE_JSON(id: string): string {
  return JSON.stringify({
    id,
    title: 'Thanks',
    kind: 'dunning-letter',
    language: 'en',
    description: 'A thank-you note',
    facts: { type: 'object', required: ['debtor'], properties: { debtor: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
  });
}

/** Makes a FIFO (named pipe) with coreutils' `mkfifo`. */
function spawnFifo(file: string): true {
  execFileSync('mkfifo', [file]);
  return true;
}
