// Templates are content, validated before they render: every built-in template renders from its
// example facts and lints clean; every required fact, removed, makes render refuse and name it;
// broken workspace templates are reported, never thrown; the CLI writes nothing on a problem.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/index.js';
import { escapeMarkdown, listTemplates, parseTemplateFolder, renderTemplate, requiredPaths, type Template } from '../../src/core/templates/index.js';
import { loadWorkspaceTemplates } from '../../src/cli/templates.js';
import { BUILTIN_MODULE_PATH, generateBuiltinModule } from '../../scripts/gen-templates.js';
import { formatFinding, ROOT } from './helpers.js';

const TEMPLATES_DIR = path.join(ROOT, 'templates');
const folders = fs
  .readdirSync(TEMPLATES_DIR)
  .filter((d) => fs.statSync(path.join(TEMPLATES_DIR, d)).isDirectory())
  .sort();

function example(id: string): Record<string, unknown> {
  return parseYaml(fs.readFileSync(path.join(TEMPLATES_DIR, id, 'example.yaml'), 'utf8')) as Record<string, unknown>;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Deletes a required path (`debtor.name`, `invoices.*.number` on the first item); returns the concrete path. */
function removePath(facts: Record<string, unknown>, required: string): string {
  const parts = required.split('.');
  const concrete: string[] = [];
  let node: unknown = facts;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] === '*' ? '0' : parts[i]!;
    concrete.push(part);
    node = (node as Record<string, unknown>)[part];
  }
  const last = parts[parts.length - 1]!;
  delete (node as Record<string, unknown>)[last];
  return [...concrete, last].join('.');
}

/**
 * Findings that other parts' rules report on correct drafts, reported to their owners and listed
 * here exactly, so the drafts are not weakened and the list fails as soon as a rule changes.
 */
const KNOWN_FOREIGN_FINDINGS: Record<string, string[]> = {};

const FOLDER_FILES = (files: Record<string, string>): Record<string, string> => ({
  'template.json': JSON.stringify({
    id: 'thank-you-en',
    title: 'Thank you for paying',
    kind: 'dunning-letter',
    language: 'en',
    description: 'Confirms a payment.',
    facts: {
      type: 'object',
      required: ['debtor', 'amount', 'currency'],
      properties: {
        debtor: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, contact: { type: 'string' } } },
        amount: { type: 'number' },
        currency: { type: 'string' },
        note: { type: 'string' },
      },
    },
  }),
  'template.md': '---\nkind: dunning-letter\nlanguage: en\n---\n\nDear {{debtor.name}},\n\nThank you for your payment of {{amount_en}}.\n',
  ...files,
});

