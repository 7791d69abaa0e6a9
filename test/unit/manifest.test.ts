// The extension manifest and the code agree: settings, commands, nls keys, l10n strings, entries.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const json = <T = Record<string, unknown>>(rel: string): T => JSON.parse(read(rel)) as T;

interface Manifest {
  main: string;
  browser: string;
  activationEvents: string[];
  l10n: string;
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string }[] };
    configuration: { properties: Record<string, unknown> };
    jsonValidation: { fileMatch: string; url: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
    snippets: { language: string; path: string }[];
    walkthroughs: { steps: { media: { markdown: string }; description: string }[] }[];
  };
}

const manifest = json<Manifest>('package.json');
const vscodeDir = path.join(ROOT, 'src/vscode');
const sources = fs
  .readdirSync(vscodeDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(vscodeDir, f), 'utf8') }));
const allCode = sources.map((s) => s.text).join('\n');

describe('extension manifest', () => {
  it('declares every setting the code reads, and the code reads every declared setting', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    // the extension reads some itself (drafting, export); the language server reads the `dunmark` section with the core's reader
    const server = fs.readFileSync(path.join(ROOT, 'src/core/config/settings.ts'), 'utf8');
    const serverKeys = [...server.matchAll(/\b(?:bool|text)\('(\w+)'|\bc\.(\w+)\b/g)].map((m) => m[1] ?? m[2]!);
    const read = [
      ...new Set([...[...allCode.matchAll(/\.get(?:<[^()]*>)?\('([\w.]+)'\)/g)].map((m) => m[1]!), ...serverKeys].map((k) => `dunmark.${k}`)),
    ].sort();
    assert.ok(declared.length >= 7, 'the settings of the brief are declared');
    assert.deepEqual(read, declared);
  });

  it('contributes every command the code registers, and registers every contributed command', () => {
    const registered = [...allCode.matchAll(/(?:registerCommand|\br)\(\s*'(dunmark\.\w+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
    for (const c of manifest.contributes.commands) assert.equal(c.category, '%dunmark.category%', `${c.command} is in the Dunmark category`);
    const referenced = [
      ...manifest.contributes.menus.commandPalette.map((m) => m.command),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => [...s.description.matchAll(/command:(dunmark\.\w+)/g)].map((m) => m[1]!))),
    ];
    for (const id of referenced) assert.ok(contributed.includes(id), `${id} is referenced but not contributed`);
  });

  it('the walkthrough opens an example letter the packaged extension carries, not a folder it does not have', () => {
    const en = json<Record<string, string>>('package.nls.json');
    const step = manifest.contributes.walkthroughs[0]!.steps[0]!;
    const description = en[step.description.replace(/^%|%$/g, '')] ?? step.description;
    assert.match(description, /command:dunmark\.openExample\b/);
    assert.doesNotMatch(description, /examples\//, 'the packaged extension has no examples folder');
    // the example ships in media/ (in the .vsix) and is the repository's letter with mistakes, kept the same
    assert.match(read('.vscodeignore'), /^!media\/\*\*$/m);
    assert.equal(read('media/walkthrough/example-letter.md'), read('examples/with-mistakes.md'));
    assert.match(allCode, /'media', 'walkthrough', 'example-letter\.md'/);
  });

  it('has the same keys in package.nls.json and package.nls.zh-cn.json, covering every %key%', () => {
    const en = json<Record<string, string>>('package.nls.json');
    const zh = json<Record<string, string>>('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length > 20);
    for (const key of used) assert.ok(key in en, `%${key}% is missing from package.nls.json`);
    for (const key of Object.keys(en)) assert.ok(used.includes(key), `package.nls.json key ${key} is not used`);
  });

  it('translates every vscode.l10n.t message into Chinese, and nothing else', () => {
    const messages = new Set([...allCode.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
    // The hover's explanations are written in the core and translated where an l10n is passed as `t` (their Chinese kept here).
    for (const m of read('src/core/facts/explain.ts').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(m[1]!.replace(/\\'/g, "'"));
    const bundle = json<Record<string, string>>(path.join(manifest.l10n, 'bundle.l10n.zh-cn.json'));
    assert.deepEqual(Object.keys(bundle).sort(), [...messages].sort());
    for (const [en, zh] of Object.entries(bundle)) {
      const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(zh), placeholders(en), `placeholders of "${en}"`);
      assert.match(zh, /[\u4e00-\u9fff]/, `"${en}" is translated`);
    }
  });

  it('shows no user-facing string literal outside vscode.l10n.t in notifications', () => {
    const raw = /show(?:Information|Warning|Error)Message\(\s*['`]/;
    for (const s of sources) assert.doesNotMatch(s.text, raw, `${s.file} shows an untranslated message`);
  });

  it('activates on Markdown and points at the bundles esbuild writes', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.equal(manifest.main, './dist/extension.cjs');
    assert.equal(manifest.browser, './dist/web/extension.cjs');
    const config = read('esbuild.config.mjs');
    assert.match(config, /src\/vscode\/extension\.ts'\],\s*outfile: 'dist\/extension\.cjs'/);
    assert.match(config, /src\/vscode\/web\.ts'\],\s*outfile: 'dist\/web\/extension\.cjs'/);
  });

  it('limits untrusted workspaces to built-in templates', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual(trust.restrictedConfigurations, ['dunmark.templatesFolder']);
    assert.match(read('src/vscode/settings.ts'), /isTrusted \? \(c\.get<string>\('templatesFolder'\)/);
    assert.match(read('src/vscode/templates.ts'), /if \(!vscode\.workspace\.isTrusted\) return \[\]/);
  });

  it('reaches no node: module and no Node built-in from the web entry', () => {
    const seen = new Set<string>();
    const builtins = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|util$|process$|buffer$)/;
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import|require)\s*\(?\s*'([^']+)'/g)) {
        const spec = m[1]!;
        assert.doesNotMatch(spec, builtins, `${path.relative(ROOT, file)} imports ${spec}`);
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(path.join(vscodeDir, 'web.ts'));
    assert.ok(seen.size > 10, `followed ${seen.size} modules`);
    assert.ok(
      [...seen].some((f) => f.endsWith(path.join('core', 'engine.ts'))),
      'the web entry runs the same core',
    );
  });

  it("keeps the core out of activation (the config file name comes from the core's light names module)", () => {
    for (const s of sources.filter((x) => !['core.ts'].includes(x.file))) {
      for (const m of s.text.matchAll(/^import (?!type)[^;]*from '\.\.\/core\/([^']+)'/gm)) {
        assert.ok(
          ['types.js', 'findings.js', 'documents.js', 'facts/schema.js', 'facts/facts.js', 'facts/complete.js', 'front-matter.js', 'config/names.js'].includes(
            m[1]!,
          ),
          `${s.file} loads core/${m[1]} at activation; use ./core.js`,
        );
      }
    }
    assert.doesNotMatch(sources.map((s) => s.text).join('\n'), /'\.dunmarkrc\.json'|'\.dunmark\/templates'/, "no copy of the core's file names");
  });

  it('validates .dunmarkrc.json with the published schema', () => {
    const v = manifest.contributes.jsonValidation.find((x) => x.fileMatch === '.dunmarkrc.json');
    assert.ok(v);
    assert.ok(fs.existsSync(path.join(ROOT, v.url)), `${v.url} exists`);
  });

  it('injects a grammar for {{placeholders}} into Markdown', () => {
    const g = manifest.contributes.grammars[0]!;
    assert.deepEqual(g.injectTo, ['text.html.markdown']);
    const grammar = json<{ scopeName: string; repository: { variable: { match: string } } }>(g.path);
    assert.equal(grammar.scopeName, g.scopeName);
    const re = new RegExp(grammar.repository.variable.match);
    assert.ok(re.test('Dear {{debtor.contact}},'));
    assert.ok(!re.test('Dear Mr. Zhou,'));
  });

  it('ships English and Chinese snippets with the paragraphs and clauses of the brief', () => {
    const snippets = json<Record<string, { prefix: string; body: string[] }>>(manifest.contributes.snippets[0]!.path);
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    for (const p of [
      'dunmark-reminder',
      'dunmark-deadline',
      'dunmark-next-step',
      'dunmark-prevailing-language',
      'dunmark-arbitration-cietac',
      'dunmark-zh-reminder',
      'dunmark-zh-daxie',
      'dunmark-zh-joint-guarantee',
    ])
      assert.ok(prefixes.includes(p), p);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    assert.ok(Object.values(snippets).some((s) => /[\u4e00-\u9fff]/.test(s.body.join(''))));
  });

  it('has a walkthrough whose media exist', () => {
    const steps = manifest.contributes.walkthroughs[0]!.steps;
    assert.ok(steps.length >= 4);
    for (const s of steps) assert.ok(fs.existsSync(path.join(ROOT, s.media.markdown)), s.media.markdown);
  });

  it('packages the files the manifest points at', () => {
    const ignore = read('.vscodeignore');
    for (const p of ['dist/extension.cjs', 'dist/web/extension.cjs', 'docs/rules/*.md', 'schemas/*.json', 'l10n/*.json', 'media/**']) {
      assert.ok(ignore.includes(`!${p}`), `.vscodeignore keeps ${p}`);
    }
  });
});
