import { defineRule, type ReportFix } from '../../rule.js';
import { clauseSections, matchesIn } from './clause-sections.js';

/** "arbitration or litigation" and its kin: the simple forms, which a suggestion can shorten to "arbitration". */
const OR_COURT_EN =
  /\barbitration,?\s+or\s+(?:by\s+)?(?:litigation|court proceedings|(?:a\s+|the\s+)?courts?)\b|\b(?:litigation|court proceedings)\s+or\s+arbitration\b/gi;
const OR_COURT_ZH = /仲裁或(?:者)?(?:诉讼|法院)|(?:诉讼|法院)或(?:者)?仲裁/g;
/** A right to go to court instead of arbitrating. */
const SUE_EN =
  /\b(?:either|any|each|the)\s+(?:party|parties|seller|buyer|creditor|claimant|respondent|supplier|customer|purchaser|vendor|lender)\s+(?:may|shall\s+be\s+entitled\s+to|has\s+the\s+right\s+to|is\s+free\s+to)\s+(?:also\s+|alternatively\s+|instead\s+)?(?:sue|(?:bring|file|commence|institute)\s+(?:a\s+|an\s+)?(?:suit|lawsuit|action|legal\s+action|proceedings|litigation)(?:\s+(?:in|before)\s+(?:a|any|the)\s+(?:competent\s+)?courts?)?|(?:bring|submit|refer|take)\s+(?:the\s+|any\s+|a\s+|such\s+|its\s+)?(?:dispute|claim|matter|controversy)s?\s+(?:before|to)\s+(?:a\s+|any\s+|the\s+)?(?:competent\s+)?courts?)\b|\bor\s+(?:to\s+)?(?:sue|(?:bring|file|commence|institute)\s+(?:a\s+|an\s+)?(?:suit|lawsuit|action|proceedings)\s+(?:in|before)\s+(?:a|any|the)\s+(?:competent\s+)?courts?)\b/gi;
const SUE_ZH =
  /(?:或者|或|也|亦|还)(?:可以|可|有权|得)?(?:直接)?向[^，。；]{0,24}?(?:人民)?法院(?:提起诉讼|起诉|诉讼)|(?:任何一方|一方|双方|卖方|买方|各方)(?:均)?(?:亦|也)?(?:可以|可|有权)(?:直接)?向[^，。；]{0,24}?(?:人民)?法院(?:提起诉讼|起诉)/g;
// Courts kept for interim measures or to enforce the award do not undo the arbitration agreement
const SUPPORTING_ROLE =
  /^[^.;。；]{0,80}(?:\binterim\b|\binjunct|\bconservatory\b|\bprovisional\b|\benforce(?:ment\s+of)?\s+(?:the|an|any)\s+award|\bpreserv|保全|执行(?:仲裁)?裁决|申请执行|临时措施)/iu;

export default defineRule({
  meta: {
    id: 'no-litigation-alternative',
    category: 'clause',
    defaultSeverity: 'error',
    description: 'An arbitration clause does not also allow going to court',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Reports an arbitration clause that also lets a party go to court: "arbitration or litigation", "either party may sue", "或向人民法院起诉".

**Why it matters.** Under PRC law an agreement that provides for both arbitration and litigation is void as an arbitration agreement (PRC Arbitration Law Arts. 16 and 18 and the Supreme People's Court's interpretation of that law) — so the buyer can ignore the arbitration and the creditor loses the one route to an award that is enforceable in China under the New York Convention. Choose arbitration alone; keep courts only for interim measures and for enforcing the award.

**Wrong**

\`\`\`markdown
Any dispute shall be resolved by CIETAC arbitration or litigation, and either party may sue in a competent court.
\`\`\`

\`\`\`markdown
争议提交中国国际经济贸易仲裁委员会仲裁，或向有管辖权的人民法院起诉。
\`\`\`

**Right**

\`\`\`markdown
Any dispute arising out of or in connection with this contract shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration. The award is final and binding on both parties.
\`\`\`

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，对双方均有约束力。
\`\`\`

For "arbitration or litigation" the editor offers to keep "arbitration" only; a sentence that gives a right to sue has to be deleted or rewritten by hand.`,
      zh: `本规则检查仲裁条款是否同时允许一方向法院起诉：“仲裁或诉讼”“任何一方均可起诉”“或向人民法院起诉”。

**为什么重要**：依照中国法律，约定争议既可以申请仲裁、也可以向人民法院起诉的，仲裁协议无效（《仲裁法》第十六条、第十八条，《最高人民法院关于适用〈中华人民共和国仲裁法〉若干问题的解释》第七条）。买方便可以不理会仲裁条款，债权人也就失去了在中国能依《纽约公约》执行的那条路。请只约定仲裁；法院只保留用于保全措施和执行裁决。参见 [docs/law.md](../../law.md#clauses)。

**错误**

\`\`\`markdown
争议提交中国国际经济贸易仲裁委员会仲裁，或向有管辖权的人民法院起诉。
\`\`\`

**正确**

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，对双方均有约束力。
\`\`\`

对“仲裁或诉讼”，编辑器提供只保留“仲裁”的修复；赋予起诉权的整句需要手工删除或改写。`,
    },
  },
  check(context) {
    for (const section of clauseSections(context)) {
      if (!/arbitra|仲裁/i.test(section.text)) continue;
      for (const [regex, zh] of [
        [OR_COURT_EN, false],
        [OR_COURT_ZH, true],
      ] as const) {
        for (const m of matchesIn(section, regex)) {
          const fixes: ReportFix[] = [
            { title: zh ? '只保留仲裁' : 'Keep arbitration only', edits: [{ start: m.start, end: m.end, text: zh ? '仲裁' : 'arbitration' }] },
          ];
          context.report({
            start: m.start,
            end: m.end,
            fixes,
            message: {
              en: `Unexpected \`${m.text}\` in an arbitration clause, expected arbitration alone: a clause that also allows litigation is void under PRC law`,
              zh: `仲裁条款中出现 \`${m.text}\`，应只约定仲裁：同时约定仲裁和诉讼的仲裁协议无效`,
            },
          });
        }
      }
      for (const regex of [SUE_EN, SUE_ZH]) {
        for (const m of matchesIn(section, regex)) {
          const before = context.text.slice(Math.max(section.start, m.start - 40), m.start);
          if (/\b(?:not|no|never|neither|nor)\s+(?:\w+\s+){0,3}$|不得|不能|不可$/.test(before)) continue;
          if (SUPPORTING_ROLE.test(context.text.slice(m.end, Math.min(section.end, m.end + 100)))) continue;
          context.report({
            start: m.start,
            end: m.end,
            message: {
              en: `Unexpected \`${m.text}\` in an arbitration clause, expected arbitration alone: a right to go to court makes the arbitration agreement void under PRC law`,
              zh: `仲裁条款中出现 \`${m.text}\`，应只约定仲裁：约定可向法院起诉会导致仲裁协议无效`,
            },
          });
        }
      }
    }
  },
});
