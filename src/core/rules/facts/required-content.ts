import { toMinor } from '../../facts/amounts.js';
import { formatDate } from '../../facts/format.js';
import type { NextStep } from '../../facts/schema.js';
import { statedSteps } from '../../meaning/index.js';
import { defineRule, type Message } from '../../rule.js';
import { mistypedInvoices } from './invoice-matches-facts.js';
import { amountRoles } from './roles.js';
import { blockAt, caseAmounts, columnDateRole, contextOf, dateRole, inCurrency, moneyText, styleOf, writtenValue } from './support.js';

/** How each next step is written, in English and Chinese. */
export const NEXT_STEP_WORDING: Readonly<Record<NextStep, RegExp>> = {
  arbitration: /\barbitrat(?:ion|e|or|al)\b|仲裁/i,
  litigation:
    /\b(?:litigation|lawsuit|legal proceedings|court proceedings|proceedings against|sue|(?:commence|bring|file|issue|start)\s+(?:an?\s+)?(?:action|proceedings|suit|claim|lawsuit)|file (?:a )?(?:claim|suit))\b|\bin\s+the\s+(?:[A-Z][\w.&'-]*\s+){0,8}Court\b|起诉|诉讼|起訴|訴訟|向法院|人民法院/i,
  'credit-insurer-claim':
    /\b(?:credit[- ]insur(?:er|ance)|Sinosure|insurance claim|(?:our|the) insurer)\b|中国信保|中信保|信用保险|保险索赔|中國信保|信用保險|保险公司/i,
  'collection-agency':
    /\b(?:collection (?:agency|agencies|agent|firm|partner|specialist)s?|debt (?:collect(?:or|ion agency)|recovery (?:agency|firm|agent|specialist))s?|collections? (?:agent|firm)|recovery (?:agent|agency|firm)s?)\b|催收|追收|商账|商帳|追账|追数|追數|收账公司/i,
  'suspend-supply':
    /\b(?:(?:put|place)\s+(?:your|the)\s+account\s+on\s+(?:credit\s+)?(?:stop|hold)|(?:not|no\s+longer)\s+(?:ship|deliver|supply|release|dispatch|accept\s+(?:any\s+)?(?:new\s+|further\s+)?orders))\b|\b(?:suspend|stop|halt|hold|withhold|cease|interrupt)(?:s|ed|ing|ped|ping)?\b[^.。]{0,60}\b(?:supply|supplies|shipments?|deliveries|delivery|orders)\b|\b(?:supply|shipments?|deliveries|orders)\b[^.。]{0,30}\b(?:suspended|stopped|on hold|withheld)\b|[暂暫中]停[^，。；]{0,20}(?:供[货貨应應]|[发發][货貨]|交[货貨]|出[货貨]|接单)|停止(?:供[货貨]|[发發][货貨]|交[货貨]|出[货貨])|中断供[货貨]/i,
};

const COMMITMENT_WORDS =
  /\b(?:commit(?:ted|s|ment)?|promis(?:e|ed)|agreed to pay|will pay|undertook|undertakes?|agreed)\b|承诺|承諾|同意(?:于|在)?.{0,20}(?:支付|付款)|将于|保证于/i;
// What makes the debt due: goods delivered or a service performed (PRC Civil Code Arts. 598, 626: the seller delivers, the buyer pays)
const PERFORMANCE =
  /\b(?:deliver(?:ed|y|ies)|shipped|shipments?|dispatched|received|arrived|landed|signed for|took delivery|install(?:ed|ation)|commissioned|completed|performed|rendered|accepted|supplied|provided|passed (?:the |your |its )?(?:incoming |final |acceptance |quality )?(?:inspection|testing|tests)|inspected)\b|交付|交货|发货|發貨|收货|收貨|收到|到货|到貨|运抵|運抵|签收|簽收|验收|驗收|到港|提货|提貨|安装调试|供应|供應|供货|供貨|已提供|已完成/i;
// A request that the debtor confirm the summary: in writing, by reply, or by saying what is wrong
const CONFIRM_REQUEST = [
  /\b(?:confirm|acknowledge|countersign)\b[^.?!。]{0,80}\b(?:in writing|by (?:return|reply|(?:return |reply )?e-?mail|letter|post)|in (?:a |your )?reply|(?:this|the|our|these|above) (?:summary|record|notes?|points|details|dates|amounts|terms|arrangements?|figures|plan)|(?:is|are) (?:correct|accurate|right))\b/i,
  /\b(?:reply|respond|write back|e-?mail (?:me|us) back|send (?:me|us) a (?:short |brief )?(?:reply|e-?mail|note))\b[^.?!。]{0,80}\b(?:confirm(?:s|ing)?|on record|record|agree(?:s|ing)?|correct|accurate|acknowledg(?:e|ing))\b/i,
  /\b(?:let (?:me|us) know|tell (?:me|us)|inform (?:me|us))\b[^.?!。]{0,50}\b(?:wrong|incorrect|inaccurate|missing|differs?|disagree|not (?:correct|right|accurate))\b/i,
  /\bwritten (?:confirmation|acknowledg(?:e)?ment)\b|\bsign(?:ed)? and return\b/i,
  /[书書]面[确確][认認]|以[书書]面(?:形式)?(?:方式)?[确確][认認]|(?:回复|回覆|复函|覆函|回函|回信|邮件)(?:予以|进行)?[确確][认認]|[确確][认認](?:本|此|上述|以上)?(?:通[话話])?(?:[纪紀]要|摘要|[记記][录錄]|内容|事项)|请.{0,8}[确確][认認].{0,12}(?:无误|是否(?:准确|正确|无误)|内容)|如有(?:任何)?(?:出入|异议|異議|不符|错误|錯誤|遗漏|遺漏|不一致).{0,12}(?:告知|指出|联系|聯繫|回复|回覆|通知)|签字(?:盖章)?(?:后)?回传|盖章(?:后)?回传/u,
];
const DATE_PLACEHOLDER =
  /[X×x]{2,4}\s*年\s*[X×x]{1,2}\s*月\s*[X×x]{1,2}\s*日|\[(?:[A-Z ]*\s)?(?:DATE|DEADLINE)[^[\]]*\]|\{\{[^{}]*(?:date|deadline)[^{}]*\}\}|\b(?:DD|XX)[/.-](?:MM|XX)[/.-](?:YYYY|XXXX)\b|(?<!_)_{2,}\s*[/年]\s*_{2,}/i;
const PLAN_TITLE =
  /\b(?:repayment|payment|instal(?:l)?ment)\s+(?:plan|schedule|agreement|arrangement)\b|还款计划|付款计划|分期(?:付款|还款)|还款安排|付款安排/i;
const INVOICE_WORD = /\binvoices?\b|发票|發票/i;

export default defineRule({
  meta: {
    id: 'required-content',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'The text states what its kind and stage must say: amount, invoice, due date, deadline, next step',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Facts in the front matter are not enough: the debtor reads the text. A dunning letter must state the amount owed, at least one invoice reference and the original due date; from the second reminder on, the payment deadline as a calendar date (not "within 30 days"); a final demand or letter before action also the next step the creditor will take (arbitration, litigation, a credit-insurer claim, a collection agency, suspending supply), matching \`next_step\`. A call summary must state the amount, the invoices the facts list and the original due date (the payment terms and dates), why payment is due (what was delivered or performed), at least one commitment with its date, and ask the debtor to confirm the summary in writing — a written acknowledgement interrupts the limitation period (PRC Civil Code Art. 195, SPC Provisions on limitation Art. 14; see [docs/law.md](../law.md#limitation)).

Each missing item is one finding, reported at the first heading (or the last paragraph), naming the fact and its front-matter value. A missing amount is an error (the letter fails its purpose); the other gaps are warnings. A gap that another rule already explains is not reported again: a wrong figure (\`amount-matches-facts\`), a wrong, ambiguous or placeholder date (\`deadline-matches\`, \`ambiguous-date\`, \`no-placeholder\`). A repayment plan replaces the payment terms, so it need not repeat the original due date.

**Wrong** (\`stage: final-demand\`, \`next_step: arbitration\`)

> Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026. Please pay it as soon as possible.

**Right**

> Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026. Please pay by 4 December 2026; otherwise we will file for arbitration with CIETAC.

中文示例 —— 错误：

> 贵司第 HVW-2026-1187 号发票项下货款 18,400.00 美元已于 2026年10月15日到期，请尽快付款。

正确：

> 贵司第 HVW-2026-1187 号发票项下货款 18,400.00 美元已于 2026年10月15日到期。请于 2026年12月4日前付清，否则我司将向中国国际经济贸易仲裁委员会申请仲裁。`,
      zh: `前置信息中有事实还不够，债务人读的是正文。催款函正文必须写明：欠款金额、至少一个发票号、原定到期日；从第二次提醒函起，写明具体日期的付款期限（而不是“30天内”）；最后催告函和起诉（仲裁）前通知函还要写明债权人将采取的下一步措施（仲裁、诉讼、向信用保险人索赔、委托催收机构、暂停供货），并与 \`next_step\` 一致。通话纪要必须写明：金额、事实中列出的发票和原定到期日（付款条件和日期）、付款到期的依据（已交付的货物或已完成的服务）、至少一项带日期的还款承诺，并请债务人书面确认纪要——债务人的书面确认可以中断诉讼时效（《民法典》第一百九十五条，《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十四条）。参见 [docs/law.md](../../law.md#limitation)。

每缺一项报告一次，位置在第一个标题（或最后一段），并写明对应的事实及其值。缺少欠款金额是错误（函件失去了意义），其他缺漏是警告。已由其他规则说明的问题不再重复报告：金额写错（\`amount-matches-facts\`），日期写错、有歧义或仍是占位符（\`deadline-matches\`、\`ambiguous-date\`、\`no-placeholder\`）。还款计划取代了原付款条件，因此不必重复原定到期日。

**错误**（\`stage: final-demand\`，\`next_step: arbitration\`）

> 贵司第 HVW-2026-1187 号发票项下货款 18,400.00 美元已于2026年10月15日到期，请尽快付款。

**正确**

> 贵司第 HVW-2026-1187 号发票项下货款 18,400.00 美元已于2026年10月15日到期。请于2026年12月4日前付清，否则我司将向中国国际经济贸易仲裁委员会申请仲裁。`,
    },
  },
  check(context) {
    const { facts, blocks, amounts, dates, body, report } = context;
    if (facts.kind !== 'dunning-letter' && facts.kind !== 'call-summary') return;
    if (blocks.length === 0) return;
    const style = styleOf(facts);
    const heading = blocks.find((b) => b.type === 'heading');
    const at = heading ?? blocks[blocks.length - 1]!;
    const span = { start: at.start, end: Math.min(at.end, Math.max(at.start, body.end)) };
    // a letter without the amount owed fails its purpose (error); the other gaps are for a careful reviewer (warning)
    const missing = (message: Message, key: string, severity: 'warning' | 'info' = 'warning', where = span): void => {
      const fact = context.relatedFact(key);
      report({ ...where, message, ...(key === 'amount' ? {} : { severity }), ...(fact ? { related: [fact] } : {}) });
    };
    const prose = blocks.map((b) => b.text).join('\n');
    const mentionsDate = (iso: string | undefined): boolean => iso !== undefined && dates.some((d) => d.iso === iso);
    // one defect, one finding: a wrong deadline or due date in the text is the date rules' finding, not a missing one
    // (an ambiguous 04/12/2026 or a placeholder where the date belongs is ambiguous-date's or no-placeholder's finding)
    const statesRole = (role: 'due' | 'deadline'): boolean =>
      DATE_PLACEHOLDER.test(prose) ||
      dates.some((d) => {
        const block = d.iso || d.ambiguous ? blockAt(blocks, d.start) : undefined;
        if (!block) return false;
        const { before, after } = contextOf(block, d, 200);
        const found =
          dateRole(before, after, { ...(d.iso ? { iso: d.iso } : {}), ...(facts.date ? { letterDate: facts.date } : {}) }) ?? columnDateRole(blocks, block);
        return found === role && (role !== 'deadline' || !facts.date || !d.iso || d.iso > facts.date);
      });

    if (facts.amount !== undefined && facts.currency) {
      const minor = toMinor(facts.amount);
      const stated = amounts.some((a) => a.minor === minor && (inCurrency(a, facts.currency) || (a.form === 'daxie' && !a.currency)));
      // a wrong figure is amount-matches-facts' finding; the invoices listed with their amounts state the total too
      const invoices = (facts.invoices ?? []).map((i) => i.amount).filter((a): a is number => typeof a === 'number');
      const justified = new Set(caseAmounts(facts).map((c) => c.minor));
      const invoiced = invoices.reduce((sum, v) => sum + toMinor(v), 0);
      // (the text demands a figure the facts do not justify, or the invoices' total where \`amount\` disagrees with it: invoice-total's finding)
      const wrongFigure = amountRoles(context).some(
        (r) =>
          r.role === 'owed' &&
          r.claimed &&
          r.mention.form === 'figures' &&
          inCurrency(r.mention, facts.currency) &&
          (!justified.has(r.mention.minor) || (r.mention.minor === invoiced && invoiced !== minor)),
      );
      const itemised =
        invoices.length > 1 && invoices.every((v) => amounts.some((a) => a.minor === toMinor(v) && inCurrency(a, facts.currency))) && invoiced === minor;
      if (!stated && !wrongFigure && !itemised) {
        const written = moneyText(facts, facts.amount);
        const value = writtenValue(context, 'amount', facts.amount);
        missing(
          {
            en: `Missing the amount owed in the text, expected \`${written}\` (\`amount: ${value}\`)`,
            zh: `正文缺少欠款金额，应写明 \`${written}\`（\`amount: ${value}\`）`,
          },
          'amount',
        );
      }
    }

    const numbers = (facts.invoices ?? []).map((i) => i.number).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
    // a mistyped number (HVW-2026-1178 for HVW-2026-1187) is invoice-matches-facts' finding, not a missing reference
    const hasInvoice = numbers.length > 0 ? numbers.some((n) => prose.includes(n)) || mistypedInvoices(context).length > 0 : INVOICE_WORD.test(prose);
    // a call summary names the invoices when the facts list them; a dunning letter always needs one
    if (!hasInvoice && (facts.kind === 'dunning-letter' || numbers.length > 0)) {
      const list = numbers.length > 0 ? numbers.map((n) => `\`${n}\``).join(', ') : '';
      // Chinese letters often cite the contract rather than the invoice: the debt is identified, so it is advice
      const contract = facts.contract?.reference;
      missing(
        {
          en: `Missing an invoice reference in the text, expected ${list || 'the invoice number'}${list ? ' (`invoices`)' : ''}`,
          zh: `正文缺少发票编号，应写明${list || '发票编号'}${list ? '（`invoices`）' : ''}`,
        },
        'invoices',
        contract && prose.includes(contract) ? 'info' : 'warning',
      );
    }
    // a repayment plan replaces the payment terms: its dates are the instalments', not the original due date
    const plan = blocks.some((b) => (b.type === 'heading' || /^\s*\*\*/.test(b.text)) && PLAN_TITLE.test(b.text));
    if (facts.due_date && !plan && !mentionsDate(facts.due_date) && !statesRole('due')) {
      missing(
        {
          en: `Missing the original due date in the text, expected \`${formatDate(facts.due_date, 'en')}\` (\`due_date: ${facts.due_date}\`)`,
          zh: `正文缺少原付款到期日，应写明 \`${formatDate(facts.due_date, 'zh')}\`（\`due_date: ${facts.due_date}\`）`,
        },
        'due_date',
      );
    }
    if (facts.kind === 'dunning-letter') {
      const stage = facts.stage;
      if (facts.deadline && stage && stage !== 'reminder' && !mentionsDate(facts.deadline) && !statesRole('deadline')) {
        missing(
          {
            en: `Missing the payment deadline as a calendar date in the text, expected \`${formatDate(facts.deadline, style === 'zh' ? 'zh' : 'en')}\` (\`deadline: ${facts.deadline}\`)`,
            zh: `正文缺少具体的付款期限日期，应写明 \`${formatDate(facts.deadline, 'zh')}\`（\`deadline: ${facts.deadline}\`）`,
          },
          'deadline',
        );
      }
      if (stage === 'final-demand' || stage === 'letter-before-action') {
        // the text is evidence: without `next_step`, any lawful next step the letter states will do
        // ... in any words: the meaning layer's step classes ("proceed with a claim", "turn this account over for collection")
        const steps = statedSteps(prose);
        const stated = facts.next_step
          ? NEXT_STEP_WORDING[facts.next_step].test(prose) || steps.has(facts.next_step)
          : Object.values(NEXT_STEP_WORDING).some((wording) => wording.test(prose)) || steps.size > 0;
        if (!stated) {
          const named = facts.next_step ? ` (\`next_step: ${facts.next_step}\`)` : '';
          const namedZh = facts.next_step ? `（\`next_step: ${facts.next_step}\`）` : '（如仲裁、诉讼、信用保险索赔、委托催收或暂停供货）';
          missing(
            {
              en: `Missing the next step in the text, expected the letter to say what follows non-payment${named || ' (arbitration, litigation, a credit-insurer claim, a collection agency or suspending supply)'}`,
              zh: `正文缺少逾期不付的后续措施，应写明将采取的步骤${namedZh}`,
            },
            'next_step',
          );
        }
      }
    } else {
      const promised = (facts.commitments ?? []).map((c) => c.by).filter((d): d is string => typeof d === 'string');
      const hasCommitment =
        promised.length > 0
          ? promised.some(mentionsDate)
          : blocks.some((b) => COMMITMENT_WORDS.test(b.text) && dates.some((d) => d.iso && d.start >= b.start && d.end <= b.end));
      if (!hasCommitment) {
        const when = promised[0];
        // point at the promise the text does make without a date ("promised to pay early next month"), if any
        const vague = blocks.find((b) => COMMITMENT_WORDS.test(b.text));
        missing(
          {
            en: `Missing the debtor's commitment with its date in the text, expected ${when ? `\`${formatDate(when, 'en')}\` (\`commitments\`)` : 'what was promised and by when'}`,
            zh: `正文缺少债务人的付款承诺及日期，应写明${when ? ` \`${formatDate(when, 'zh')}\`（\`commitments\`）` : '承诺内容和日期'}`,
          },
          'commitments',
          'warning',
          vague ? { start: vague.start, end: vague.end } : span,
        );
      }
      if (!PERFORMANCE.test(prose)) {
        missing(
          {
            en: 'Missing why payment is due in the text, expected what was delivered or performed (e.g. "the valves delivered on 28 September 2026")',
            zh: '正文缺少付款到期的依据，应写明已交付的货物或已完成的服务（如“我司已于2026年9月28日交付货物”）',
          },
          'call',
        );
      }
      if (!CONFIRM_REQUEST.some((r) => r.test(prose))) {
        missing(
          {
            en: 'Missing a request that the debtor confirm this summary in writing, expected a sentence such as "Please confirm this summary in writing"',
            zh: '正文缺少请债务人书面确认本纪要的要求，应写明如“请书面确认本通话纪要”',
          },
          'call',
        );
      }
    }
  },
});
