// The facts form's model in plain Node: the shared facts schema every template $refs, schema → form
// nodes, answers → facts, the messages next to each field, and the defaults a new letter opens with.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'yaml';
import {
  answersFromFacts,
  buildForm,
  checkAnswers,
  draftDefaults,
  factsFromAnswers,
  nodeAt,
  workingDayFrom,
  type FormNode,
} from '../../src/core/drafting/index.js';
import { FACTS_SCHEMA, factsJsonSchema, type FactType } from '../../src/core/facts/schema.js';
import { listTemplates, parseTemplateFolder, renderTemplate, requiredPaths, resolvedSchema } from '../../src/core/templates/index.js';

const byId = (id: string) => listTemplates().find((t) => t.id === id)!;
const example = (id: string): Record<string, unknown> => parse(fs.readFileSync(`templates/${id}/example.yaml`, 'utf8')) as Record<string, unknown>;

function leaves(nodes: readonly FormNode[]): FormNode[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? leaves(n.children) : n.kind === 'list' ? leaves(n.item) : [n]));
}

describe('the shared facts schema', () => {
  it('gives every fact a title, description and example in English and Chinese', () => {
    const walk = (props: Record<string, FactType>, prefix: string): void => {
      for (const [k, t] of Object.entries(props)) {
        const path = prefix + k;
        assert.ok(t.title && t.description, `${path}: English title and description`);
        assert.ok(t.zh?.title && t.zh.description, `${path}: Chinese title and description`);
        assert.ok(/[\u4e00-\u9fff]/.test(t.zh.title + t.zh.description), `${path}: the Chinese is Chinese`);
        const enumerated = (t.type === 'string' && !t.open && t.enum) || (t.type === 'number' && t.enum);
        if (enumerated) assert.ok(t.labels && t.enum!.every((v) => t.labels![String(v)]), `${path}: every value has a human name`);
        else if (t.type !== 'object' && t.type !== 'array' && t.type !== 'boolean')
          assert.ok(t.examples?.length || (t.type === 'string' && t.enum), `${path}: an example`);
        if (t.type === 'object') walk(t.properties, `${path}.`);
        if (t.type === 'array' && t.items.type === 'object') walk(t.items.properties, `${path}.*.`);
      }
    };
    walk(FACTS_SCHEMA, '');
  });

  it('every built-in template takes its facts from it by $ref, and none defines a type of its own', () => {
    for (const t of listTemplates()) {
      for (const [key, node] of Object.entries((t.facts.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        assert.equal(node.$ref, `facts.schema.json#/$defs/${key}`, `${t.id}: ${key}`);
        assert.equal(node.type, undefined, `${t.id}: ${key} has no type of its own`);
      }
    }
  });

  it('resolves the references for reading: a group keeps the members the template lists, with the shared definitions', () => {
    const schema = resolvedSchema(byId('second-reminder-en').facts);
    const creditor = (schema.properties as Record<string, Record<string, unknown>>).creditor!;
    assert.deepEqual(Object.keys(creditor.properties as object), ['name', 'country', 'contact', 'email', 'address']);
    assert.deepEqual(creditor.required, ['name', 'contact', 'email']);
    assert.equal((creditor.properties as Record<string, Record<string, unknown>>).email!.format, 'email');
    assert.deepEqual(requiredPaths(byId('second-reminder-en').facts).slice(0, 4), ['date', 'creditor', 'creditor.name', 'creditor.contact']);
  });

  it('Ajv validates through the references: an empty name, a wrong date and a missing bank are refused', () => {
    const facts = {
      ...example('second-reminder-en'),
      date: '2026-02-30',
      creditor: { ...(example('second-reminder-en').creditor as object), name: '' },
    } as Record<string, unknown>;
    delete facts.bank;
    const result = renderTemplate(byId('second-reminder-en'), facts);
    assert.equal(result.ok, false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    for (const p of ['bank', 'creditor.name', 'date']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  });

  it('a workspace template may $ref the shared schema too, and a reference that leads nowhere is a problem of the folder', () => {
    const files = (facts: unknown): Record<string, string> => ({
      'template.json': JSON.stringify({ id: 'thanks-en', title: 'Thanks', kind: 'dunning-letter', language: 'en', description: 'Thanks for paying.', facts }),
      'template.md': 'Dear {{debtor.contact}}, thank you for paying {{amount_en}}.\n',
    });
    const ok = parseTemplateFolder(
      files({
        type: 'object',
        required: ['debtor', 'amount', 'currency'],
        properties: {
          debtor: { $ref: 'facts.schema.json#/$defs/debtor', required: ['contact'] },
          amount: { $ref: 'facts.schema.json#/$defs/amount' },
          currency: { $ref: 'facts.schema.json#/$defs/currency' },
        },
      }),
    );
    assert.equal(ok.ok, true, JSON.stringify(ok));
    if (ok.ok) assert.equal(renderTemplate(ok.template, { debtor: { contact: 'Mr. Zhou' }, amount: 10, currency: 'USD' }).ok, true);
    const broken = parseTemplateFolder(files({ type: 'object', properties: { debtor: { $ref: 'facts.schema.json#/$defs/nobody' } } }));
    assert.equal(broken.ok, false);
  });

  it('is published as draft-07 with every fact under $defs', () => {
    const schema = factsJsonSchema() as { $defs: Record<string, Record<string, unknown>>; $id: string };
    assert.equal(schema.$id, 'facts.schema.json');
    assert.ok((schema.$defs.bank!['x-zh'] as { title: string }).title.includes('账户'));
  });
});

describe('facts form: schema → nodes', () => {
  it('groups are fieldsets, lists are rows, dates, numbers and enums get their own inputs', () => {
    const nodes = buildForm(byId('second-reminder-en').facts);
    assert.equal(nodeAt(nodes, 'creditor')?.kind, 'group');
    assert.equal(nodeAt(nodes, 'invoices')?.kind, 'list');
    assert.equal(nodeAt(nodes, 'invoices.0.date')?.kind, 'date');
    assert.equal(nodeAt(nodes, 'amount')?.kind, 'number');
    assert.equal(nodeAt(nodes, 'creditor.email')?.kind, 'email');
    const next = nodeAt(nodes, 'next_step');
    assert.equal(next?.kind, 'select');
    assert.deepEqual(next?.kind === 'select' && next.options?.find((o) => o.value === 'arbitration')?.label, {
      en: 'Arbitration under the contract',
      zh: '依合同申请仲裁',
    });
    const currency = nodeAt(nodes, 'currency');
    assert.ok(currency?.kind === 'text' && currency.suggestions?.some((s) => s.value === 'CNY'), 'an open list is a text field with suggestions');
    assert.equal(nodeAt(nodes, 'kind'), undefined, 'what the template fixes is not asked');
    assert.deepEqual(nodeAt(nodes, 'bank.swift')?.title, { en: 'SWIFT', zh: 'SWIFT 代码' });
  });

  it('every fact of every built-in template has a field a person can fill, titled in both languages', () => {
    for (const t of listTemplates()) {
      const fields = leaves(buildForm(t.facts));
      assert.ok(fields.length > 0, t.id);
      for (const f of fields) {
        assert.ok(f.title.en && /[\u4e00-\u9fff]|SWIFT/.test(f.title.zh), `${t.id}: ${f.path} ${JSON.stringify(f.title)}`);
        assert.ok(f.description.en && f.description.zh, `${t.id}: ${f.path} description`);
      }
    }
  });
});

describe('facts form: a workspace template with its own schema', () => {
  it("gets the contract's words for the facts it knows, and the key in words for the others", () => {
    const nodes = buildForm({
      type: 'object',
      required: ['debtor', 'grace_note'],
      properties: {
        debtor: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
        grace_note: { type: 'string', description: 'What we allow' },
      },
    });
    assert.deepEqual(nodeAt(nodes, 'debtor.name')?.title, { en: 'Name', zh: '名称' });
    assert.deepEqual(nodeAt(nodes, 'debtor')?.title, { en: 'Debtor', zh: '债务人' });
    assert.deepEqual(nodeAt(nodes, 'grace_note')?.title, { en: 'Grace note', zh: 'Grace note' });
    assert.deepEqual(nodeAt(nodes, 'grace_note')?.description, { en: 'What we allow', zh: 'What we allow' });
  });
});

describe('facts form: answers → facts → messages', () => {
  const t = byId('second-reminder-en');
  const nodes = buildForm(t.facts);

  it('answers from the example facts render exactly the example letter', () => {
    const facts = example(t.id);
    const answers = answersFromFacts(nodes, facts);
    assert.equal(answers.rows.invoices, 2);
    assert.equal(answers.values['invoices.1.amount'], '6400');
    const check = checkAnswers(t, nodes, answers, {});
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.facts, facts);
    const body = (text: string | undefined): string => text?.slice(text.indexOf('\n---\n')) ?? '';
    assert.equal(body(check.text), body((renderTemplate(t, facts) as { text: string }).text));
  });

  it('converts what was typed: figures with separators, dates, yes/no; a blank removes the fact; what the form does not ask is kept', () => {
    const { facts, problems } = factsFromAnswers(
      nodes,
      {
        values: { amount: '18,400.00', date: '2026-11-20', 'invoices.0.number': 'HVW-1', 'creditor.name': 'Harbor', 'debtor.name': '  ' },
        rows: { invoices: 1 },
      },
      { payments: [{ amount: 5 }], debtor: { uscc: '91330203MA2H7XYZ0K', name: 'Old' } },
    );
    assert.deepEqual(problems, []);
    assert.equal(facts.amount, 18400);
    assert.deepEqual(facts.invoices, [{ number: 'HVW-1' }]);
    assert.deepEqual(facts.payments, [{ amount: 5 }]);
    assert.deepEqual(facts.debtor, { uscc: '91330203MA2H7XYZ0K' }, 'the blank name is gone, the code the form does not ask is kept');
  });

  it("says next to each field what is wrong, in English and Chinese, with the field's name and an example", () => {
    const check = checkAnswers(t, nodes, {
      values: { amount: 'lots', date: '2026-11-20', 'creditor.email': 'not-an-address', currency: 'quatloos' },
      rows: { invoices: 1 },
    });
    const at = (p: string) => check.problems.find((x) => x.path === p)?.message;
    assert.equal(at('amount')?.en, 'Unexpected `lots`, expected a number such as 18400.00');
    assert.equal(at('amount')?.zh, '`lots` 不符合要求，应为数字，如 18400.00');
    assert.match(at('creditor.email')!.en, /^Unexpected `not-an-address` for E-mail, expected an e-mail address/);
    assert.match(at('currency')!.en, /expected an ISO 4217 code such as USD or CNY/);
    assert.equal(at('invoices.0.number')?.en, 'Missing Invoice number, expected a value such as HVW-2026-1187');
    assert.equal(at('bank.swift')?.zh, '缺少SWIFT 代码，例如 FCBKUS6S');
    assert.equal(check.text, undefined, 'nothing renders while anything is wrong');
    for (const p of check.problems) assert.doesNotMatch(p.message.en, /\+\d|weight/);
  });

  it('a list with fewer rows than it needs is named at the list', () => {
    const check = checkAnswers(t, nodes, { values: {}, rows: { invoices: 0 } });
    assert.equal(check.problems.find((p) => p.path === 'invoices')?.message.en, 'Missing Invoices, expected at least one row');
    const one = checkAnswers(byId('call-summary-en'), buildForm(byId('call-summary-en').facts), { values: {}, rows: { commitments: 0 } });
    assert.ok(
      one.problems.some((p) => p.path === 'commitments'),
      'commitments are asked for',
    );
  });
});

describe('facts form: defaults', () => {
  const nodes = buildForm(byId('second-reminder-en').facts);

  it('the letter is dated today and its deadline falls two weeks later on a working day', () => {
    assert.deepEqual(draftDefaults(nodes, {}, { today: '2026-11-20' }), { date: '2026-11-20', deadline: '2026-12-04' });
    // 2026-11-21 is a Saturday: two weeks on is a Saturday too, so the deadline moves to the Monday
    assert.deepEqual(draftDefaults(nodes, {}, { today: '2026-11-21' }), { date: '2026-11-21', deadline: '2026-12-07' });
    assert.equal(workingDayFrom('2026-12-06'), '2026-12-07');
    assert.equal(workingDayFrom('2026-12-04'), '2026-12-04');
  });

  it('takes a Chinese name as the Chinese name, instead of asking for it again', () => {
    const zh = buildForm(byId('letter-before-action-zh').facts, 'zh-CN');
    const filled = draftDefaults(zh, { debtor: { name: '宁波联合实业有限公司' } }, { today: '2026-11-20' }) as { debtor: Record<string, unknown> };
    assert.equal(filled.debtor.name_zh, '宁波联合实业有限公司');
    const latin = draftDefaults(zh, { debtor: { name: 'Ningbo Lianhe Industrial Co., Ltd.' } }, { today: '2026-11-20' }) as { debtor: Record<string, unknown> };
    assert.equal(latin.debtor.name_zh, undefined);
  });

  it("keeps what the facts say and fills a call summary's call date", () => {
    assert.deepEqual(draftDefaults(nodes, { date: '2026-11-02', deadline: '2026-11-30' }, { today: '2026-11-20' }), {
      date: '2026-11-02',
      deadline: '2026-11-30',
    });
    const call = buildForm(byId('call-summary-en').facts);
    assert.deepEqual((draftDefaults(call, { call: { with: 'Mr. Zhou' } }, { today: '2026-11-18' }) as { call: unknown }).call, {
      with: 'Mr. Zhou',
      date: '2026-11-18',
    });
  });
});

describe('facts form: a fact another one needs', () => {
  it('an arbitration announced as the next step asks for the institution, next to its field', () => {
    const t = byId('final-demand-en');
    const nodes = buildForm(t.facts);
    const facts = { ...example(t.id), next_step: 'arbitration' } as Record<string, unknown>;
    delete facts.contract;
    const check = checkAnswers(t, nodes, answersFromFacts(nodes, facts));
    assert.deepEqual(
      check.problems.map((p) => p.path),
      ['contract.arbitration'],
    );
    assert.equal(check.problems[0]!.message.en, 'Missing Arbitration institution, expected a value such as CIETAC');
  });
});
