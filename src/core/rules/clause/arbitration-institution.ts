import { defineRule } from '../../rule.js';
import { clauseSections, matchesIn, sectionAnchor, type ClauseSection } from './clause-sections.js';
import { cityCommission, institutionMentions, isCityCommission, type Institution } from './institutions.js';

/** Text that turns a known name into a different, non-existent body: "Beijing Arbitration Commission of Shanghai". */
const DISTORTION = /^\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*/;
/** Something that calls itself an arbitration body (English). */
const BODY_EN =
  /\b(?:[A-Z][A-Za-z]+\s+){1,6}(?:Arbitration|Arbitral)\s+(?:Commission|Court|Centre|Center|Institute|Association|Tribunal|Board)(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*)?/g;
/** Words before a body's name that are not part of it ("The Arbitration Commission" is a reference, not a name). */
const GENERIC_LEAD = /^(?:(?:The|This|That|Such|Said|Any|Each|An?|Both|Either|Neither|Parties|Party|By|Under|To|Before|With)\s+)+/;
/** Something that calls itself an arbitration body (Chinese). */
const BODY_ZH = /[\u4e00-\u9fff]{2,16}?(?:仲裁委员会|仲裁院|仲裁中心)/g;
/** Words a Chinese clause puts before the body's name. */
const ZH_LEAD = /^(?:.*?(?:提交|提请|交由|交付|由|向|至|到|经|按照|依据|根据))+/;

interface Mention {
  start: number;
  end: number;
  text: string;
  institution: Institution | undefined;
  /** Names the institution's rules only ("ICC Rules"), not the institution. */
  rulesOnly: boolean;
}

