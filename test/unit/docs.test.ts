// The README and the pages in docs/ are tested like code: every command in an `sh` block runs as
// written, and every relative link leads to a file (and heading) that exists.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Definition, Image, Link, Nodes, Root } from 'mdast';
import { markdownProcessor } from '../../src/core/markdown.js';
import { ROOT } from './helpers.js';

/** The pages a person reads: the README and docs/*.md (the generated rule pages are checked for links too). */
function pages(withRulePages: boolean): string[] {
  const list = ['README.md', 'CONTRIBUTING.md'];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory() && withRulePages) walk(rel);
      else if (entry.isFile() && entry.name.endsWith('.md')) list.push(rel);
    }
  };
  walk('docs');
  return list.sort();
}

/** Every node of the tree, depth first. */
function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* nodes(child);
}

/** The text of a node, as a heading's anchor is made from it. */
function text(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  return 'children' in node ? node.children.map((c) => text(c)).join('') : '';
}

function parse(file: string): Root {
  return markdownProcessor.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const h of nodes(parse(file))) {
    if (h.type !== 'heading') continue;
    const base = text(h)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  // An explicit anchor (<a id="…"></a> or name="…") counts too.
  for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

describe('documentation', () => {
  it('the README stays an introduction (under 15 KB); the reference lives in docs/', () => {
    const size = fs.statSync(path.join(ROOT, 'README.md')).size;
    assert.ok(size < 15 * 1024, `README.md is ${size} bytes`);
  });

  describe('the reference pages cover what the product has', () => {
    const page = (name: string): string => fs.readFileSync(path.join(ROOT, 'docs', name), 'utf8');
    it('docs/editor.md lists every setting of the extension', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
      };
      const settings = [manifest.contributes.configuration].flat().flatMap((c) => Object.keys(c.properties));
      assert.ok(settings.length > 0);
      const text = page('editor.md');
      assert.deepEqual(
        settings.filter((k) => !text.includes(`\`${k}\``)),
        [],
      );
    });
    it('docs/configuration.md lists every key of .dunmarkrc.json', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/dunmarkrc.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
      const text = page('configuration.md');
      assert.deepEqual(
        Object.keys(schema.properties).filter((k) => k !== '$schema' && !text.includes(`| \`${k}\` |`)),
        [],
      );
    });
    // Each command's options, as its --help prints them, are described on the command's page.
    const homes: Record<string, string> = {
      lint: 'cli.md',
      render: 'cli.md',
      templates: 'cli.md',
      rules: 'cli.md',
      export: 'export.md',
      cases: 'cases.md',
      lsp: 'editors.md',
    };
    for (const [command, home] of Object.entries(homes)) {
      it(`docs/${home} describes every option of dunmark ${command}`, () => {
        const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.mjs'), command, '--help'], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        const options = [...new Set(r.stdout.match(/--[a-z][a-z-]*/g) ?? [])].filter((o) => o !== '--help');
        const text = page(home);
        assert.deepEqual(
          options.filter((o) => !new RegExp(`${o}(?![a-z-])`).test(text)),
          [],
        );
      });
    }
  });

  describe('every relative link leads to a file and a heading that exist', () => {
    for (const file of pages(true)) {
      it(file, () => {
        const broken: string[] = [];
        for (const node of nodes(parse(file))) {
          if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') continue;
          const { url, position } = node as Link | Image | Definition;
          if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue; // https:, mailto:, vscode: …
          const [target = '', hash] = url.split('#');
          const where = `${file}:${position?.start.line ?? 0}: ${url}`;
          const resolved = target ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(target))) : file;
          if (resolved.startsWith('..') || !fs.existsSync(path.join(ROOT, resolved))) {
            broken.push(`${where} (no ${resolved})`);
            continue;
          }
          if (hash && resolved.endsWith('.md') && !anchors(resolved).has(decodeURIComponent(hash)))
            broken.push(`${where} (no heading #${hash} in ${resolved})`);
        }
        assert.deepEqual(broken, []);
      });
    }
  });

  describe('every command in an sh block runs as written', () => {
    const { scripts, bin: bins } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      bin: Record<string, string>;
    };
    for (const file of pages(false)) {
      const commands: { line: number; text: string }[] = [];
      for (const code of nodes(parse(file))) {
        if (code.type !== 'code' || !['sh', 'bash', 'shell'].includes(code.lang ?? '')) continue;
        code.value.split('\n').forEach((line, i) => {
          if (line.trim() && !line.trim().startsWith('#')) commands.push({ line: (code.position?.start.line ?? 0) + 1 + i, text: line.trim() });
        });
      }
      if (!commands.length) continue;
      it(file, function () {
        this.timeout(120_000);
        // A fresh copy of the examples per page, so that a page's commands run in order (export, then
        // lint the .docx) and nothing is written into the repository; ${TMPDIR:-/tmp} is a temp folder too.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-docs-'));
        const tmp = path.join(dir, '.tmp');
        try {
          fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
          fs.symlinkSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'));
          fs.mkdirSync(tmp);
          for (const { line, text } of commands) {
            for (const part of text.split(/\s*&&\s*/)) {
              const where = `${file}:${line}: ${part}`;
              const npm = /^npm (?:run ([\w:-]+)|(ci|test|install))\b/.exec(part);
              if (npm) {
                // The build and the tests themselves: the script must exist (this suite is one of them).
                if (npm[1]) assert.ok(scripts[npm[1]], `${where}: no npm script ${npm[1]}`);
                continue;
              }
              // `npx dunmark …` in a clone, `dunmark …` and `dunmark-ls` once installed: the package's own bins.
              const bin = /^(?:npx )?(dunmark(?:-ls)?)(?=\s|$)/.exec(part);
              assert.ok(bin && bins[bin[1]!], `${where}: an sh block holds commands the docs test can run (npm …, npx dunmark …, dunmark …, dunmark-ls)`);
              const pdf = /--to pdf\b/.test(part);
              const r = spawnSync('bash', ['-c', `"${process.execPath}" "${path.join(ROOT, bins[bin[1]!]!)}"${part.slice(bin[0].length)}`], {
                cwd: dir,
                encoding: 'utf8',
                input: '', // the language server reads stdin: closed, it ends
                timeout: 60_000, // a guard against a hang, not a speed claim
                killSignal: 'SIGKILL',
                // PDF goes through LibreOffice, which the e2e suite runs; here the command must get as far as asking for it.
                env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...(pdf ? { DUNMARK_SOFFICE: '' } : {}) },
              });
              assert.equal(r.signal, null, `${where}: did not finish`);
              assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${where}: a stack trace\n${r.stderr}`);
              if (pdf) assert.match(r.stderr, /LibreOffice/i, `${where}: ${r.stderr}`);
              else assert.ok(r.status === 0 || r.status === 1, `${where}: exit ${r.status}\n${r.stderr}`);
            }
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
});
