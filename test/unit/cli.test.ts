// The built `dunmark` binary, spawned as a user runs it: exit codes, formats, --fix, config
// errors, ignores and unreadable paths.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { listRules } from '../../src/index.js';
import { cleanup, ensureBuilt, FIXABLE_LETTER, NO_FRONT_MATTER, run, tempDir } from './cli-helpers.js';
import { ROOT } from './helpers.js';

const TODAY = '{ "today": "2026-11-20" }\n';
const ALL_WARNINGS = JSON.stringify({
  today: '2026-11-20',
  categories: { tone: 'warning', facts: 'warning', language: 'warning', clause: 'warning', template: 'warning', structure: 'warning' },
});
const FINDING_KEYS = ['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixes'];

describe('cli (built binary)', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(cleanup);

  describe('help and version', () => {
    it('--help prints usage with every subcommand, exit 0', () => {
      const r = run(['--help'], ROOT);
      assert.equal(r.status, 0);
      for (const word of ['dunmark lint', 'dunmark render', 'dunmark templates', 'dunmark rules', '--format', '--fix'])
        assert.ok(r.stdout.includes(word), word);
    });
    it('lint --help prints the lint options', () => {
      const r = run(['lint', '--help'], ROOT);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /--ignore-pattern/);
    });
    it('render, templates and rules --help print their usage, exit 0', () => {
      for (const [command, word] of [
        ['render', '--facts'],
        ['templates', '--format'],
        ['rules', '--format'],
      ] as const) {
        const r = run([command, '--help'], ROOT);
        assert.equal(r.status, 0, command);
        assert.ok(r.stdout.startsWith(`Usage: dunmark ${command}`), command);
        assert.ok(r.stdout.includes(word), `${command} mentions ${word}`);
      }
    });
    it('--version prints the package version', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = run(['--version'], ROOT);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `${pkg.version}\n`);
    });
    it('no command, an unknown command or an unknown option is a usage error (exit 2, one line)', () => {
      assert.equal(run([], ROOT).status, 2);
      const unknown = run(['lnt'], ROOT);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^dunmark: unknown command `lnt`.*\n$/);
      const option = run(['lint', '--frobnicate', 'x.md'], ROOT);
      assert.equal(option.status, 2);
      assert.equal(option.stderr.trim().split('\n').length, 1);
      assert.match(option.stderr, /^dunmark: /);
      assert.equal(run(['lint', '--format', 'xml', 'x.md'], ROOT).status, 2);
      assert.equal(run(['lint'], ROOT).status, 2);
    });
  });

  describe('lint: exit codes and formats', () => {
    it('exits 1 when a finding is an error, 0 when none is', () => {
      const dir = tempDir({ 'a.md': NO_FRONT_MATTER, '.dunmarkrc.json': TODAY });
      const r = run(['lint', 'a.md'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^\na\.md\n {2}1:1 {2}error {2}.*front-matter\n/);
      assert.match(r.stdout, /\u2716 \d+ problems? \(\d+ errors?, \d+ warnings?/);
      fs.writeFileSync(path.join(dir, '.dunmarkrc.json'), ALL_WARNINGS);
      const ok = run(['lint', 'a.md'], dir);
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /warning/);
    });

    it('prints the JSON of spec/cli.md: [{ file, findings: [{ ruleId, category, ..., fixes }] }]', () => {
      const dir = tempDir({ 'letters/final-demand.md': FIXABLE_LETTER, 'letters/note.md': NO_FRONT_MATTER, '.dunmarkrc.json': TODAY });
      const r = run(['lint', '--format', 'json', 'letters'], dir);
      assert.equal(r.status, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { file: string; findings: Record<string, unknown>[] }[];
      assert.ok(Array.isArray(out));
      assert.deepEqual(
        out.map((f) => f.file),
        ['letters/final-demand.md', 'letters/note.md'],
      );
      const categories = new Set(['tone', 'facts', 'language', 'clause', 'template', 'structure']);
      for (const file of out) {
        assert.deepEqual(Object.keys(file), ['file', 'findings']);
        for (const f of file.findings) {
          assert.deepEqual(Object.keys(f), FINDING_KEYS);
          assert.ok(categories.has(f.category as string));
          assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity as string));
          for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(f[k]) && (f[k] as number) >= 1, k);
          for (const fix of f.fixes as { title: string; edits: { start: number; end: number; text: string }[] }[]) {
            assert.equal(typeof fix.title, 'string');
            for (const e of fix.edits) assert.deepEqual(Object.keys(e), ['start', 'end', 'text']);
          }
        }
      }
      const stage = out[0]!.findings.find((f) => f.ruleId === 'fact-types' && f.line === 3);
      assert.ok(stage, 'the `stage` finding of fact-types on line 3');
      assert.equal(stage.column, 8);
      assert.ok((stage.fixes as unknown[]).length > 0);
    });

    it('prints SARIF 2.1.0 that the official schema accepts, with rules from the registry', () => {
      const wrongAmount = FIXABLE_LETTER.replace('USD 18,400.00 fell due', 'USD 18,000.00 fell due');
      const dir = tempDir({
        'letters/final-demand.md': FIXABLE_LETTER,
        'letters/wrong-amount.md': wrongAmount,
        'b.md': NO_FRONT_MATTER,
        '.dunmarkrc.json': TODAY,
      });
      const r = run(['lint', '--format', 'sarif', 'letters', 'b.md'], dir);
      assert.equal(r.status, 1, r.stderr);
      const log = JSON.parse(r.stdout) as import('sarif').Log;
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-2.1.0-rtm.5.schema.json'), 'utf8')) as object;
      const ajv = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false });
      const validate = ajv.compile(schema);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      const run0 = log.runs[0]!;
      assert.equal(log.version, '2.1.0');
      assert.deepEqual(
        run0.tool.driver.rules?.map((x) => x.id),
        listRules().map((x) => x.id),
      );
      for (const rule of run0.tool.driver.rules ?? []) {
        assert.ok(rule.shortDescription?.text);
        assert.ok(rule.defaultConfiguration?.level);
        if (rule.helpUri) assert.ok(rule.helpUri.endsWith(`docs/rules/${rule.id}.md`));
      }
      const results = run0.results ?? [];
      assert.ok(results.length >= 2);
      const uris = new Set(results.map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
      assert.deepEqual([...uris].sort(), ['b.md', 'letters/final-demand.md', 'letters/wrong-amount.md']);
      const amount = results.find((x) => x.ruleId === 'amount-matches-facts');
      const related = amount?.relatedLocations?.[0];
      assert.ok(related, 'the wrong amount points at the `amount` fact');
      assert.equal(related.message?.text, 'the front-matter fact `amount`');
      assert.equal(
        wrongAmount.slice(
          related.physicalLocation!.region!.charOffset!,
          related.physicalLocation!.region!.charOffset! + related.physicalLocation!.region!.charLength!,
        ),
        '18400.00',
      );
      const stage = results.find((x) => x.ruleId === 'fact-types' && x.locations?.[0]?.physicalLocation?.region?.startLine === 3);
      assert.ok(stage);
      const region = stage.locations![0]!.physicalLocation!.region!;
      assert.equal(region.startColumn, 8);
      assert.equal(FIXABLE_LETTER.slice(region.charOffset!, region.charOffset! + region.charLength!), 'Final Demand');
      assert.ok((stage.fixes ?? []).length > 0);
      assert.equal(stage.level, 'error');
    });

    it('colours stylish output only when asked (FORCE_COLOR) and never with NO_COLOR on a pipe', () => {
      const dir = tempDir({ 'a.md': NO_FRONT_MATTER, '.dunmarkrc.json': TODAY });
      assert.ok(!run(['lint', 'a.md'], dir).stdout.includes('\u001b['));
      assert.ok(!run(['lint', 'a.md'], dir, { NO_COLOR: '' }).stdout.includes('\u001b['), 'a pipe is not a terminal');
      assert.ok(run(['lint', 'a.md'], dir, { FORCE_COLOR: '1' }).stdout.includes('\u001b[31m'));
      assert.ok(!run(['lint', 'a.md'], dir, { FORCE_COLOR: '0' }).stdout.includes('\u001b['));
    });

    it('prints nothing in stylish when there are no findings', () => {
      const dir = tempDir({
        'a.md': NO_FRONT_MATTER,
        '.dunmarkrc.json': JSON.stringify({ categories: { structure: 'off', facts: 'off', tone: 'off', language: 'off', clause: 'off', template: 'off' } }),
      });
      const r = run(['lint', 'a.md'], dir);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
    });
  });

  describe('lint: which files', () => {
    it('walks folders for .md, honours .gitignore, .dunmarkignore, --ignore-pattern and skips node_modules', () => {
      const dir = tempDir({
        'a.md': NO_FRONT_MATTER,
        'sub/b.md': NO_FRONT_MATTER,
        'sub/c.txt': NO_FRONT_MATTER,
        'drafts/d.md': NO_FRONT_MATTER,
        'old/e.md': NO_FRONT_MATTER,
        'tmp/f.md': NO_FRONT_MATTER,
        'node_modules/pkg/g.md': NO_FRONT_MATTER,
        '.gitignore': 'drafts/\n',
        '.dunmarkignore': 'old/\n',
        '.dunmarkrc.json': TODAY,
      });
      const files = (args: string[]): string[] => (JSON.parse(run(['lint', '--format', 'json', ...args], dir).stdout) as { file: string }[]).map((f) => f.file);
      assert.deepEqual(files(['.']), ['a.md', 'sub/b.md', 'tmp/f.md']);
      assert.deepEqual(files(['.', '--ignore-pattern', 'tmp/**']), ['a.md', 'sub/b.md']);
      assert.deepEqual(files(['--ext', 'txt', 'sub']), ['sub/c.txt']);
      assert.deepEqual(files(['--ext', 'md,txt', 'sub']), ['sub/b.md', 'sub/c.txt']);
      assert.deepEqual(files(['**/b.md', 'a.md', 'a.md']), ['a.md', 'sub/b.md']);
    });

    it('uses the nearest .dunmarkrc.json upward, or --config', () => {
      const dir = tempDir({
        'a.md': NO_FRONT_MATTER,
        'team/b.md': NO_FRONT_MATTER,
        'other.json': ALL_WARNINGS,
        '.dunmarkrc.json': TODAY,
        'team/.dunmarkrc.json': JSON.stringify({ rules: { 'front-matter': 'off' } }),
      });
      const out = JSON.parse(run(['lint', '--format', 'json', '.'], dir).stdout) as { file: string; findings: { ruleId: string; severity: string }[] }[];
      assert.ok(out[0]!.findings.some((f) => f.ruleId === 'front-matter'));
      assert.ok(!out[1]!.findings.some((f) => f.ruleId === 'front-matter'), 'the nearer config turns the rule off');
      const given = run(['lint', '--format', 'json', '--config', 'other.json', '.'], dir);
      assert.equal(given.status, 0);
      const all = JSON.parse(given.stdout) as { findings: { severity: string }[] }[];
      assert.ok(all.every((f) => f.findings.every((x) => x.severity !== 'error')));
    });

    it('an empty folder, a glob that matches nothing, a missing file: one line each, exit 2', () => {
      const dir = tempDir({ 'a.md': NO_FRONT_MATTER, 'empty/readme.txt': 'x', '.dunmarkrc.json': TODAY });
      const empty = run(['lint', 'empty'], dir);
      assert.equal(empty.status, 2);
      assert.equal(empty.stderr, 'dunmark: empty: no files ending in .md in this folder\n');
      const glob = run(['lint', 'nothing/**/*.md'], dir);
      assert.equal(glob.status, 2);
      assert.equal(glob.stderr, 'dunmark: nothing/**/*.md: no files match this pattern\n');
      const missing = run(['lint', 'missing.md', 'a.md'], dir);
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, 'dunmark: missing.md: no such file or folder\n');
      assert.match(missing.stdout, /a\.md/, 'the other files are still linted');
    });

    it('a dangling symlink is a file that cannot be read: one line, exit 2, no stack trace', () => {
      const dir = tempDir({ '.dunmarkrc.json': TODAY });
      fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'link.md'));
      const r = run(['lint', 'link.md'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^dunmark: link\.md: cannot read file.*\n$/);
      assert.doesNotMatch(r.stderr, /\bat .*:\d+:\d+/);
    });
  });

  describe('lint: config errors', () => {
    it('a config with a bad key: `dunmark: <file>:<line>:<col>: <reason>`, exit 2, nothing linted', () => {
      const dir = tempDir({ 'a.md': NO_FRONT_MATTER, '.dunmarkrc.json': '{\n  "today": "2026-11-20",\n  "rulez": {}\n}\n' });
      const r = run(['lint', 'a.md'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^dunmark: \.dunmarkrc\.json:3:3: Unexpected key `rulez`.*\n$/);
    });
    it('bad JSON, an unknown rule, a bad severity and a bad date name their line', () => {
      const cases: [string, RegExp][] = [
        ['{\n  "today": "2026-11-20"\n  "rules": {}\n}', /:3:3: Unexpected JSON syntax/],
        ['{\n  "rules": {\n    "no-such-rule": "error"\n  }\n}', /:3:5: Unexpected rule `no-such-rule`/],
        ['{\n  "rules": {\n    "front-matter": "fatal"\n  }\n}', /:3:21: Unexpected `"fatal"` for `rules.front-matter`/],
        ['{\n  "today": "2026-02-30"\n}', /:2:12: Unexpected `"2026-02-30"` for `today`/],
      ];
      for (const [text, expected] of cases) {
        const dir = tempDir({ 'team/a.md': NO_FRONT_MATTER, 'team/.dunmarkrc.json': text });
        const r = run(['lint', 'team'], dir);
        assert.equal(r.status, 2, text);
        assert.equal(r.stderr.split('\n').length, 2, r.stderr);
        assert.match(r.stderr, new RegExp(`^dunmark: team/\\.dunmarkrc\\.json${expected.source}`));
      }
    });
    it('--config with a missing file is exit 2', () => {
      const dir = tempDir({ 'a.md': NO_FRONT_MATTER });
      const r = run(['lint', '--config', 'nope.json', 'a.md'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'dunmark: nope.json: no such config file\n');
    });
  });

  describe('lint --fix', () => {
    it('applies preferred fixes, keeps the BOM and CRLF line endings, prints what remains', () => {
      const original = `\uFEFF${FIXABLE_LETTER.replace(/\n/g, '\r\n')}`;
      const dir = tempDir({ 'letter.md': original, '.dunmarkrc.json': TODAY });
      const file = path.join(dir, 'letter.md');
      const r = run(['lint', '--fix', '--format', 'json', 'letter.md'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const fixed = fs.readFileSync(file, 'utf8');
      assert.notEqual(fixed, original);
      assert.ok(fixed.startsWith('\uFEFF---\r\n'), 'BOM kept');
      assert.doesNotMatch(fixed, /(^|[^\r])\n/, 'every line break is still CRLF');
      assert.match(fixed, /\r\nstage: final-demand\r\n/);
      const printed = JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; message: string }[] }[];
      assert.ok(!printed[0]!.findings.some((f) => f.ruleId === 'fact-types' && f.line === 3), 'the fixed finding is gone');
      // What --fix printed is the lint of the file as written.
      const again = run(['lint', '--format', 'json', 'letter.md'], dir);
      assert.deepEqual(JSON.parse(again.stdout), printed);
      // Fixing again changes nothing.
      const mtime = fs.statSync(file).mtimeMs;
      run(['lint', '--fix', 'letter.md'], dir);
      assert.equal(fs.readFileSync(file, 'utf8'), fixed);
      assert.equal(fs.statSync(file).mtimeMs, mtime, 'an unchanged file is not rewritten');
    });
  });

  describe('the README command: lint examples/', () => {
    it('runs as written, `npx dunmark lint examples/` (the bin is executable), exit 1 with stylish output', () => {
      assert.ok((fs.statSync(path.join(ROOT, 'dist/cli.mjs')).mode & 0o111) !== 0, 'dist/cli.mjs is executable');
      const r = spawnSync('npx', ['--no-install', 'dunmark', 'lint', 'examples/'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /examples\/with-mistakes\.md/);
      assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?\)/);
    });
    it('finds no error in the clean examples and every planted mistake in with-mistakes.md (exit 1)', () => {
      const r = run(['lint', '--format', 'json', 'examples/'], ROOT);
      assert.equal(r.status, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string; severity: string; line: number }[] }[];
      assert.ok(out.length >= 7, 'at least seven examples');
      for (const file of out) {
        if (file.file === 'examples/with-mistakes.md') continue;
        const errors = file.findings.filter((f) => f.severity === 'error');
        assert.deepEqual(errors, [], `${file.file} should have no error`);
      }
      const mistakes = out.find((f) => f.file === 'examples/with-mistakes.md');
      assert.ok(mistakes);
      const ids = new Set(mistakes.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId));
      for (const id of ['no-threat', 'amount-matches-facts', 'daxie-matches', 'deadline-after-date', 'no-placeholder'])
        assert.ok(ids.has(id), `with-mistakes.md shows ${id}`);
    });
  });

  describe('rules, templates, render', () => {
    it('rules --format json is every rule meta; text lists every id', () => {
      const json = run(['rules', '--format', 'json'], ROOT);
      assert.equal(json.status, 0);
      assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(listRules())));
      const text = run(['rules'], ROOT).stdout;
      for (const rule of listRules()) assert.match(text, new RegExp(`^${rule.id} +${rule.category} +${rule.defaultSeverity}`, 'm'));
    });
    it('templates --format json prints an array of { id, title, kind, stage, clause, language, required }', () => {
      const r = run(['templates', '--format', 'json'], ROOT);
      assert.equal(r.status, 0);
      const list = JSON.parse(r.stdout) as Record<string, unknown>[];
      assert.ok(Array.isArray(list));
      for (const t of list) assert.deepEqual(Object.keys(t).sort(), ['clause', 'id', 'kind', 'language', 'required', 'stage', 'title']);
    });
    it('render: usage errors exit 2, an unknown template exits 1 and writes nothing', () => {
      const dir = tempDir({ 'facts.yaml': 'amount: 18400.00\ncurrency: USD\n' });
      assert.equal(run(['render'], dir).status, 2);
      assert.equal(run(['render', 'x'], dir).status, 2);
      const r = run(['render', 'no-such-template', '--facts', 'facts.yaml', '--out', 'out.md'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^dunmark: no-such-template: unknown template/, 'the id is named, not the facts file');
      assert.ok(!fs.existsSync(path.join(dir, 'out.md')));
      assert.equal(run(['render', 'x', '--facts', 'missing.yaml'], dir).status, 2);
    });
  });
});
