// The facts form as a person meets it: it asks only for facts the letter prints, reads codes and
// dates the way people type them, knows which facts are needed now, opens with the template's own
// choices, takes what a contract states from its text, and adds the facts typed to the case file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'yaml';
import { addCaseFacts, newCaseFacts } from '../../src/core/cases/index.js';
import {
  answersFromFacts,
  buildForm,
  checkAnswers,
  contractFacts,
  dateStyleOf,
  draftDefaults,
  factsFromAnswers,
  localiseDates,
  nodeAt,
  readDate,
  templateForm,
  type FormAnswers,
  type FormField,
  type FormNode,
} from '../../src/core/drafting/index.js';
import { readCountry, readCurrency, readUsState } from '../../src/core/facts/codes.js';
import { schemaAt } from '../../src/core/facts/schema.js';
import { listTemplates, renderTemplate } from '../../src/core/templates/index.js';
import { isPrinted, printedFacts } from '../../src/core/templates/uses.js';

const byId = (id: string) => listTemplates().find((t) => t.id === id)!;
const example = (id: string): Record<string, unknown> => parse(fs.readFileSync(`templates/${id}/example.yaml`, 'utf8')) as Record<string, unknown>;
const body = (text: string | undefined): string => text?.slice(text.indexOf('\n---\n') + 5) ?? '';

function fields(nodes: readonly FormNode[]): FormField[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? fields(n.children) : n.kind === 'list' ? fields(n.item) : [n]));
}

describe('facts form: only facts that reach the letter are asked', () => {
  it('a reminder asks for no deadline, next step, charges or governing law: it prints none of them', () => {
    const nodes = templateForm(byId('reminder-en'));
    for (const path of ['deadline', 'next_step', 'charges', 'contract.governing_law', 'debtor.locale', 'creditor.country']) {
      assert.equal(nodeAt(nodes, path), undefined, path);
    }
    assert.ok(nodeAt(nodes, 'contract.reference'), 'the contract reference is printed, so asked');
    assert.ok(nodeAt(nodes, 'delivery'));
    assert.ok(nodeAt(nodes, 'invoices.0.amount'));
  });

  it('every built-in template: each field is printed, or the template cannot render without it (and the form says it is not printed)', () => {
    for (const t of listTemplates()) {
      const printed = printedFacts(t);
      for (const f of fields(templateForm(t))) {
        if (isPrinted(printed, f.path)) assert.equal(f.unprinted, undefined, `${t.id}: ${f.path}`);
        else assert.ok(f.unprinted && f.required, `${t.id}: ${f.path} is asked but neither printed nor required`);
      }
    }
  });

  it('every built-in template: a value typed into a text field appears in the letter', () => {
    for (const t of listTemplates()) {
      const nodes = templateForm(t);
      const answers = answersFromFacts(nodes, example(t.id));
      const marked = new Map<string, string>();
      for (const f of fields(nodes)) {
        const contract = schemaAt(f.path);
        if (
          (f.kind !== 'text' && f.kind !== 'textarea') ||
          f.codes ||
          f.unprinted ||
          f.path.includes('*') ||
          f.suggestions ||
          (contract?.type === 'string' && contract.pattern)
        )
          continue;
        const marker = `Marker${marked.size}Qx`;
        answers.values[f.path] = marker;
        marked.set(f.path, marker);
      }
      const check = checkAnswers(t, nodes, answers);
      assert.deepEqual(check.problems, [], t.id);
      for (const [path, marker] of marked) {
        // a fact the letter prints only in other cases is not asked in this one
        if (check.hidden.includes(path)) continue;
        // in a Chinese letter the Chinese form stands in for the other (`debtor.contact_zh` before `debtor.contact`)
        const chinese = marked.get(`${path}_zh`);
        if (chinese && body(check.text).includes(chinese)) continue;
        assert.ok(body(check.text).includes(marker), `${t.id}: ${path} typed but not in the letter`);
      }
    }
  });

  it('the contract reference and the delivery typed for a final demand are in the letter, in both halves of a bilingual one', () => {
    const t = byId('final-demand-bilingual');
    const nodes = templateForm(t);
    const facts = {
      ...example(t.id),
      contract: { ...(example(t.id).contract as object), reference: 'HVW-SC-2026-099' },
      delivery: 'The goods were delivered on 20 September 2026',
      delivery_zh: '货物已于2026年9月20日交付',
    };
    const check = checkAnswers(t, nodes, answersFromFacts(nodes, facts));
    assert.deepEqual(check.problems, []);
    assert.match(body(check.text), /We supplied the goods under contract HVW-SC-2026-099\./);
    assert.match(body(check.text), /上述货物系根据合同 HVW-SC-2026-099 供应。/);
    assert.match(body(check.text), /The goods were delivered on 20 September 2026\./);
    assert.match(body(check.text), /货物已于2026年9月20日交付。/);
  });
});

