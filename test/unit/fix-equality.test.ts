// `dunmark lint --fix` and the editor's Fix All write the same bytes. The CLI side is the built
// binary run once over a copy of every rule fixture (each in its own folder beside its config); the
// editor side is the core call the adapter makes (`fixAllEdit`: `fixUntilStable`, then one
// `replacementEdit`), applied as the editor applies an edit. The real-editor suite runs Fix All
// itself on the fixtures that have a `.fixed.md` and compares with the same binary's output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixUntilStable, replacementEdit } from '../../src/core/fixes.js';
import { lint } from '../../src/index.js';
import type { DunmarkConfig } from '../../src/core/types.js';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';
import { FIXTURE_TODAY, ROOT } from './helpers.js';

const RULES_DIR = path.join(ROOT, 'test/fixtures/rules');

/** Every rule fixture (not the `.fixed.md` results) with the config it is linted with. */
function fixtures(): { name: string; text: string; config: DunmarkConfig }[] {
  const out: { name: string; text: string; config: DunmarkConfig }[] = [];
  for (const rule of fs.readdirSync(RULES_DIR).sort()) {
    for (const file of fs.readdirSync(path.join(RULES_DIR, rule)).sort()) {
      if (!file.endsWith('.md') || file.endsWith('.fixed.md')) continue;
      const full = path.join(RULES_DIR, rule, file);
      const configFile = full.replace(/\.md$/, '.config.json');
      const own = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as DunmarkConfig) : {};
      out.push({ name: `${rule}/${file}`, text: fs.readFileSync(full, 'utf8'), config: { today: FIXTURE_TODAY, ...own } });
    }
  }
  return out;
}

/** What the editor's Fix All leaves in the document: the adapter's core call, applied as one edit. */
function editorFixAll(text: string, config: DunmarkConfig): string {
  const edit = replacementEdit(text, fixUntilStable(text, (t) => lint(t, { config })).text);
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
}

describe("--fix and the editor's Fix All", () => {
  before(ensureBuilt);
  after(cleanup);

  it('write the same bytes for every rule fixture', function () {
    // one CLI run over every fixture: no speed goal here (that is `npm run bench`), only room on a busy machine
    this.timeout(0);
    const all = fixtures();
    const files: Record<string, string> = {};
    all.forEach((f, i) => {
      files[`f${i}/letter.md`] = f.text;
      files[`f${i}/.dunmarkrc.json`] = JSON.stringify(f.config);
    });
    const dir = tempDir(files);
    const r = run(['lint', '--fix', '--format', 'json', '.'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    let changed = 0;
    all.forEach((f, i) => {
      const cli = fs.readFileSync(path.join(dir, `f${i}/letter.md`), 'utf8');
      assert.equal(editorFixAll(f.text, f.config), cli, `Fix All and --fix differ on ${f.name}`);
      if (cli !== f.text) changed++;
    });
    assert.ok(changed >= 20, `only ${changed} fixtures had a preferred fix: the comparison says little`);
  });
});
