import type { Facts } from '../../facts/facts.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { Span } from '../../types.js';
import { keySpan } from '../facts/support.js';

/** The EU member states (ISO 3166-1 alpha-2), where Directive 2011/7/EU is national law. */
const EU = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);
const UK = new Set(['GB', 'UK']);
/** `contract.governing_law` values that are a law of a part of the United Kingdom. */
const UK_LAWS = new Set(['EN', 'UK', 'GB', 'EW', 'SCO', 'NI', 'ENGLAND', 'SCOTLAND']);

type Regime = 'uk' | 'eu';

const ACTS: Record<Regime, { pattern: RegExp; en: string; zh: string }> = {
  uk: {
    pattern: /Late\s+Payment\s+of\s+Commercial\s+Debts|Late\s+Payment\s+Act\s+1998|英国《?商业债务逾期付款（利息）法》?|商业债务逾期付款(?:（利息）)?法/i,
    en: 'UK statutory interest (Late Payment of Commercial Debts (Interest) Act 1998)',
    zh: '英国法定逾期利息（《1998年商业债务逾期付款（利息）法》）',
  },
  eu: {
    pattern: /2011\/7\/EU|Late\s+Payment\s+Directive|(?:欧盟)?《?(?:关于)?打击商业交易中逾期付款(?:行为)?的指令》?|逾期付款指令/i,
    en: 'EU statutory interest (Late Payment Directive 2011/7/EU)',
    zh: '欧盟法定逾期利息（第2011/7/EU号《打击商业交易逾期付款指令》）',
  },
};

/** Where the letter claims statutory interest of a regime: a charge's regime or basis, or the text. */
function claimed(context: RuleContext, regime: Regime): Span | undefined {
  const { facts } = context;
  const name = regime === 'uk' ? 'uk-late-payment' : 'eu-late-payment';
  for (const [i, charge] of (facts.charges ?? []).entries()) {
    if (charge.regime === name) return keySpan(context, `charges.${i}.regime`);
    if (charge.basis && ACTS[regime].pattern.test(charge.basis)) return keySpan(context, `charges.${i}.basis`);
  }
  for (const block of context.blocks) {
    const m = ACTS[regime].pattern.exec(block.text);
    if (m) return { start: block.start + m.index, end: block.start + m.index + m[0].length };
  }
  return undefined;
}

/**
 * How the contract relates to the regime's place: under its law with a party there (`yes`), under
 * its law with no party there (`law-only`), under another law with a party there (`foreign-law`),
 * with no link at all (`no`), or not enough facts to tell (`unknown`).
 */
function connection(facts: Facts, regime: Regime): 'yes' | 'no' | 'law-only' | 'foreign-law' | 'unknown' {
  const places = regime === 'uk' ? UK : EU;
  const parties = [facts.creditor?.country, facts.debtor?.country];
  const partyThere = parties.some((c) => c !== undefined && places.has(c.toUpperCase()));
  const law = facts.contract?.governing_law?.toUpperCase();
  if (law === undefined) return partyThere ? 'yes' : parties.some((c) => c === undefined) ? 'unknown' : 'no';
  const lawThere = regime === 'uk' ? UK_LAWS.has(law) : EU.has(law.slice(0, 2));
  if (lawThere) return partyThere ? 'yes' : 'law-only';
  return partyThere ? 'foreign-law' : 'no';
}