describe('facts form: a fact the letter prints only in some cases', () => {
  it('a closing report asks for a proposal only while the debt is not paid in full', () => {
    const t = byId('closing-report-en');
    const nodes = templateForm(t);
    const proposal = nodeAt(nodes, 'proposal') as FormField;
    assert.deepEqual(proposal.when, [[{ path: 'paid_in_full', truthy: false }]]);
    const paid = checkAnswers(t, nodes, answersFromFacts(nodes, { ...example(t.id), paid_in_full: true, proposal: 'Write off the rest' }));
    assert.ok(paid.hidden.includes('proposal'));
    const unpaid = checkAnswers(t, nodes, answersFromFacts(nodes, { ...example(t.id), paid_in_full: false, proposal: 'Write off the rest' }));
    assert.ok(!unpaid.hidden.includes('proposal'));
    assert.match(body(unpaid.text), /Our proposal: Write off the rest\./);
  });
});

describe('facts form: codes as people type them', () => {
  it('reads countries by code, alpha-3 code or name, in English and Chinese', () => {
    for (const [typed, code] of [
      ['USA', 'US'],
      ['usa', 'US'],
      ['United States', 'US'],
      ['China', 'CN'],
      ['cn', 'CN'],
      ['CHN', 'CN'],
      ['中国', 'CN'],
      ['PRC', 'CN'],
      ['Hong Kong', 'HK'],
      ['Germany', 'DE'],
    ] as const) {
      assert.deepEqual(readCountry(typed), { value: code }, typed);
    }
    assert.deepEqual(readCountry('Narnia'), { unknown: true });
  });

  it('reads currencies by code, sign or name; a sign several currencies use is ambiguous', () => {
    for (const [typed, code] of [
      ['usd', 'USD'],
      ['US$', 'USD'],
      ['US dollars', 'USD'],
      ['U.S. dollars', 'USD'],
      ['RMB', 'CNY'],
      ['人民币', 'CNY'],
      ['美元', 'USD'],
      ['euro', 'EUR'],
      ['Hong Kong dollar', 'HKD'],
    ] as const) {
      assert.deepEqual(readCurrency(typed), { value: code }, typed);
    }
    assert.ok('ambiguous' in readCurrency('$'));
    assert.ok('ambiguous' in readCurrency('dollars'));
    assert.deepEqual(readCurrency('quatloos'), { unknown: true });
  });

  it('reads US states by postal code or name and keeps the full name', () => {
    for (const typed of ['CA', 'ca', 'California', 'State of California', '加州', '加利福尼亚州'])
      assert.deepEqual(readUsState(typed), { value: 'California' }, typed);
    assert.deepEqual(readUsState('N.Y.'), { value: 'New York' });
    assert.deepEqual(readUsState('Ontario'), { unknown: true });
  });

  it('the form stores the code and shows it back, with the name under the field', () => {
    const t = byId('reminder-en');
    const nodes = templateForm(t);
    const answers: FormAnswers = { ...answersFromFacts(nodes, example(t.id)) };
    answers.values = { ...answers.values, currency: 'usd' };
    const check = checkAnswers(t, nodes, answers);
    assert.deepEqual(check.problems, []);
    assert.equal(check.facts.currency, 'USD');
    assert.equal(check.normalised.currency, 'USD');
    assert.deepEqual(check.notes.currency, { en: 'US Dollar', zh: '美元' });
    const guaranty = byId('clause-us-guaranty-en');
    const g = templateForm(guaranty);
    const { facts, normalised } = factsFromAnswers(g, { values: { 'guarantor.state': 'CA', 'guarantor.name': 'David Zhang' }, rows: {} });
    assert.deepEqual(facts.guarantor, { state: 'California', name: 'David Zhang' });
    assert.equal(normalised['guarantor.state'], 'California');
  });

  it('a governing law Dunmark has no words for is said at its field, with the ones it knows', () => {
    const t = byId('clause-jurisdiction-en');
    const nodes = templateForm(t);
    const answers = answersFromFacts(nodes, { ...example(t.id), contract: { ...(example(t.id).contract as object), governing_law: 'Narnian law' } });
    const check = checkAnswers(t, nodes, answers);
    assert.equal(check.problems[0]?.path, 'contract.governing_law');
    assert.match(check.problems[0]!.message.en, /^Unexpected `Narnian law` for Governing law, expected one of PRC, US-NY/);
  });

  it('an ambiguous currency sign is refused with the currencies it may mean', () => {
    const t = byId('reminder-en');
    const nodes = templateForm(t);
    const check = checkAnswers(t, nodes, { values: { currency: '$' }, rows: {} });
    assert.match(check.problems.find((p) => p.path === 'currency')!.message.en, /^Unexpected `\$`, which several currencies use, expected one of USD, HKD/);
  });

  it('a clause writes a US state out, even when the facts give its postal code', () => {
    const t = byId('clause-us-guaranty-en');
    const facts = { ...example(t.id), guarantor: { ...(example(t.id).guarantor as object), state: 'CA' } };
    const rendered = renderTemplate(t, facts);
    assert.ok(rendered.ok);
    assert.match(body(rendered.text), /governed by the law of the State of California\./);
    assert.doesNotMatch(body(rendered.text), /State of CA\b/);
  });
});

