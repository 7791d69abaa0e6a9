// The clause rules and the clause templates agree: each template's clause is clean, the same
// clause broken in a typical way is caught, and the rules' suggestions produce clean clauses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { applyFixes, lint } from '../../src/index.js';
import { renderTemplate } from '../../src/core/templates/index.js';
import { ROOT } from './helpers.js';

const CLAUSE_RULES = new Set(['arbitration-elements', 'arbitration-institution', 'no-litigation-alternative', 'prc-guarantee', 'us-court-only', 'us-guaranty']);

function draft(id: string): string {
  const facts = parseYaml(fs.readFileSync(path.join(ROOT, 'templates', id, 'example.yaml'), 'utf8')) as unknown;
  const result = renderTemplate(id, facts);
  assert.ok(result.ok, id);
  return result.text;
}

function clauseFindings(text: string): string[] {
  return lint(text, { config: { today: '2026-11-20' } })
    .filter((f) => CLAUSE_RULES.has(f.ruleId))
    .map((f) => f.ruleId);
}

describe('clause rules on the clause templates', () => {
  const broken: [string, string, string, string][] = [
    [
      'clause-arbitration-cietac',
      'China International Economic and Trade Arbitration Commission (CIETAC)',
      'China Arbitration Court',
      'arbitration-institution',
    ],
    ['clause-arbitration-hkiac', 'The seat of arbitration shall be Hong Kong. ', '', 'arbitration-elements'],
    [
      'clause-arbitration-siac',
      'The award shall be final and binding on both parties',
      'Either party may sue in a competent court instead',
      'no-litigation-alternative',
    ],
    ['clause-prc-guarantee-zh', '主债务履行期限届满之日起36个月', '直至全部清偿为止', 'prc-guarantee'],
    ['clause-prc-guarantee-zh', '连带责任保证', '保证', 'prc-guarantee'],
    ['clause-us-guaranty-en', 'This is a guaranty of payment and not of collection', 'This is a guaranty of collection', 'us-guaranty'],
    [
      'clause-jurisdiction-en',
      "non-exclusive jurisdiction over any dispute arising out of or in connection with this contract. Nothing in this clause prevents the Seller from bringing proceedings against the Buyer in the competent people's court at the Buyer's domicile, or wherever the Buyer has assets, so that a judgment can be enforced where the Buyer is.",
      'exclusive jurisdiction over any dispute arising out of or in connection with this contract.',
      'us-court-only',
    ],
  ];
  for (const [id, from, to, ruleId] of broken) {
    it(`${id}: clean as drafted, \`${ruleId}\` once broken`, () => {
      const text = draft(id);
      assert.deepEqual(clauseFindings(text), []);
      assert.ok(text.includes(from), `${id} contains the text the case changes`);
      assert.ok(clauseFindings(text.split(from).join(to)).includes(ruleId));
    });
  }

  it('us-court-only suggests a CIETAC arbitration clause that is itself clean', () => {
    const text = draft('clause-jurisdiction-en').replace(/non-exclusive jurisdiction[^\n]*/, 'exclusive jurisdiction over any dispute.');
    const finding = lint(text, { config: { today: '2026-11-20' } }).find((f) => f.ruleId === 'us-court-only');
    assert.ok(finding && finding.fixes.length === 1 && !finding.fixes[0]!.isPreferred);
    const fixed = applyFixes(text, finding.fixes);
    assert.match(fixed, /China International Economic and Trade Arbitration Commission/);
    assert.deepEqual(clauseFindings(fixed), []);
  });

  it('no-litigation-alternative suggests keeping arbitration only', () => {
    const text = draft('clause-arbitration-cietac').replace(
      'referred to and finally resolved by arbitration',
      'referred to and finally resolved by arbitration or litigation',
    );
    const finding = lint(text, { config: { today: '2026-11-20' } }).find((f) => f.ruleId === 'no-litigation-alternative');
    assert.ok(finding);
    assert.deepEqual(clauseFindings(applyFixes(text, finding.fixes)), []);
  });

  it('reads clause sections of other documents by their headings, and leaves dunning letters alone', () => {
    const plan = draft('repayment-plan-en');
    const withClause = `${plan}\n## 6. Dispute resolution\n\nAny dispute shall be settled by arbitration in China.\n`;
    assert.ok(clauseFindings(withClause).includes('arbitration-institution'));
    assert.deepEqual(clauseFindings(draft('letter-before-action-en')), [], 'a letter that names arbitration as the next step is not a clause');
  });

  it('never throws on odd clause documents', () => {
    for (const text of [
      '',
      '---\nkind: clause\nclause: arbitration\n---\n',
      '---\nkind: clause\nclause: guarantor\nlanguage: zh-CN\n---\n\n保证',
      '# Arbitration\r\n\r\narbitration\r\n',
      '\uFEFF# 仲裁\n\n仲裁'.repeat(2000),
    ]) {
      assert.ok(Array.isArray(lint(text)));
    }
  });
});
