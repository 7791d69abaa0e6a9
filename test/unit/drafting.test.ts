// The drafting logic the editor's commands (and any facts form) call: schema → fields, answers → facts,
// which templates fit, and a rendering's body. Plain Node, no editor.
import assert from 'node:assert/strict';
import {
  arbitrationInstitution,
  bodyOf,
  clauseInsertion,
  clauseTemplates,
  convertAnswer,
  documentLabel,
  escalationFacts,
  factShape,
  inLanguageOf,
  languageLabel,
  mergeFacts,
  nextLetterLanguage,
  nextStage,
  schemaFields,
  seriesOrder,
  setPath,
  templateLabel,
} from '../../src/core/drafting/index.js';
import { listTemplates } from '../../src/core/templates/index.js';

describe('drafting: answers → facts', () => {
  it('mergeFacts merges mappings deeply, replaces lists and scalars, and changes neither input', () => {
    const base = { debtor: { name: 'Ningbo Lianhe', contact: 'Mr. Zhou' }, invoices: [{ number: 'A' }], amount: 1 };
    const over = { debtor: { contact: 'Ms. Wang' }, invoices: [{ number: 'B' }], amount: 2 };
    const merged = mergeFacts(base, over);
    assert.deepEqual(merged, { debtor: { name: 'Ningbo Lianhe', contact: 'Ms. Wang' }, invoices: [{ number: 'B' }], amount: 2 });
    assert.equal(base.debtor.contact, 'Mr. Zhou');
    assert.deepEqual(mergeFacts(base, undefined), base);
  });

  it('setPath creates the mappings and lists a dotted path needs', () => {
    const facts: Record<string, unknown> = { debtor: { name: 'Ningbo Lianhe' } };
    assert.equal(setPath(facts, 'debtor.contact', 'Mr. Zhou'), true);
    assert.equal(setPath(facts, 'invoices.0.amount', 18400), true);
    assert.deepEqual(facts, { debtor: { name: 'Ningbo Lianhe', contact: 'Mr. Zhou' }, invoices: [{ amount: 18400 }] });
  });

  it('setPath refuses a path through a prototype key and changes nothing', () => {
    const facts: Record<string, unknown> = {};
    assert.equal(setPath(facts, '__proto__.polluted', 'yes'), false);
    assert.equal(setPath(facts, 'debtor.constructor.prototype', 1), false);
    assert.deepEqual(facts, {});
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("escalates: the next stage, and the case without the old letter's date and deadline", () => {
    assert.equal(nextStage({ kind: 'dunning-letter', stage: 'reminder' }), 'second-reminder');
    assert.equal(nextStage({ kind: 'dunning-letter', stage: 'letter-before-action' }), 'last');
    assert.equal(nextStage({ kind: 'call-summary', stage: 'reminder' }), undefined);
    assert.equal(nextStage({ kind: 'dunning-letter', stage: 'Reminder' }), undefined);
    const facts = { kind: 'dunning-letter', stage: 'reminder', date: '2026-11-01', deadline: '2026-11-15', amount: 18400 };
    assert.deepEqual(escalationFacts(facts, { date: '2026-11-20' }), {
      kind: 'dunning-letter',
      stage: 'reminder',
      amount: 18400,
      date: '2026-11-20',
      previous_letters: [{ stage: 'reminder', date: '2026-11-01' }],
    });
    const second = { ...facts, stage: 'second-reminder', date: '2026-11-15', previous_letters: [{ stage: 'reminder', date: '2026-11-01' }] };
    assert.deepEqual(escalationFacts(second).previous_letters, [
      { stage: 'reminder', date: '2026-11-01' },
      { stage: 'second-reminder', date: '2026-11-15' },
    ]);
    assert.equal(facts.deadline, '2026-11-15', 'the input is not changed');
  });
});

describe('drafting: schema → fields', () => {
  const schema = {
    type: 'object',
    required: ['amount', 'debtor', 'invoices'],
    properties: {
      amount: { type: 'number', minimum: 0 },
      debtor: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, locale: { type: 'string' } } },
      invoices: { type: 'array', items: { type: 'object', required: ['date'], properties: { date: { type: 'string', format: 'date' } } } },
      grace_days: { type: 'integer', description: 'Business days of grace' },
      stage: { type: 'string', enum: ['reminder', 'final-demand'] },
    },
  };

  it('factShape reads the template schema, then falls back to the facts contract', () => {
    assert.deepEqual(factShape(schema, 'amount'), { type: 'number' });
    assert.deepEqual(factShape(schema, 'invoices.0.date'), { type: 'date' });
    assert.deepEqual(factShape(schema, 'grace_days'), { type: 'integer', description: 'Business days of grace' });
    assert.deepEqual(factShape(schema, 'stage').enum, ['reminder', 'final-demand']);
    const fromContract = factShape({}, 'next_step');
    assert.equal(fromContract.type, 'string');
    assert.ok(fromContract.enum?.includes('arbitration'));
    assert.equal(factShape({}, 'due_date').type, 'date');
    assert.deepEqual(factShape({}, 'no_such_fact'), { type: 'string' });
  });

  it('schemaFields lists every leaf fact with its shape and whether it is required', () => {
    const fields = schemaFields(schema).map((f) => `${f.path} ${f.type}${f.required ? ' required' : ''}`);
    assert.deepEqual(fields, [
      'amount number required',
      'debtor.name string required',
      'debtor.locale string',
      'invoices.*.date date required',
      'grace_days integer',
      'stage string',
    ]);
  });

  it('schemaFields gives a field for every fact a built-in template requires', () => {
    for (const t of listTemplates()) {
      const paths = new Set(
        schemaFields(t.facts)
          .filter((f) => f.required)
          .map((f) => f.path),
      );
      assert.ok(paths.size > 0, t.id);
    }
  });

  it('convertAnswer types an answer, or refuses it', () => {
    assert.equal(convertAnswer({ type: 'number' }, ' 18,400.00 '), 18400);
    assert.equal(convertAnswer({ type: 'number' }, '-5'), undefined);
    assert.equal(convertAnswer({ type: 'integer' }, '2.5'), undefined);
    assert.equal(convertAnswer({ type: 'boolean' }, 'true'), true);
    assert.equal(convertAnswer({ type: 'boolean' }, 'yes'), undefined);
    assert.equal(convertAnswer({ type: 'date' }, '2026-02-30'), undefined);
    assert.equal(convertAnswer({ type: 'date' }, '2026-12-04'), '2026-12-04');
    assert.equal(convertAnswer({ type: 'string', enum: ['CIETAC'] }, 'ICC'), undefined);
    assert.equal(convertAnswer({ type: 'string' }, '   '), undefined, 'never a blank');
  });
});