describe('facts form: dates in the letter’s language, stored as ISO 8601', () => {
  it('reads dates written out, in Chinese, or ISO; refuses one that reads two ways', () => {
    for (const typed of ['4 December 2026', 'Dec 4, 2026', 'December 4, 2026', '2026年12月4日', '2026-12-04', '2026/12/04', '4th December 2026']) {
      assert.deepEqual(readDate(typed), { iso: '2026-12-04' }, typed);
    }
    assert.deepEqual(readDate('13/12/2026'), { iso: '2026-12-13' });
    assert.deepEqual(readDate('04/12/2026'), { ambiguous: true });
    assert.deepEqual(readDate('soon'), { unknown: true });
    assert.deepEqual(readDate('4 December 2026 and 5 December 2026'), { unknown: true });
  });

  it('shows a letter’s dates as the letter writes them, with the weekday and the ISO form under the field', () => {
    const t = byId('second-reminder-zh');
    const style = dateStyleOf(t.language);
    assert.equal(style, 'zh');
    const nodes = localiseDates(templateForm(t), style);
    const date = nodeAt(nodes, 'date') as FormField;
    assert.ok(date.example && /年.*月.*日/.test(date.example.en), 'the example is written as the letter writes dates');
    const answers = answersFromFacts(nodes, { date: '2026-12-04' }, style);
    assert.equal(answers.values.date, '2026年12月4日');
    answers.values.date = '4 December 2026';
    const check = checkAnswers(t, nodes, answers, {}, [], undefined, style);
    assert.equal(check.facts.date, '2026-12-04');
    assert.equal(check.normalised.date, '2026年12月4日');
    assert.deepEqual(check.notes.date, { en: 'Friday · stored as 2026-12-04', zh: '星期五 · 存为 2026-12-04' });
    assert.equal(dateStyleOf('en'), 'en');
    assert.equal(dateStyleOf('en+zh-CN', 'zh'), 'zh');
  });

  it('an ambiguous date is said next to its field', () => {
    const t = byId('reminder-en');
    const check = checkAnswers(t, templateForm(t), { values: { date: '04/12/2026' }, rows: {} });
    assert.match(check.problems.find((p) => p.path === 'date')!.message.en, /reads as two different dates/);
  });
});

