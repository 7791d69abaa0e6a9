import { defineRule } from '../../rule.js';
import { clauseSections, matchesIn, sectionAnchor } from './clause-sections.js';
import { INSTITUTIONS, type Institution } from './institutions.js';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const BY_NAME = new Map<string, Institution>();
for (const i of INSTITUTIONS) for (const n of i.names) BY_NAME.set(n.toLowerCase(), i);
const NAMES = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);
/** Any known name; Latin names on word boundaries, abbreviations case-sensitive. */
const KNOWN = new RegExp(
  INSTITUTIONS.flatMap((i) => i.names)
    .sort((a, b) => b.length - a.length)
    .map((n) => (/^[A-Z]{2,6}$/.test(n) ? `\\b${n}\\b` : /[A-Za-z]/.test(n) ? `\\b${escapeRegex(n).replace(/ /g, '\\s+')}\\b` : escapeRegex(n)))
    .join('|'),
  'gi',
);
const ABBREVIATION = /^[A-Z]{2,6}$/;
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
}

function mentions(section: Parameters<typeof matchesIn>[0]): Mention[] {
  const out: Mention[] = [];
  for (const m of matchesIn(section, KNOWN)) {
    const found = BY_NAME.get(m.text.replace(/\s+/g, ' ').toLowerCase());
    // Abbreviations count only in capitals: `icc` in running text is not the ICC.
    if (ABBREVIATION.test(m.text.toUpperCase()) && m.text !== m.text.toUpperCase()) continue;
    const block = section.blocks.find((b) => b.start <= m.start && m.end <= b.end)!;
    const after = block.text.slice(m.end - block.start);
    const distortion = /[a-z]/i.test(m.text) && !ABBREVIATION.test(m.text) ? DISTORTION.exec(after) : null;
    if (distortion) {
      out.push({ start: m.start, end: m.end + distortion[0].length, text: m.text + distortion[0], institution: undefined });
    } else {
      out.push({ start: m.start, end: m.end, text: m.text, institution: found });
    }
  }
  const overlaps = (s: number, e: number): boolean => out.some((o) => s < o.end && o.start < e);
  for (const m of matchesIn(section, BODY_EN)) {
    const lead = GENERIC_LEAD.exec(m.text)?.[0].length ?? 0;
    const name = m.text.slice(lead);
    if (/^(?:Arbitration|Arbitral)\b/.test(name) || overlaps(m.start + lead, m.end)) continue;
    out.push({ start: m.start + lead, end: m.end, text: name, institution: undefined });
  }
  for (const m of matchesIn(section, BODY_ZH)) {
    if (overlaps(m.start, m.end)) continue;
    const lead = ZH_LEAD.exec(m.text)?.[0].length ?? 0;
    const name = m.text.slice(lead);
    if (name.length < 4) continue;
    if (NAMES.some((n) => name.endsWith(n))) continue;
    out.push({ start: m.start + lead, end: m.end, text: name, institution: undefined });
  }
  return out.sort((a, b) => a.start - b.start);
}

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
      const known = found.filter((x) => x.institution);
      const first = known[0];
      const second = known.find((x) => x.institution !== first?.institution);
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
      if (found.length === 0) {
        const anchor = sectionAnchor(section);
        context.report({
          ...anchor,
          message: {
            en: 'Unexpected arbitration clause that names no institution, expected exactly one by its full name, such as China International Economic and Trade Arbitration Commission (CIETAC)',
            zh: '仲裁条款未约定仲裁机构，应写明一个仲裁机构的全称，如中国国际经济贸易仲裁委员会',
          },
        });
      }
    }
  },
});
