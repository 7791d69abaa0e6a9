import { defineRule } from '../../rule.js';
import data from '../data/tone-insults.json';
import { frameMessage, meaningFindings, saidInnocently } from '../../meaning/index.js';
import {
  compileList,
  findReportable,
  isAccepted,
  isClause,
  oncePerSentence,
  phraseMessage,
  quote,
  removeSentenceFix,
  sentenceAt,
  type PhraseList,
} from './phrases.js';

const INSULTS = compileList(data as PhraseList);
// An allegation with its basis ("we allege ... on the basis of ...", 涉嫌…根据…) is a statement, not an insult
const ALLEGATION = {
  claim: new RegExp(`${data.allegation.en.claim}|${data.allegation.zh.claim}`, 'iu'),
  basis: new RegExp(`${data.allegation.en.basis}|${data.allegation.zh.basis}`, 'iu'),
};

export default defineRule({
  meta: {
    id: 'no-insult',
    category: 'tone',
    defaultSeverity: 'error',
    description: 'Insults and name-calling such as thief, fraudster, deadbeat, 骗子 or 老赖',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Catches insults and name-calling: thief, fraud and fraudster, liar, scammer, deadbeat, crook, cheat; 骗子, 老赖, 无赖, 赖账, 流氓.

**Why it matters.** An insult adds nothing to a claim and hands the debtor a grievance. The FDCPA (15 U.S.C. §1692d(2)) names obscene or abusive language as an abusive practice, the accepted baseline for business letters; in China the Public Security Administration Punishments Law Art. 42 covers insults. Calling someone a fraudster in writing may also be defamation.

An allegation stated with its basis is not an insult: "We allege that the goods were resold on the basis of the port records", 贵司涉嫌…，根据…. Words about fraud prevention ("fraud prevention team", "anti-fraud", "invoice fraud") stay silent. So do the names of the official credit lists, which say "dishonest" of everyone on them: the list of seriously dishonest enterprises (严重失信主体名单), dishonest judgment debtors (失信被执行人).

**Wrong**

> You are a deadbeat and a liar, and everyone will know it.

> 你们就是骗子，老赖！

**Right**

> Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026 and remains unpaid.

> 发票HVW-2026-1187项下18,400.00美元已于2026年10月15日到期，至今未付。

Fix (suggestion): remove the sentence. No word is swapped in for the insult: “贵司就是老赖” with “贵司” in place of 老赖 would say nothing, and a sentence built around an insult seldom survives without it. One sentence gives one finding, however many insults it holds.`,
      zh: `本规则检查侮辱和谩骂：骗子、老赖、无赖、赖账、流氓；英文 thief、fraud、fraudster、liar、scammer、deadbeat、crook、cheat。

**为什么重要**：侮辱对债权毫无帮助，反而授人以柄。美国《公平债务催收法》（15 U.S.C. §1692d(2)）把使用淫秽或辱骂性语言列为滥用行为，这也是商业催款公认的底线；在中国，公然侮辱他人可依《治安管理处罚法》处罚，书面称对方为骗子还可能构成诽谤。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

有依据地陈述指控不属于侮辱：“根据港口记录，贵司涉嫌转售该批货物”。与防范欺诈有关的说法（“反欺诈部门”“发票诈骗防范”）不报告。官方信用名单的英文名称同样不报告，例如 “list of seriously dishonest enterprises”（严重失信主体名单）、“dishonest judgment debtors”（失信被执行人）。

**错误**

> 你们就是骗子，老赖！

**正确**

> 发票 HVW-2026-1187 项下 18,400.00 美元已于2026年10月15日到期，至今未付。

修复建议：删除整句。不会用别的词替换侮辱性词语：把“贵司就是老赖”中的“老赖”换成“贵司”，这句话就什么也没说了；围绕侮辱写成的句子，去掉侮辱后很少还能成立。一句话无论含有多少侮辱性词语，只报告一次。`,
    },
  },
  check(context) {
    const reported = new Set<number>();
    const allegation = (sentence: { start: number; end: number }): boolean => {
      const words = context.text.slice(sentence.start, sentence.end);
      return ALLEGATION.claim.test(words) && ALLEGATION.basis.test(words);
    };
    for (const match of oncePerSentence(findReportable(context, INSULTS))) {
      const sentence = sentenceAt(match.block, match.start);
      if (allegation(sentence) || saidInnocently(match.block, context.text, match.start, match.end, false)) continue;
      reported.add(sentence.start);
      context.report({
        start: match.start,
        end: match.end,
        message: phraseMessage(match),
        fixes: [removeSentenceFix(context, sentence)],
      });
    }
    // the meaning layer: contempt and ridicule in any words (see src/core/meaning)
    if (isClause(context.facts)) return;
    for (const found of meaningFindings(context, 'no-insult')) {
      if (reported.has(found.sentence.start) || isAccepted(context, found.start, found.end) || allegation(found.sentence)) continue;
      reported.add(found.sentence.start);
      context.report({
        start: found.start,
        end: found.end,
        message: frameMessage(found, quote(context.text.slice(found.start, found.end))),
        fixes: [removeSentenceFix(context, found.sentence)],
      });
    }
  },
});