describe("drafting: which templates, and a rendering's body", () => {
  it("offers the templates in the letter's language first and every other one after them (a filter, not a wall)", () => {
    const all = listTemplates().filter((t) => t.kind === 'dunning-letter');
    const zh = inLanguageOf(all, { language: 'zh-CN' });
    assert.ok(zh.inLanguage.length > 0 && zh.inLanguage.every((t) => t.language === 'zh-CN'));
    assert.ok(zh.others.some((t) => t.language === 'en') && zh.others.some((t) => t.language === 'en+zh-CN'));
    assert.equal(zh.inLanguage.length + zh.others.length, all.length, 'every template is reachable');
    assert.equal(inLanguageOf(all, { language: 'fr' }).inLanguage.length, all.length);
    assert.equal(inLanguageOf(all, {}).inLanguage.length, all.length);
  });

  it("finds the arbitration clause of the contract's institution", () => {
    assert.equal(arbitrationInstitution({ contract: { arbitration: 'HKIAC' } }), 'HKIAC');
    assert.equal(arbitrationInstitution({ contract: { arbitration: 'HKIAC' } }, 'SIAC'), 'SIAC');
    const ids = clauseTemplates(listTemplates(), 'arbitration', 'HKIAC').map((t) => t.id);
    assert.deepEqual(ids, ['clause-arbitration-hkiac']);
    assert.ok(clauseTemplates(listTemplates(), 'guarantor').length >= 2);
  });

  it('bodyOf strips the front matter and the blank lines after it, whatever the line endings', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const rendered = ['---', 'kind: clause', 'clause: arbitration', '---', '', '', '# Arbitration', '', 'Any dispute...', ''].join(eol);
      assert.equal(bodyOf(rendered), ['# Arbitration', '', 'Any dispute...', ''].join(eol), JSON.stringify(eol));
    }
    assert.equal(bodyOf('No front matter.\n'), 'No front matter.\n');
  });
});