function mentions(section: ClauseSection): Mention[] {
  const out: Mention[] = [];
  for (const block of section.blocks) {
    for (const m of institutionMentions(block.text)) {
      const start = block.start + m.start;
      const end = block.start + m.end;
      const after = block.text.slice(m.end);
      const distortion = /[a-z]/i.test(m.text) && !/^[A-Z]{2,6}$/.test(m.text) && !m.rulesOnly ? DISTORTION.exec(after) : null;
      if (distortion) out.push({ start, end: end + distortion[0].length, text: m.text + distortion[0], institution: undefined, rulesOnly: false });
      else out.push({ start, end, text: m.text, institution: m.institution, rulesOnly: m.rulesOnly });
    }
  }
  const overlaps = (s: number, e: number): boolean => out.some((o) => s < o.end && o.start < e);
  for (const m of matchesIn(section, BODY_EN)) {
    const lead = GENERIC_LEAD.exec(m.text)?.[0].length ?? 0;
    const name = m.text.slice(lead);
    if (/^(?:Arbitration|Arbitral)\b/.test(name) || overlaps(m.start + lead, m.end)) continue;
    out.push({ start: m.start + lead, end: m.end, text: name, institution: isCityCommission(name) ? cityCommission(name) : undefined, rulesOnly: false });
  }
  for (const m of matchesIn(section, BODY_ZH)) {
    if (overlaps(m.start, m.end)) continue;
    const lead = ZH_LEAD.exec(m.text)?.[0].length ?? 0;
    const name = m.text.slice(lead);
    if (name.length < 4) continue;
    out.push({ start: m.start + lead, end: m.end, text: name, institution: isCityCommission(name) ? cityCommission(name) : undefined, rulesOnly: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The institution an arbitration clause names or, through rules only it administers, designates; with whether it is named. */
export function clauseInstitution(section: ClauseSection): { institution: Institution; named: boolean } | undefined {
  const found = mentions(section);
  const named = found.find((m) => m.institution && !m.rulesOnly);
  if (named?.institution) return { institution: named.institution, named: true };
  const rules = found.find((m) => m.institution && m.rulesOnly && m.institution.administersOwnRulesOnly);
  return rules?.institution ? { institution: rules.institution, named: false } : undefined;
}

const AD_HOC_RULES = /\bUNCITRAL\b|联合国国际贸易法委员会仲裁规则/i;
const OFFSHORE_SEAT =
  /\b(?:Hong\s+Kong|Singapore|London|Paris|Geneva|Zurich|Stockholm|New\s+York|Seoul|Tokyo)\b|香港|新加坡|伦敦|巴黎|日内瓦|斯德哥尔摩|纽约|首尔|东京/;
// a seat in mainland China: where PRC law decides whether rules alone designate an institution
const MAINLAND_SEAT =
  /\b(?:Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Nanjing|Tianjin|Chongqing|Wuhan|Xiamen|Qingdao|Ningbo|Suzhou|Chengdu|Dalian|Mainland\s+China|PRC|People['’]s\s+Republic\s+of\s+China|China)\b(?!\s+International\s+Economic)|北京|上海|深圳|广州|杭州|南京|天津|重庆|武汉|厦门|青岛|宁波|苏州|成都|大连|中国(?!国际经济贸易|海事|贸仲)|中华人民共和国|内地/;

export default defineRule({
  meta: {
    id: 'arbitration-institution',
    category: 'clause',
    defaultSeverity: 'error',
    description: 'An arbitration clause names exactly one arbitration institution that exists, by its full name',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Reports an arbitration clause that names no institution ("arbitration in China"), two institutions ("CIETAC or HKIAC"), or a body that does not exist ("China Arbitration Court", "Beijing Arbitration Commission of Shanghai").

**Why it matters.** Under the PRC Arbitration Law (Arts. 16 and 18; revised law in force since 1 March 2026, Art. 27) an arbitration agreement must choose one arbitration commission, or it is void for a mainland seat — and the buyer can then insist on a Chinese court. Name the institution by its full name: China International Economic and Trade Arbitration Commission (CIETAC), Hong Kong International Arbitration Centre (HKIAC), Singapore International Arbitration Centre (SIAC), the ICC International Court of Arbitration, or a real PRC commission such as the Beijing Arbitration Commission, the Shanghai International Arbitration Center or the Shenzhen Court of International Arbitration. Their awards are enforceable in China under the New York Convention or the Mainland–Hong Kong arrangement.

**Wrong**

\`\`\`markdown
Any dispute shall be settled by arbitration in China.
\`\`\`

\`\`\`markdown
争议提交中国仲裁院或香港国际仲裁中心仲裁。
\`\`\`

**Right**

\`\`\`markdown
Any dispute arising out of or in connection with this contract shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration in accordance with its rules in force when the application is filed.
\`\`\`

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。
\`\`\``,
      zh: `本规则检查仲裁条款是否没有写明仲裁机构（“在中国仲裁”）、同时写了两个机构（“CIETAC 或 HKIAC”），或者写了一个并不存在的机构（“中国仲裁院”“上海的北京仲裁委员会”）。

**为什么重要**：依照《仲裁法》第十六条、第十八条（2026年3月1日起施行的修订后《仲裁法》第二十七条保留了这一要求），仲裁协议必须选定一个仲裁委员会，否则仲裁地在内地的仲裁协议无效，买方便可以坚持到中国法院诉讼。请写明仲裁机构的全称：中国国际经济贸易仲裁委员会、香港国际仲裁中心、新加坡国际仲裁中心、国际商会国际仲裁院，或北京仲裁委员会、上海国际仲裁中心、深圳国际仲裁院等真实存在的内地仲裁机构。这些机构作出的裁决可依《纽约公约》或内地与香港相互执行仲裁裁决的安排在中国执行。参见 [docs/law.md](../../law.md#clauses)。

**错误**

\`\`\`markdown
争议提交中国仲裁院或香港国际仲裁中心仲裁。
\`\`\`

**正确**

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。
\`\`\``,
    },
  },
  check(context) {
    for (const section of clauseSections(context)) {
      if (section.type !== 'arbitration' || !/arbitra|仲裁/i.test(section.text)) continue;
      const found = mentions(section);
      for (const m of found.filter((x) => !x.institution)) {
        context.report({
          start: m.start,
          end: m.end,
          message: {
            en: `Unexpected \`${m.text}\`, expected the full name of an arbitration institution that exists, such as China International Economic and Trade Arbitration Commission or Hong Kong International Arbitration Centre`,
            zh: `不存在的仲裁机构 \`${m.text}\`，应写明真实存在的仲裁机构全称，如中国国际经济贸易仲裁委员会或香港国际仲裁中心`,
          },
        });
      }
      // the institutions the clause names; rules only one institution administers designate it too
      const known = found.filter((x) => x.institution && (!x.rulesOnly || x.institution.administersOwnRulesOnly));
      const first = known[0];
      const second = known.find((x) => x.institution?.id !== first?.institution?.id && !x.rulesOnly);
      if (first && second) {
        context.report({
          start: second.start,
          end: second.end,
          message: {
            en: `Unexpected second institution \`${second.text}\` (the clause already names \`${first.text}\`), expected exactly one arbitration institution`,
            zh: `约定了第二个仲裁机构 \`${second.text}\`（条款已约定 \`${first.text}\`），应只约定一个仲裁机构`,
          },
        });
      }
      const named = found.some((x) => x.institution && !x.rulesOnly);
      const rules = known.find((x) => x.rulesOnly);
      if (!named && rules?.institution && MAINLAND_SEAT.test(section.text)) {
        // "ICC Rules, Shanghai shall apply": rules without the institution that administers them, seated in mainland China
        const i = rules.institution;
        context.report({
          start: rules.start,
          end: rules.end,
          severity: 'warning',
          message: {
            en: `Unexpected \`${rules.text}\` without the institution that administers them, expected the institution named too (${i.en}): a mainland Chinese court may hold that rules alone choose no institution (SPC Interpretation of the Arbitration Law, Art. 4)`,
            zh: `只约定了 \`${rules.text}\` 而未约定管理仲裁的机构，应同时写明${i.zh}：仲裁地在内地时，法院可能认定仅约定仲裁规则不等于选定了仲裁机构（《最高人民法院关于适用〈中华人民共和国仲裁法〉若干问题的解释》第四条）`,
          },
        });
      }
      if (found.length === 0) {
        const anchor = sectionAnchor(section);
        // ad hoc arbitration under the UNCITRAL Rules seated outside mainland China is valid there (and its award
        // enforceable in China); only a mainland seat needs an institution to be valid at all
        const adHocOffshore = AD_HOC_RULES.test(section.text) && OFFSHORE_SEAT.test(section.text) && !MAINLAND_SEAT.test(section.text);
        context.report({
          ...anchor,
          ...(adHocOffshore ? { severity: 'warning' as const } : {}),
          message: {
            en: 'Unexpected arbitration clause that names no institution, expected exactly one by its full name, such as China International Economic and Trade Arbitration Commission (CIETAC)',
            zh: '仲裁条款未约定仲裁机构，应写明一个仲裁机构的全称，如中国国际经济贸易仲裁委员会',
          },
        });
      }
    }
  },
});