describe('facts form: which facts are needed now', () => {
  it('the required facts of the template, and a member of a group once the group is given', () => {
    const t = byId('reminder-en');
    const nodes = templateForm(t);
    const check = checkAnswers(t, nodes, { values: {}, rows: { invoices: 1 } });
    for (const path of ['date', 'creditor.name', 'creditor.email', 'debtor.contact', 'invoices', 'invoices.0.number', 'bank.swift'])
      assert.ok(check.required.includes(path), path);
    assert.ok(!check.required.includes('contract.reference'), 'an optional group is not needed');
    assert.ok(!check.required.includes('delivery'));
  });

  it('an arbitration announced as the next step makes the institution needed, and it stays needed once given', () => {
    const t = byId('final-demand-en');
    const nodes = templateForm(t);
    const facts = { ...example(t.id), next_step: 'arbitration' } as Record<string, unknown>;
    delete facts.contract;
    const missing = checkAnswers(t, nodes, answersFromFacts(nodes, facts));
    assert.ok(missing.required.includes('contract.arbitration'));
    const given = checkAnswers(t, nodes, answersFromFacts(nodes, { ...facts, contract: { arbitration: 'CIETAC' } }));
    assert.deepEqual(given.problems, []);
    assert.ok(given.required.includes('contract.arbitration'), 'the institution is still needed, so still shown as needed');
    const other = checkAnswers(t, nodes, answersFromFacts(nodes, { ...facts, next_step: 'litigation' }));
    assert.ok(!other.required.includes('contract.arbitration'));
  });

  it('a bilingual letter needs the Chinese delivery sentence once the English one is typed', () => {
    const t = byId('final-demand-bilingual');
    const nodes = templateForm(t);
    const check = checkAnswers(t, nodes, answersFromFacts(nodes, { ...example(t.id), delivery: 'The goods were delivered on 20 September 2026' }));
    assert.deepEqual(
      check.problems.map((p) => p.path),
      ['delivery_zh'],
    );
    assert.ok(check.required.includes('delivery_zh'));
  });
});

describe('facts form: the prevailing language is a choice', () => {
  it('a bilingual letter opens with its own choice, and the letter says the one chosen', () => {
    for (const id of [
      'reminder-bilingual',
      'second-reminder-bilingual',
      'final-demand-bilingual',
      'letter-before-action-bilingual',
      'clause-prc-guarantee-bilingual',
    ]) {
      const t = byId(id);
      const nodes = templateForm(t);
      const field = nodeAt(nodes, 'prevailing_language') as FormField;
      assert.equal(field?.kind, 'select', id);
      const facts = { ...example(id) };
      delete facts.prevailing_language;
      assert.equal(draftDefaults(nodes, facts, { today: '2026-11-20' }).prevailing_language, 'zh-CN', id);
      const english = checkAnswers(t, nodes, answersFromFacts(nodes, { ...facts, prevailing_language: 'en' }));
      assert.match(body(english.text), /the English version prevails/, id);
      assert.match(body(english.text), /以英文文本为准/, id);
      assert.doesNotMatch(body(english.text), /Chinese version prevails|以中文文本为准/, id);
    }
  });

  it('rendered without the choice, a letter takes the template’s and writes it in its front matter', () => {
    const facts = { ...example('reminder-bilingual') };
    delete facts.prevailing_language;
    const rendered = renderTemplate(byId('reminder-bilingual'), facts);
    assert.ok(rendered.ok);
    assert.match(rendered.text, /^prevailing_language: zh-CN$/m);
    assert.match(body(rendered.text), /the Chinese version prevails/);
  });
});