describe('drafting: a clause in its letter, templates by name', () => {
  const rendered = [
    '---',
    'kind: clause',
    'clause: guarantor',
    '---',
    '',
    '# Continuing guaranty',
    '',
    'The Guarantor agrees.',
    '',
    'Guarantor: ____\\',
    'Name: David Zhang\\',
    'Date: ____',
    '',
  ].join('\n');
  const letter = [
    '---',
    'kind: dunning-letter',
    'stage: reminder',
    '---',
    '',
    '# Reminder',
    '',
    'Please pay by 4 December 2026.',
    'Thank you.',
    '',
    'Regards,',
    '',
  ].join('\n');

  it('inserts with a blank line before and after, never inside a line, headings one level down, hard breaks kept', () => {
    const mid = letter.indexOf('by 4 December');
    const edit = clauseInsertion(letter, mid, rendered);
    const out = letter.slice(0, edit.start) + edit.text + letter.slice(edit.end);
    assert.match(
      out,
      /Please pay by 4 December 2026\.\n\n## Continuing guaranty\n\nThe Guarantor agrees\.\n\nGuarantor: ____\\\nName: David Zhang\\\nDate: ____\n\nThank you\./,
    );
    const atEnd = clauseInsertion(letter, letter.length, rendered);
    assert.equal(atEnd.text.startsWith('\n## Continuing guaranty'), true, 'the letter ends with a newline: one more makes the blank line');
    assert.equal(atEnd.text.endsWith('Date: ____\n'), true);
  });

  it("keeps the letter's line endings and a clause document's own heading levels", () => {
    const crlf = letter.replace(/\n/g, '\r\n');
    const edit = clauseInsertion(crlf, crlf.indexOf('Regards'), rendered);
    assert.ok(edit.text.startsWith('## Continuing guaranty\r\n') && edit.text.endsWith('Date: ____\r\n\r\n') && !/[^\r]\n/.test(edit.text));
    const clauseDoc = rendered;
    assert.match(clauseInsertion(clauseDoc, clauseDoc.length, rendered).text, /^\n# Continuing guaranty/);
  });

  it('orders templates as a case runs and names them in their own language', () => {
    const ids = seriesOrder(listTemplates().filter((t) => t.kind !== 'clause')).map((t) => t.id);
    assert.deepEqual(ids.slice(0, 4), ['reminder-en', 'reminder-zh', 'reminder-bilingual', 'second-reminder-en']);
    assert.ok(ids.indexOf('letter-before-action-bilingual') < ids.indexOf('call-preparation-en'), 'reminders come before call sheets');
    const label = (id: string) => templateLabel(listTemplates().find((t) => t.id === id)!);
    assert.equal(label('reminder-en'), 'Reminder — English');
    assert.equal(label('reminder-zh'), '第一次付款提醒 — 中文');
    assert.equal(label('final-demand-bilingual'), 'Final demand · 最后催款函 — English + 中文');
    assert.equal(documentLabel({ kind: 'dunning-letter', stage: 'final-demand' }, 'en'), 'Final demand');
    assert.equal(languageLabel('zh-CN'), '中文');
  });

  it('a final demand after English letters to a debtor who reads Chinese is bilingual', () => {
    assert.equal(nextLetterLanguage({ language: 'en', debtor: { locale: 'zh-CN' } }, 'final-demand'), 'en+zh-CN');
    assert.equal(nextLetterLanguage({ language: 'en', debtor: { locale: 'zh-CN' } }, 'second-reminder'), 'en');
    assert.equal(nextLetterLanguage({ language: 'zh-CN', debtor: { locale: 'zh-CN' } }, 'final-demand'), 'zh-CN');
  });
});
