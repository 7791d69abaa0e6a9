import { formatDate } from '../../facts/format.js';
import { dispatchInText } from '../../law/dispatch.js';
import { daysToBar, limitationOf } from '../../law/limitation.js';
import { defineRule, ruleOptions, type RuleContext } from '../../rule.js';
import type { Fix } from '../../types.js';
import { closingFence, keySpan } from '../facts/support.js';

const STAGES = new Set(['final-demand', 'letter-before-action']);

/** A YAML scalar for a fact value taken from elsewhere in the facts (quoted when YAML would misread it). */
function scalar(value: string): string {
  return /^[\w\u4e00-\u9fff][^:#\n]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

/** Suggestions that add `dispatch`, each with a method the user picks and an address the facts already hold; never a blank. */
function deliveryFixes(context: RuleContext): Fix[] {
  const { facts } = context;
  const fence = closingFence(context);
  const address = facts.contract?.notice_address ?? facts.debtor?.address;
  const email = facts.contract?.notice_email;
  const add = (title: string, lines: string[]): Fix => ({
    title,
    edits: [{ start: fence.start, end: fence.start, text: `dispatch:\n${lines.map((l) => `  ${l}\n`).join('')}` }],
  });
  const fixes: Fix[] = [];
  for (const method of ['courier', 'registered-mail'] as const) {
    const name = method === 'courier' ? 'courier' : 'registered mail';
    fixes.push(
      address
        ? add(`Record delivery by ${name} to ${address}`, [`method: ${method}`, `to: ${scalar(address)}`])
        : add(`Record delivery by ${name} (then add \`to\` and \`tracking\`)`, [`method: ${method}`]),
    );
  }
  if (email) fixes.push(add(`Record delivery by e-mail to ${email}`, ['method: email', `to: ${scalar(email)}`]));
  return fixes;
}

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`yaml
stage: final-demand
\`\`\``;
const EXAMPLE_2 = `\`\`\`yaml
stage: final-demand
dispatch:
  method: courier
  to: 浙江省宁波市北仑区新碶街道明州路88号
  tracking: SF1403528876511
\`\`\``;

export default defineRule({
  meta: {
    id: 'delivery-proof',
    category: 'law',
    defaultSeverity: 'warning',
    description: 'A final demand to a debtor in China records how it is delivered, so that its arrival can be proven',
    languages: ['eng', 'cmn'],
    fixable: true,
    options: ruleOptions({
      warnDays: {
        type: 'integer',
        minimum: 0,
        default: 180,
        description: 'A missing dispatch record is a warning when the letter is dated this many days or fewer before the limitation bar',
      },
      noticeDays: {
        type: 'integer',
        minimum: 0,
        default: 365,
        description: 'A missing dispatch record is drafting advice (info) when the letter is dated this many days or fewer before the bar',
      },
    }),
    docs: {
      en: `A final demand or letter before action to a debtor in China records how it goes out: \`dispatch: { method, to, tracking, delivered }\`, with \`method\` one of \`courier\`, \`registered-mail\`, \`email\` or \`hand\`, \`to\` the address or e-mail address, \`tracking\` the tracking or registration number or message id, and \`delivered\` the date it arrived. (\`delivery\` remains the sentence saying what was delivered under the contract, as the templates use it.)

**Why it matters.** A demand interrupts the PRC limitation period only when it reaches the debtor (Civil Code Art. 195; SPC Provisions on limitation Art. 8: a letter, courier item or data message counts when it arrives or should have arrived), and the creditor has to prove that it did. Keep the courier's or the post office's proof of delivery, or the signed receipt of a letter handed over; send e-mail to the address the debtor designated, since a data message takes effect when it enters the designated system (Civil Code Art. 137) — a notice address in the contract is the safest. See [docs/law.md](../law.md#proof-of-delivery).

The rule speaks when it matters for limitation: a missing record is a warning when the letter is dated within 180 days of the limitation bar (option \`warnDays\`), advice (info) within 365 days (\`noticeDays\`), and nothing earlier; nor when the text itself says how the letter goes out ("by courier", "以特快专递寄送"). An e-mail to an address that is not the contract's notice address (\`contract.notice_email\`), or with none on record, is advice.

The fix adds the key and never invents a value: it offers courier or registered mail (with the contract's notice address or the debtor's address as \`to\` when the facts hold one) and e-mail (when the facts hold the contract's notice e-mail); the tracking number is added once the letter is sent.

**Wrong** (a debtor in China, due 30 June 2023, letter of 20 May 2026)

${EXAMPLE_1}

**Right**

${EXAMPLE_2}`,
      zh: `向中国境内债务人发出最后催告函（\`final-demand\`）或起诉（仲裁）前通知函（\`letter-before-action\`）时，前置信息应记录送达方式：\`dispatch: { method, to, tracking, delivered }\`，其中 \`method\` 为 \`courier\`（快递）、\`registered-mail\`（挂号信）、\`email\`（电子邮件）或 \`hand\`（专人送达），\`to\` 为收件地址或邮箱，\`tracking\` 为快递单号、挂号号码或邮件编号，\`delivered\` 为送达日期。（\`delivery\` 仍用于写明合同项下货物已交付的情况，模板一直这样使用。）

**为什么重要**：催收只有在到达债务人时才能中断诉讼时效（《民法典》第一百九十五条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第八条：以信件、快递或数据电文主张权利的，到达或者应当到达对方时中断），而到达需要债权人举证。请保留快递或邮政的签收记录、当面送达的签收回执；电子邮件应发送至对方指定的邮箱——数据电文进入对方指定的系统时生效（《民法典》第一百三十七条），合同约定的通知地址最为稳妥。参见 [docs/law.md](../../law.md#proof-of-delivery)。

本规则在时效临近时提醒：函件日期距诉讼时效届满180天以内（选项 \`warnDays\`）而未记录送达方式为警告，365天以内（\`noticeDays\`）为提示；时效还很远时不报告，正文已写明送达方式（“以特快专递寄送”“by courier”）时也不报告。通过电子邮件送达、而收件邮箱不是合同约定的通知邮箱（\`contract.notice_email\`）或未记录该邮箱时，给出提示。

修复只增加键，不编造内容：可选择快递、挂号信（事实中有合同通知地址或债务人地址时一并填入 \`to\`）或电子邮件（事实中有合同通知邮箱时）；快递单号等到寄出后再填写。

**错误**（债务人在中国，到期日为2023年6月30日，函件日期为2026年5月20日）

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { facts, report, options } = context;
    if (facts.kind !== 'dunning-letter' || !facts.stage || !STAGES.has(facts.stage) || facts.debtor?.country !== 'CN') return;
    const dispatch = facts.dispatch;
    if (dispatch === undefined) {
      // A `dispatch` of the wrong type is fact-types' finding, not a missing record.
      if (context.key('dispatch')) return;
      if (dispatchInText(context.blocks)) return;
      if (!facts.date) return;
      const lim = limitationOf(facts);
      if (!lim || lim.pendingProceeding) return;
      const warnDays = typeof options.warnDays === 'number' && options.warnDays >= 0 ? options.warnDays : 180;
      const noticeDays = Math.max(typeof options.noticeDays === 'number' && options.noticeDays >= 0 ? options.noticeDays : 365, warnDays);
      const left = daysToBar(lim, facts.date);
      // Proof of arrival is what lets this demand restart the limitation period: it matters as the bar comes near.
      // After the bar a demand restarts nothing, and the limitation rule says so.
      if (left > noticeDays || left < 0) return;
      const urgent = left <= warnDays;
      const bar = { en: formatDate(lim.bar, 'en'), zh: formatDate(lim.bar, 'zh') };
      const why = {
        en: `: the claim is time-barred after ${bar.en} unless a demand that reached the debtor restarts the period`,
        zh: `：除非有送达债务人的催收使时效重新计算，债权将于${bar.zh}后超过诉讼时效`,
      };
      report({
        ...closingFence(context),
        severity: !urgent ? 'info' : undefined,
        message: {
          en: `Unexpected final demand with no record of how it is delivered, expected \`dispatch: { method, to, tracking }\` (courier, registered mail, e-mail or by hand) so that its arrival can be proven${why.en}`,
          zh: `最后催告函未记录送达方式，应填写 \`dispatch: { method, to, tracking }\`（快递、挂号信、电子邮件或专人送达），以便证明本函已送达${why.zh}`,
        },
        fixes: deliveryFixes(context),
      });
      return;
    }
    if (dispatch.method !== 'email' || !dispatch.to) return;
    const contractEmail = facts.contract?.notice_email;
    if (contractEmail && contractEmail.trim().toLowerCase() === dispatch.to.trim().toLowerCase()) return;
    const span = keySpan(context, 'dispatch.to');
    report({
      ...span,
      severity: 'info',
      message: contractEmail
        ? {
            en: `Unexpected e-mail to \`${dispatch.to}\`, expected the address the contract names for notices (\`${contractEmail}\`): an e-mail proves arrival when it reaches the designated address`,
            zh: `电子邮件发送至 \`${dispatch.to}\`，应发送至合同约定的通知地址（\`${contractEmail}\`）：发送至指定地址的电子邮件才便于证明已送达`,
          }
        : {
            en: `Unexpected e-mail to \`${dispatch.to}\` with no notice address of the contract on record, expected \`contract.notice_email\` to confirm it, or delivery by courier as well`,
            zh: `电子邮件发送至 \`${dispatch.to}\`，但未记录合同约定的通知邮箱，应填写 \`contract.notice_email\` 加以核对，或同时以快递方式送达`,
          },
    });
  },
});
