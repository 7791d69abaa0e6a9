// The one discovery (nearest config, workspace templates) over a file-system port, the same code the
// CLI runs over node:fs and the editor over workspace.fs; prototype keys in rule options; what an
// untrusted workspace's config may set; config and facts problems located for `render` and `templates`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver, parseConfig, readTemplateFolders, severitiesOnly, type FileSystemPort } from '../../src/core/config/index.js';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';
import { ROOT } from './helpers.js';

/** A file system of `/`-separated paths held in memory; counts reads. */
function memoryFs(files: Record<string, string>): FileSystemPort<string> & { reads: string[] } {
  const reads: string[] = [];
  const isDir = (at: string): boolean => Object.keys(files).some((f) => f.startsWith(`${at === '/' ? '' : at}/`));
  return {
    reads,
    async readFile(at) {
      reads.push(at);
      if (files[at] === '\u0000unreadable') throw new Error('EACCES');
      return files[at];
    },
    async readDirectory(at) {
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(`${at}/`)) names.add(f.slice(at.length + 1).split('/')[0]!);
      return [...names].map((name) => ({ name, isDirectory: isDir(`${at}/${name}`) }));
    },
    isDirectory: async (at) => isDir(at),
    parent: (at) => (at === '/' ? undefined : path.posix.dirname(at)),
    join: (folder, relative) => path.posix.resolve(folder, relative),
    key: (at) => at,
  };
}