export default defineRule({
  meta: {
    id: 'statutory-interest-basis',
    category: 'law',
    defaultSeverity: 'warning',
    description: 'UK or EU statutory late-payment interest is claimed only where the contract is connected with the UK or the EU',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Reports UK or EU statutory late-payment interest claimed in a contract with no UK or EU connection — a US seller claiming "Bank Rate plus 8 %" under the UK Late Payment of Commercial Debts (Interest) Act 1998 from a Chinese buyer, say. A claim is a \`charges\` entry with \`regime: uk-late-payment\` or \`eu-late-payment\`, a \`basis\` that cites the Act or Directive 2011/7/EU, or the text citing them.

**Why it matters.** The UK Act applies to contracts governed by the law of a part of the UK; even then it does not apply where that law was chosen but the contract has no significant connection with the UK and would otherwise be under a foreign law (s.12(1)), and a contract under a foreign law falls under it only in the narrow case of s.12(2). The EU Directive works through the laws of the member states and reaches only contracts under one of them. Interest with no basis weakens the whole claim (see \`unbacked-charges\`). Claim the contract's interest, or what the governing law allows: under a PRC sales contract with no agreed rate, the one-year LPR plus 30–50 % (SPC Interpretation on sales contracts Art. 18). See [docs/law.md](../law.md#interest-and-fixed-compensation).

It is a warning when neither party is in the UK (EU) and the contract is not under its law; advice when only its law was chosen, when a party is there but the contract is under another law, or when the facts do not say enough.

**Wrong** (a US creditor, a Chinese debtor, PRC law)

\`\`\`yaml
charges:
  - what: Statutory interest
    regime: uk-late-payment
    basis: Late Payment of Commercial Debts (Interest) Act 1998
\`\`\`

**Right**

\`\`\`yaml
charges:
  - what: Contractual interest at 1% per month
    type: interest
    rate: 12
    basis: Sales Contract HVW-SC-2026-044, clause 9.2
\`\`\``,
      zh: `本规则检查函件是否在与英国或欧盟没有联系的合同中主张英国或欧盟的法定逾期利息——例如美国卖方向中国买方主张英国《1998年商业债务逾期付款（利息）法》规定的“基准利率加8%”。以下情况视为主张：\`charges\` 中写 \`regime: uk-late-payment\` 或 \`eu-late-payment\`，\`basis\` 引用该法或第2011/7/EU号指令，或正文中引用了它们。

**为什么重要**：英国该法只适用于受英国某一法域法律管辖的合同；即使选择了英国法，如果合同与英国没有重大联系、若非该选择本应适用外国法，该法也不适用（第12条第1款）；受外国法管辖的合同，只在第12条第2款规定的窄小情形下适用。欧盟指令由各成员国法律实施，只约束适用成员国法律的合同。没有法律依据的利息主张会削弱整个债权主张（见 \`unbacked-charges\`）。应主张合同约定的利息，或合同准据法允许的利息：适用中国法律的买卖合同没有约定的，可按一年期LPR上浮30%—50%计算逾期付款损失（《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条）。参见 [docs/law.md](../../law.md#interest-and-fixed-compensation)。

双方均不在英国（欧盟）、合同也不适用其法律时为警告；只选择了其法律、或有一方在当地但合同适用其他法律、或事实不足以判断时，只作提示。

**错误**（美国债权人、中国债务人，适用中国法律）

\`\`\`yaml
charges:
  - what: 法定逾期利息
    regime: uk-late-payment
    basis: Late Payment of Commercial Debts (Interest) Act 1998
\`\`\`

**正确**

\`\`\`yaml
charges:
  - what: 逾期付款利息
    type: interest
    rate: 12
    basis: 销售合同第9.2条
\`\`\``,
    },
  },
  check(context) {
    const { facts, report } = context;
    for (const regime of ['uk', 'eu'] as const) {
      const span = claimed(context, regime);
      if (!span) continue;
      const link = connection(facts, regime);
      if (link === 'yes') continue;
      const act = ACTS[regime];
      const parties = `${facts.creditor?.country ?? '?'}/${facts.debtor?.country ?? '?'}`;
      const law = facts.contract?.governing_law;
      const where = regime === 'uk' ? { en: 'the United Kingdom', zh: '英国' } : { en: 'the European Union', zh: '欧盟' };
      const reasons = {
        'law-only':
          regime === 'uk'
            ? {
                en: 'the contract chose UK law but neither party is in the UK, and the Act does not apply to a contract with no significant connection to the UK that would otherwise be under a foreign law (s.12(1))',
                zh: '合同虽选择英国法，但双方均不在英国；合同与英国无重大联系、若非该选择本应适用外国法的，该法不适用（第12条第1款）',
              }
            : {
                en: 'the contract chose the law of a member state but neither party is in the EU; whether its late-payment rules reach this contract is for that law to say',
                zh: '合同虽选择欧盟成员国法律，但双方均不在欧盟；其逾期付款规则是否适用于本合同，取决于该国法律',
              },
        'foreign-law':
          regime === 'uk'
            ? {
                en: `the contract is under ${law ?? ''} law, and the Act reaches a contract under a foreign law only when UK law would apply but for that choice and there is no significant connection with any other country (s.12(2))`,
                zh: `合同适用${law ?? ''}法律；合同选择外国法的，只有在若非该选择本应适用英国法、且与其他国家无重大联系时，该法才适用（第12条第2款）`,
              }
            : { en: `the contract is under ${law ?? ''} law, not the law of a member state`, zh: `合同适用${law ?? ''}法律，而非欧盟成员国法律` },
        no: {
          en: `neither party (${parties}) is in ${where.en}${law ? ` and the contract is under ${law} law` : ''}`,
          zh: `双方（${parties}）均不在${where.zh}${law ? `，合同适用${law}法律` : ''}`,
        },
        unknown: { en: `the facts do not say where both parties are (${parties})`, zh: `事实中未写明双方所在国家（${parties}）` },
      };
      const reason = reasons[link];
      report({
        ...span,
        severity: link !== 'no' ? 'info' : undefined,
        message: {
          en: `Unexpected ${act.en} claimed where ${reason.en}, expected the interest the contract provides, or the interest the governing law allows`,
          zh: `不应主张${act.zh}：${reason.zh}；应依据合同约定的利息，或合同准据法允许的利息`,
        },
      });
    }
  },
});