describe('templates', () => {
  it('greets the debtor in Chinese letters by the Chinese name and names the goods in Chinese when the facts give them', () => {
    const byId = new Map(listTemplates().map((t) => [t.id, t]));
    for (const id of ['reminder-zh', 'second-reminder-zh', 'final-demand-zh', 'letter-before-action-zh']) {
      const facts = clone(example(id));
      const debtor = facts.debtor as Record<string, unknown>;
      debtor.contact = 'Mr. Zhang Lei';
      debtor.contact_zh = '张磊先生';
      facts.goods = 'centrifugal pumps CP-40';
      facts.goods_zh = '离心泵 CP-40';
      const out = renderTemplate(byId.get(id)!, facts);
      assert.ok(out.ok, `${id}: ${out.ok ? '' : JSON.stringify(out.problems)}`);
      const body = out.text.slice(out.text.indexOf('\n---\n', 4) + 5); // the front matter keeps both forms
      assert.match(body, /尊敬的张磊先生/, id);
      assert.doesNotMatch(body, /Mr\. Zhang Lei|centrifugal pumps/, `${id}: no English name or goods in the Chinese letter`);
      assert.match(body, /离心泵 CP-40/, id);
      delete debtor.contact_zh;
      delete facts.goods_zh;
      const plain = renderTemplate(byId.get(id)!, facts);
      assert.ok(plain.ok && plain.text.includes('Mr. Zhang Lei'), `${id}: without a Chinese name, the contact as given`);
    }
  });

  it('prints one full stop where a name ending in one closes a sentence ("Acme Fasteners Inc.")', () => {
    const t = listTemplates().find((x) => x.id === 'call-preparation-en')!;
    const facts = clone(example('call-preparation-en'));
    (facts.creditor as Record<string, unknown>).name = 'Acme Fasteners Inc.';
    const out = renderTemplate(t, facts);
    assert.ok(out.ok, JSON.stringify(out.ok ? '' : out.problems));
    assert.match(out.text, /, Acme Fasteners Inc\.\n/);
    assert.doesNotMatch(out.text, /Inc\.\./);
    assert.doesNotMatch(out.text, /[\u0001\u0002]/, 'no marker is left in the letter');
  });

  it('bundles every folder of templates/ in the generated module (npm run docs)', () => {
    assert.equal(
      fs.readFileSync(BUILTIN_MODULE_PATH, 'utf8'),
      generateBuiltinModule(),
      'src/core/templates/builtin.generated.ts is out of date: run `npm run docs`',
    );
  });

  it('parses every built-in template, one per folder, id equal to the folder name', () => {
    assert.deepEqual(
      listTemplates().map((t) => t.id),
      folders,
    );
  });

  it('has the built-in set the product promises', () => {
    const ids = new Set(listTemplates().map((t) => t.id));
    for (const stage of ['reminder', 'second-reminder', 'final-demand', 'letter-before-action']) {
      for (const lang of ['en', 'zh', 'bilingual']) assert.ok(ids.has(`${stage}-${lang}`), `${stage}-${lang}`);
    }
    for (const id of [
      'call-preparation-en',
      'call-summary-en',
      'call-summary-zh',
      'repayment-plan-en',
      'clause-us-guaranty-en',
      'clause-prc-guarantee-zh',
      'clause-arbitration-cietac',
      'clause-arbitration-hkiac',
      'clause-arbitration-siac',
      'clause-arbitration-icc',
      'clause-prevailing-language-bilingual',
      'clause-jurisdiction-en',
    ]) {
      assert.ok(ids.has(id), id);
    }
  });

  for (const template of listTemplates()) {
    describe(template.id, () => {
      const facts = example(template.id);

      it('has realistic example facts: dated on or before 2026-11-20, deadline on a weekday after the date', () => {
        assert.equal(typeof facts.date, 'string');
        assert.ok((facts.date as string) <= '2026-11-20', `date ${String(facts.date)}`);
        if (typeof facts.deadline === 'string') {
          assert.ok(facts.deadline > (facts.date as string), 'deadline after the date');
          const day = new Date(`${facts.deadline}T00:00:00Z`).getUTCDay();
          assert.ok(day !== 0 && day !== 6, `deadline ${facts.deadline} falls on a weekend`);
        }
      });

      it('renders its example, and the draft lints with no error or warning', () => {
        const result = renderTemplate(template.id, facts);
        assert.ok(result.ok, `render failed: ${result.ok ? '' : JSON.stringify(result.problems)}`);
        assert.ok(result.text.startsWith('---\n'));
        assert.doesNotMatch(result.text, /\{\{|\}\}/, 'no Mustache left');
        const front = parseYaml(result.text.split('\n---\n')[0]!.slice(4)) as Record<string, unknown>;
        assert.equal(front.kind, template.kind);
        assert.equal(front.language, template.language);
        for (const [key, value] of Object.entries(facts)) assert.deepEqual(front[key], value, `front matter keeps \`${key}\``);
        if (template.kind === 'clause') assert.match(String(front.disclaimer), /not legal advice|不构成法律意见/);
        // a fresh draft waits for its reviewer: the approval rule (review state, not wording) is tested on its own
        const findings = lint(result.text, { config: { today: facts.date as string, rules: { approval: 'off' } } }).filter(
          (f) => f.severity === 'error' || f.severity === 'warning',
        );
        assert.deepEqual(findings.map(formatFinding), KNOWN_FOREIGN_FINDINGS[template.id] ?? [], `${template.id} drafts a letter with findings`);
      });

      for (const required of requiredPaths(template.facts)) {
        it(`refuses to render without \`${required}\`, naming it`, () => {
          const partial = clone(facts);
          const concrete = removePath(partial, required);
          const result = renderTemplate(template.id, partial);
          assert.equal(result.ok, false);
          assert.ok(!result.ok && result.problems.some((p) => p.path === concrete), `problems: ${JSON.stringify(!result.ok && result.problems)}`);
        });
      }
    });
  }

  describe('rendering', () => {
    it('names every missing or ill-typed fact with its key path, and renders nothing', () => {
      const facts = clone(example('second-reminder-en'));
      delete (facts.debtor as Record<string, unknown>).name;
      (facts.invoices as Record<string, unknown>[])[1]!.amount = '6,400.00';
      facts.deadline = '2026-02-30';
      const result = renderTemplate('second-reminder-en', facts);
      assert.ok(!result.ok);
      assert.deepEqual(
        result.problems.map((p) => p.path),
        ['deadline', 'debtor.name', 'invoices.1.amount'],
      );
      assert.match(result.problems[2]!.message, /`invoices\.1\.amount`, expected number/);
    });

    it('refuses a tag that would render empty instead of printing a blank', () => {
      const parsed = parseTemplateFolder(FOLDER_FILES({ 'template.md': 'Dear {{debtor.contact}}, thank you for {{amount_en}}.\n' }));
      assert.ok(parsed.ok);
      const result = renderTemplate(parsed.template, { debtor: { name: 'Ningbo Lianhe Industrial Co., Ltd.' }, amount: 18400, currency: 'USD' });
      assert.ok(!result.ok);
      assert.deepEqual(
        result.problems.map((p) => p.path),
        ['debtor.contact'],
      );
      const blank = renderTemplate(parsed.template, { debtor: { name: 'Ningbo Lianhe', contact: '  ' }, amount: 18400, currency: 'USD' });
      assert.ok(!blank.ok);
    });

    it("escapes Markdown in fact strings in one place, and leaves the helpers' Markdown alone", () => {
      assert.equal(escapeMarkdown('Smith_Jones *Trading* [HK] <Ltd> #1 `x` a|b'), 'Smith\\_Jones \\*Trading\\* \\[HK\\] \\<Ltd\\> \\#1 \\`x\\` a\\|b');
      assert.equal(escapeMarkdown('line one\r\nline two'), 'line one line two');
      const facts = clone(example('reminder-en'));
      (facts.debtor as Record<string, unknown>).contact = 'Mr. *Zhou*';
      const result = renderTemplate('reminder-en', facts);
      assert.ok(result.ok);
      assert.match(result.text, /Dear Mr\. \\\*Zhou\\\*,/);
      assert.match(result.text, /^- Invoice HVW-2026-1187 of 15 September 2026: USD 12,000\.00$/m);
      assert.match(result.text, /contact: Mr\. \*Zhou\*/, 'the front matter keeps the fact as given');
    });

    it('states Chinese amounts in figures and in 大写', () => {
      const result = renderTemplate('final-demand-zh', example('final-demand-zh'));
      assert.ok(result.ok);
      assert.match(result.text, /18,400\.00 美元\*\*（大写：美元壹万捌仟肆佰元整）/);
      assert.match(result.text, /2026年11月20日/);
    });

    it('names the deadline and the real next step from the final demand on', () => {
      for (const id of ['final-demand-en', 'letter-before-action-en']) {
        const result = renderTemplate(id, example(id));
        assert.ok(result.ok);
        assert.match(result.text, /20 November 2026|4 December 2026/);
        assert.match(result.text, /commence arbitration before the China International Economic and Trade Arbitration Commission/);
      }
      const step = clone(example('final-demand-en'));
      step.next_step = 'suspend-supply';
      const r = renderTemplate('final-demand-en', step);
      assert.ok(r.ok && /suspend all further shipments/.test(r.text));
    });

    it('refuses instalments that do not sum to the amount', () => {
      const facts = clone(example('repayment-plan-en'));
      (facts.instalments as Record<string, unknown>[])[0]!.amount = 6300;
      const result = renderTemplate('repayment-plan-en', facts);
      assert.ok(!result.ok);
      assert.equal(result.problems[0]!.path, 'instalments');
    });

    it('carries a prevailing-language sentence in every bilingual template', () => {
      for (const t of listTemplates().filter((x) => x.language === 'en+zh-CN')) {
        const result = renderTemplate(t.id, example(t.id));
        assert.ok(result.ok, t.id);
        assert.match(result.text, /prevails/, t.id);
        assert.match(result.text, /为准/, t.id);
      }
    });

    it('never throws, whatever the facts', () => {
      for (const facts of [undefined, null, 42, 'text', [], [1, 2], { amount: Number.NaN }, { debtor: null }, { invoices: 'x'.repeat(100_000) }]) {
        const result = renderTemplate('reminder-en', facts);
        assert.equal(result.ok, false);
        assert.ok(!result.ok && result.problems.length > 0);
      }
      assert.equal(renderTemplate('no-such-template', {}).ok, false);
    });
  });

  describe('template folders', () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['bad JSON', { 'template.json': '{ "id": "x", ' }, /Unexpected JSON/],
      [
        'a schema that does not compile',
        { 'template.json': JSON.stringify({ id: 'x-en', title: 'X', kind: 'clause', language: 'en', description: 'X', facts: { type: 'objekt' } }) },
        /does not compile/,
      ],
      ['Mustache that does not parse', { 'template.md': 'Dear {{#debtor}}{{name}},\n' }, /Unexpected Mustache/],
      [
        'a tag the schema does not declare',
        { 'template.md': 'Dear {{debtor.name}}, re {{invoice_number}}.\n' },
        /`\{\{invoice_number\}\}` that the facts schema does not declare/,
      ],
      ['a partial', { 'template.md': '{{> footer}}\n' }, /partial/],
      ['no template.md', { 'template.md': undefined as unknown as string }, /Missing `template\.md`/],
      ['no id or title', { 'template.json': JSON.stringify({ kind: 'clause', language: 'en', description: 'X', facts: {} }) }, /Unexpected id \(none\)/],
    ];
    for (const [name, files, pattern] of cases) {
      it(`reports ${name}`, () => {
        const all = FOLDER_FILES(files);
        for (const [k, v] of Object.entries(all)) if (v === undefined) delete all[k];
        const parsed = parseTemplateFolder(all);
        assert.ok(!parsed.ok);
        assert.ok(
          parsed.problems.some((p) => pattern.test(p.message)),
          JSON.stringify(parsed.problems),
        );
      });
    }

    it('accepts a well-formed workspace template, declared helpers and sections included', () => {
      const parsed = parseTemplateFolder(
        FOLDER_FILES({ 'template.md': '{{#note}}Note: {{note}}{{/note}}\n{{#debtor}}Dear {{name}},{{/debtor}} {{amount_zh}} {{amount_daxie}}\n' }),
      );
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      const result = renderTemplate(parsed.template, { debtor: { name: 'Ningbo Lianhe' }, amount: 100, currency: 'CNY' });
      assert.ok(result.ok);
      assert.match(result.text, /Dear Ningbo Lianhe, 人民币 100\.00 元 人民币壹佰元整/);
      assert.doesNotMatch(result.text, /Note:/);
    });

    it('keeps a workspace template with a built-in id apart from the built-in one: `workspace:<id>`', () => {
      const json = JSON.parse(FOLDER_FILES({})['template.json']!) as Record<string, unknown>;
      json.id = 'reminder-en';
      const parsed = parseTemplateFolder(FOLDER_FILES({ 'template.json': JSON.stringify(json) }));
      assert.ok(parsed.ok);
      const merged = listTemplates([parsed.template]);
      assert.equal(merged.length, listTemplates().length + 1);
      assert.notEqual(merged.find((t) => t.id === 'reminder-en')!.title, 'Thank you for paying', 'the built-in one is not replaced');
      assert.equal(merged.find((t) => t.id === 'workspace:reminder-en')!.title, 'Thank you for paying');
      const result = renderTemplate(
        'workspace:reminder-en',
        { debtor: { name: 'Ningbo Lianhe' }, amount: 5, currency: 'USD' },
        { templates: [parsed.template] },
      );
      assert.ok(result.ok && result.text.includes('Thank you for your payment of USD 5.00'));
    });

    it('loads a workspace folder: a broken template is reported, the others load', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-templates-'));
      for (const [folder, files] of Object.entries({ good: FOLDER_FILES({}), broken: FOLDER_FILES({ 'template.json': '{ nope' }) })) {
        fs.mkdirSync(path.join(dir, folder));
        for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, folder, name), text);
      }
      const { templates, problems } = await loadWorkspaceTemplates(dir);
      assert.deepEqual(
        templates.map((t: Template) => t.id),
        ['thank-you-en'],
      );
      assert.equal(problems.length, 1);
      assert.equal(path.basename(problems[0]!.folder), 'broken');
      assert.deepEqual(await loadWorkspaceTemplates(path.join(dir, 'none')), { templates: [], problems: [] });
    });
  });
});