describe('facts form: a contract without front matter', () => {
  const read = (name: string) => contractFacts(fs.readFileSync(`test/fixtures/contracts/${name}`, 'utf8'));

  it('gives its number, parties, governing law and institution where it states them plainly', () => {
    assert.deepEqual(read('sales-contract-en.md'), {
      contract: { reference: 'HVW-SC-2026-044', governing_law: 'PRC', arbitration: 'CIETAC' },
      creditor: { name: 'Harbor Valve Works LLC' },
      debtor: { name: 'Ningbo Lianhe Industrial Co., Ltd.', name_zh: '宁波联合实业有限公司' },
    });
    assert.deepEqual(read('purchase-agreement-zh.md'), {
      contract: { reference: 'QD-HX-2026-118', governing_law: 'PRC', arbitration: 'CIETAC' },
      creditor: { name: 'Harbor Valve Works LLC' },
      debtor: { name: '青岛海信达贸易有限公司' },
    });
  });

  it('leaves out what it states two ways (two contract numbers, two institutions)', () => {
    assert.deepEqual(read('two-numbers.md'), {
      creditor: { name: 'Kestrel Sensor Systems Inc.' },
      debtor: { name: 'Xiamen Haihong Import & Export Trading Co., Ltd.' },
    });
    assert.deepEqual(contractFacts('Dear Mr. Zhou,\n\nPlease pay by Friday.\n'), {});
  });

  it('fills the clause form: a guaranty clause for that contract needs only the guarantor', () => {
    const t = byId('clause-us-guaranty-en');
    const nodes = templateForm(t);
    const facts = draftDefaults(nodes, read('sales-contract-en.md'), { today: '2026-11-20' });
    const check = checkAnswers(t, nodes, answersFromFacts(nodes, facts));
    assert.deepEqual(check.problems.map((p) => p.path).sort(), ['guarantor.address', 'guarantor.name', 'guarantor.state']);
  });
});

describe('facts form: the facts typed go to the case file', () => {
  it('only facts of the case that the case file lacks; a letter’s own date and deadline stay in the letter', () => {
    const fresh = newCaseFacts(
      {
        date: '2026-11-20',
        deadline: '2026-12-04',
        stage: 'final-demand',
        creditor: { name: 'Other', email: 'ar@x.example' },
        contract: { reference: 'C-1' },
        amount: 5,
      },
      { creditor: { name: 'Harbor Valve Works LLC' }, amount: 100 },
    );
    assert.deepEqual(fresh, { creditor: { email: 'ar@x.example' }, contract: { reference: 'C-1' } });
  });

  it('adds them to the YAML without touching its comments or values', () => {
    const text = '# Lianhe\ncreditor:\n  name: Harbor Valve Works LLC # as registered\namount: 100\n';
    const edited = addCaseFacts(text, { creditor: { email: 'ar@x.example' }, contract: { reference: 'C-1' } });
    assert.ok(edited.ok);
    assert.equal(
      edited.text,
      '# Lianhe\ncreditor:\n  name: Harbor Valve Works LLC # as registered\n  email: ar@x.example\namount: 100\ncontract:\n  reference: C-1\n',
    );
    assert.deepEqual(edited.added, ['creditor.email', 'contract.reference']);
    assert.deepEqual(addCaseFacts('', { amount: 3 }), { ok: true, text: 'amount: 3\n', added: ['amount'] });
    assert.equal(addCaseFacts('a: [1', { amount: 3 }).ok, false);
    assert.equal(addCaseFacts('- 1\n', { amount: 3 }).ok, false);
  });
});

describe('facts form: a workspace template without a body to read', () => {
  it('asks every fact of a schema given alone', () => {
    const nodes = buildForm({ type: 'object', properties: { note: { type: 'string' } } });
    assert.ok(nodeAt(nodes, 'note'));
  });
});