describe('config discovery (core/config/resolve.ts)', () => {
  it('finds the nearest config upward, reads each file once, and stops at the folder it is told to', async () => {
    const files = memoryFs({
      '/ws/.dunmarkrc.json': '{ "today": "2026-11-20" }',
      '/ws/letters/zh/.dunmarkrc.json': '{ "messageLanguage": "zh" }',
      '/.dunmarkrc.json': '{}',
    });
    const resolver = new ConfigResolver(files);
    assert.deepEqual((await resolver.configFor('/ws/letters/zh'))?.file, '/ws/letters/zh/.dunmarkrc.json');
    const near = await resolver.configFor('/ws/letters');
    assert.ok(near?.ok);
    assert.equal(near.file, '/ws/.dunmarkrc.json');
    assert.deepEqual(near.config, { today: '2026-11-20' });
    await resolver.configFor('/ws/letters');
    assert.equal(files.reads.filter((r) => r === '/ws/.dunmarkrc.json').length, 1, 'read once');
    const bounded = new ConfigResolver(memoryFs({ '/.dunmarkrc.json': '{}', '/ws/a.md': '' }), (folder) => folder === '/ws');
    assert.equal(await bounded.configFor('/ws'), undefined, 'nothing above the workspace folder');
  });

  it('reports a config that cannot be used, with its line and column, or that cannot be read', async () => {
    const resolver = new ConfigResolver(memoryFs({ '/ws/.dunmarkrc.json': '{\n  "rulez": {}\n}', '/other/.dunmarkrc.json': '\u0000unreadable' }));
    const bad = await resolver.configFor('/ws');
    assert.ok(bad && !bad.ok);
    assert.deepEqual([bad.error.line, bad.error.column, bad.readable], [2, 3, true]);
    const unreadable = await resolver.configFor('/other');
    assert.ok(unreadable && !unreadable.ok && !unreadable.readable);
    assert.match(unreadable.error.message, /EACCES/);
  });

  it("finds workspace templates: the nearest config's `templates`, else the fallback, else the nearest .dunmark/templates", async () => {
    const files = memoryFs({
      '/ws/.dunmarkrc.json': '{ "templates": "house/templates" }',
      '/ws/house/templates/thanks/template.json': '{}',
      '/ws/.dunmark/templates/x/template.md': 'x',
      '/ws/sub/.dunmarkrc.json': '{}',
      '/ws/sub/deeper/a.md': '',
      '/plain/.dunmark/templates/y/template.json': '{}',
      '/plain/letters/a.md': '',
    });
    const resolver = new ConfigResolver(files);
    assert.equal(await resolver.templatesFolder('/ws'), '/ws/house/templates');
    assert.equal(await resolver.templatesFolder('/ws/sub/deeper'), '/ws/.dunmark/templates', 'the nearest config names none');
    assert.equal(await resolver.templatesFolder('/ws/sub/deeper', '/ws/setting'), '/ws/setting');
    assert.equal(await resolver.templatesFolder('/ws', '/ws/setting'), '/ws/house/templates', 'the config wins over the setting');
    assert.equal(await resolver.templatesFolder('/plain/letters'), '/plain/.dunmark/templates');
    assert.equal(await new ConfigResolver(files, (f) => f === '/plain/letters').templatesFolder('/plain/letters'), undefined);
    const folders = await readTemplateFolders(files, '/ws/house/templates');
    assert.deepEqual(
      folders.map((f) => [f.name, Object.keys(f.files)]),
      [['thanks', ['template.json']]],
    );
  });

  it('rejects `__proto__`, `constructor` and unknown option names in rule options, at their line and column (repro: proto-options.dunmarkrc.json)', () => {
    const repro = fs.readFileSync(path.join(ROOT, 'test/fixtures/repro/proto-options.dunmarkrc.json'), 'utf8');
    const result = parseConfig(repro, '.dunmarkrc.json');
    assert.ok(!result.ok);
    assert.equal(result.error.message, 'Unexpected option `__proto__` for `rules.deadline-min-days`, expected `days`, `workingDays`');
    assert.deepEqual([result.error.line, result.error.column], [1, 49]);
    assert.equal(repro.slice(48, 59), '"__proto__"');
    for (const key of ['constructor', 'toString', 'dayz']) {
      const r = parseConfig(`{\n  "rules": {\n    "deadline-min-days": ["warning", {\n      "${key}": 3 }]\n  }\n}`, 'x');
      assert.ok(!r.ok, key);
      assert.deepEqual(
        [r.error.line, r.error.column, r.error.message],
        [4, 7, `Unexpected option \`${key}\` for \`rules.deadline-min-days\`, expected \`days\`, \`workingDays\``],
      );
    }
    const onRuleWithout = parseConfig('{ "rules": { "no-threat": ["error", { "__proto__": {} }] } }', 'x');
    assert.ok(!onRuleWithout.ok);
    assert.match(onRuleWithout.error.message, /^Unexpected option `__proto__` for `rules.no-threat`, expected no options$/);
    assert.equal(({} as Record<string, unknown>).days, undefined, 'nothing reached a prototype');
  });

  it('counts lines after CR and CRLF line breaks as LineIndex does', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const r = parseConfig(`{${eol}${eol}  "rulez": 1${eol}}`, 'x');
      assert.ok(!r.ok);
      assert.deepEqual([r.error.line, r.error.column], [3, 3], JSON.stringify(eol));
    }
  });

  it("keeps only the severities of an untrusted workspace's config", () => {
    assert.deepEqual(
      severitiesOnly({
        today: '2026-11-20',
        templates: 't',
        messageLanguage: 'zh',
        vocabulary: { reject: ['x'] },
        rules: { 'deadline-min-days': ['error', { days: 30 }], shouting: 'off' },
        categories: { tone: 'info' },
      }),
      { rules: { 'deadline-min-days': 'error', shouting: 'off' }, categories: { tone: 'info' } },
    );
  });
});

describe('render and templates: config and facts problems name the file, line and column', () => {
  before(ensureBuilt);
  after(cleanup);

  it('templates and render report a bad .dunmarkrc.json as lint does', () => {
    const dir = tempDir({ '.dunmarkrc.json': '{\n  "templates": 3\n}', 'facts.yaml': 'amount: 1\n' });
    for (const args of [['templates'], ['render', 'reminder-en', '--facts', 'facts.yaml']]) {
      const r = run(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr, 'dunmark: .dunmarkrc.json:2:16: Unexpected `3` for `templates`, expected a folder path (a non-empty string)\n');
    }
  });

  it('render gives the line and column of malformed facts YAML', () => {
    const dir = tempDir({ 'facts.yaml': 'amount: 1\ndebtor:\n  name: [unclosed\n' });
    const r = run(['render', 'reminder-en', '--facts', 'facts.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^dunmark: facts\.yaml:\d+:\d+: cannot parse YAML \(/);
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  });
});