describe('templates CLI (dist/cli.mjs)', () => {
  const CLI = path.join(ROOT, 'dist/cli.mjs');
  const run = (args: string[], cwd: string): { status: number; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  let dir = '';
  before(function () {
    this.timeout(120_000);
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-render-'));
    fs.copyFileSync(path.join(TEMPLATES_DIR, 'reminder-en/example.yaml'), path.join(dir, 'facts.yaml'));
    const partial = example('reminder-en');
    delete (partial.creditor as Record<string, unknown>).email;
    delete partial.due_date;
    fs.writeFileSync(path.join(dir, 'partial.yaml'), JSON.stringify(partial));
  });

  it('render prints the letter on stdout and exits 0', () => {
    const r = run(['render', 'reminder-en', '--facts', 'facts.yaml'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^---\nkind: dunning-letter\nstage: reminder\nlanguage: en\n/);
    assert.match(r.stdout, /The total outstanding is \*\*USD 18,400\.00\*\*/);
  });

  it('render exits 1 naming every missing fact, with nothing on stdout and no file written', () => {
    const r = run(['render', 'reminder-en', '--facts', 'partial.yaml', '--out', 'letter.md'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /creditor\.email/);
    assert.match(r.stderr, /due_date/);
    assert.ok(!fs.existsSync(path.join(dir, 'letter.md')));
  });

  it('render --out never overwrites an existing file, unless --force', () => {
    const out = path.join(dir, 'existing.md');
    fs.writeFileSync(out, 'keep me\n');
    const r = run(['render', 'reminder-en', '--facts', 'facts.yaml', '--out', 'existing.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /refusing to overwrite/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me\n');
    assert.equal(run(['render', 'reminder-en', '--facts', 'facts.yaml', '--out', 'existing.md', '--force'], dir).status, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^---\nkind: dunning-letter/);
    assert.equal(run(['render', 'reminder-en', '--facts', 'facts.yaml', '--out', 'new/letter.md'], dir).status, 0);
    assert.ok(fs.existsSync(path.join(dir, 'new/letter.md')));
  });

  it('templates --format json lists every template with the facts it requires; workspace templates included, broken ones reported', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-ws-'));
    for (const [folder, files] of Object.entries({
      good: FOLDER_FILES({}),
      broken: FOLDER_FILES({ 'template.json': FOLDER_FILES({})['template.json']!.replace('thank-you-en', 'broken-en'), 'template.md': 'Dear {{nobody}}\n' }),
    })) {
      fs.mkdirSync(path.join(ws, '.dunmark/templates', folder), { recursive: true });
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(ws, '.dunmark/templates', folder, name), text);
    }
    const r = run(['templates', '--format', 'json'], ws);
    assert.equal(r.status, 0);
    const list = JSON.parse(r.stdout) as { id: string; required: string[]; stage: string | null }[];
    assert.equal(list.length, listTemplates().length + 1);
    const reminder = list.find((t) => t.id === 'reminder-en')!;
    assert.equal(reminder.stage, 'reminder');
    for (const key of ['amount', 'currency', 'debtor.name', 'invoices.*.number', 'due_date']) assert.ok(reminder.required.includes(key), key);
    assert.ok(list.some((t) => t.id === 'thank-you-en'));
    assert.match(r.stderr, /broken.*nobody/);
    fs.writeFileSync(path.join(ws, 'f.yaml'), 'debtor:\n  name: Ningbo Lianhe\namount: 20\ncurrency: USD\n');
    const rendered = run(['render', 'thank-you-en', '--facts', 'f.yaml'], ws);
    assert.equal(rendered.status, 0, rendered.stderr);
    assert.match(rendered.stdout, /USD 20\.00/);
  });
});

describe('template helper names', () => {
  it('lists a formatted twin for every date and amount of the facts schema, and the list helpers', async () => {
    const { helperNames } = await import('../../src/core/templates/index.js');
    const { FACTS_SCHEMA } = await import('../../src/core/facts/schema.js');
    const names = new Map(helperNames(FACTS_SCHEMA).map((h) => [h.name, h.from]));
    assert.equal(names.get('deadline_en'), 'deadline');
    assert.equal(names.get('call.date_zh'), 'call.date');
    assert.equal(names.get('amount_daxie'), 'amount');
    assert.equal(names.get('invoices_zh'), 'invoices');
    assert.equal(names.has('currency_en'), false, 'only dates and amounts get formatted twins');
  });
});
