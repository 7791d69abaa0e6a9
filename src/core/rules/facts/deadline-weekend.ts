import { formatDate, formatDateLike, weekday } from '../../facts/format.js';
import { calendarFor, nextWorkingDay, type Calendar, type DayInfo } from '../../law/calendar.js';
import { weekdayEdit } from '../../law/weekday-words.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { TextEdit } from '../../types.js';
import { keySpan } from './support.js';

const DAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Why the deadline is not a working day, in English and Chinese. */
function why(info: DayInfo, calendar: Calendar): { en: string; zh: string } {
  const day = weekday(info.iso);
  if (info.reason === 'holiday' && info.name && info.computed) {
    // a year without the published schedule: the holiday is computed from the holiday rules
    return { en: `${info.name.en}, likely a public holiday in ${calendar.where.en}`, zh: `${calendar.where.zh}很可能放假的日子（${info.name.zh}）` };
  }
  if (info.reason === 'holiday' && info.name) {
    return { en: `${info.name.en}, a public holiday in ${calendar.where.en}`, zh: `${calendar.where.zh}的法定节假日（${info.name.zh}）` };
  }
  return { en: `a ${DAY_EN[day]}`, zh: DAY_ZH[day]! };
}

/** What the message says when the calendar has no published schedule for the year. */
function unpublished(info: DayInfo, calendar: Calendar): { en: string; zh: string } {
  if (info.known || !calendar.years) return { en: '', zh: '' };
  const year = info.iso.slice(0, 4);
  return {
    en: `; the official ${year} schedule is not yet in Dunmark's data (${calendar.data ?? ''} covers ${calendar.years.first}–${calendar.years.last}), so the holidays were computed from the holiday rules and the weekends worked in exchange (调休) are not known`,
    zh: `；Dunmark 的数据中尚无${calendar.where.zh}${year}年的官方放假安排（${calendar.data ?? ''} 收录${calendar.years.first}—${calendar.years.last}年），节假日系按《全国年节及纪念日放假办法》推算，调休上班日尚不可知`,
  };
}

/** Edits that move every mention of the deadline (and a weekday written beside it) to `next`. */
function moveEdits(context: RuleContext, deadline: string, next: string): TextEdit[] {
  const span = keySpan(context, 'deadline');
  const edits: TextEdit[] = [{ start: span.start, end: span.end, text: next }];
  for (const mention of context.dates) {
    if (mention.iso !== deadline) continue;
    edits.push({ start: mention.start, end: mention.end, text: formatDateLike(next, mention.raw) });
    const renamed = weekdayEdit(context.text, mention.start, mention.end, weekday(next));
    if (renamed) edits.push(renamed);
  }
  return edits;
}

export default defineRule({
  meta: {
    id: 'deadline-weekend',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'The payment deadline falls on a working day where the debtor is: no weekend, public holiday or 调休 rest day',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `A payment deadline is a date the debtor can act on where it is. Banks do not make transfers on a day they are closed, so a deadline on a weekend or a public holiday there invites the argument that the debtor had until the next working day, and blurs when the next step may follow.

The rule reads the calendar of the debtor's country (\`debtor.country\`), and then that of the creditor's (\`creditor.country\`): a deadline on a public holiday where the payment is to be credited (Christmas Day for a US creditor) is reported too, because the money cannot reach the account that day. The debtor's calendar:

- **China**: the State Council's yearly holiday schedule, 调休 included — a weekday inside a holiday break is not a working day, and a Saturday or Sunday the schedule makes a working day is one. In 2026 Spring Festival runs 15–23 February with Saturdays 14 and 28 February worked, and National Day with Mid-Autumn 1–7 October with Saturday 10 October worked. The data comes from the \`chinese-days\` package. For a year it does not hold yet, the holidays are computed from the national holiday rules (全国年节及纪念日放假办法, Art. 2): New Year's Day, Spring Festival (New Year's Eve and the first three days of the lunar year), Qingming, 1–2 May, Dragon Boat, Mid-Autumn and 1–3 October, with the rest of the Spring Festival and National Day weeks as likely holidays; the message says the day is likely a public holiday and that the official schedule is not yet in the data (the weekends worked in exchange, 调休, wait for the State Council's notice).
- **United States**: the federal holidays of 5 U.S.C. §6103, observed on the Friday before or the Monday after when they fall on a weekend.
- **Anywhere else**: Saturdays and Sundays.

The fix moves the deadline to the next working day there, in the front matter and in every place the text writes it (in the same form), renaming a weekday written beside the date (\`Saturday, 5 December 2026\`). It is a suggestion in the editor, never applied by \`--fix\`: the deadline is a claim of the letter, and the creditor may prefer the working day before it. The sources are in [docs/law.md](../law.md#working-days-and-deadlines).

**Wrong** (a debtor in China)

> Please pay USD 18,400.00 by 5 October 2026.

**Right**

> Please pay USD 18,400.00 by 8 October 2026.

中文示例 —— 错误：

> 请于2026年10月5日（星期一）前付清。

正确：

> 请于2026年10月8日（星期四）前付清。`,
      zh: `付款期限应当是债务人所在地的工作日。银行不营业的日子无法完成汇款；期限落在周末或法定节假日，债务人就可以主张期限顺延到下一个工作日，下一步措施从哪天起可以采取也随之模糊。

另外，本规则还会查看债权人所在国（\`creditor.country\`）的日历：付款期限落在收款地的法定节假日（例如美国债权人的圣诞节），款项当日无法入账，同样报告。

本规则按债务人所在国家（\`debtor.country\`）检查：

- **中国**：国务院办公厅每年公布的节假日安排，包括调休——放假期间的工作日不是工作日，调休上班的星期六、星期日是工作日。例如2026年春节2月15日至23日放假，2月14日（星期六）和2月28日（星期六）上班；国庆节、中秋节10月1日至7日放假，10月10日（星期六）上班。数据来自 \`chinese-days\` 数据包。某一年的安排尚未收录时，按《全国年节及纪念日放假办法》第二条推算当年的节假日：元旦、春节（农历除夕至正月初三）、清明节、5月1日至2日、端午节、中秋节和10月1日至3日，春节和国庆节所在一周的其余日子视为很可能放假；消息会说明该日很可能放假、官方安排尚未收录（调休上班日须待国务院通知）。
- **美国**：联邦法定假日（5 U.S.C. §6103；逢星期六提前到星期五、逢星期日顺延到星期一）。
- **其他地区**：只检查星期六、星期日。

修复把付款期限顺延到下一个工作日，同时修改前置信息和正文中每一处写法相同的期限，以及紧挨着日期写的星期（“2026年12月5日（星期六）”）。修复只作为编辑器中的建议，\`--fix\` 不会自动应用：付款期限是函件的主张之一，债权人也可能更愿意提前到前一个工作日。参见 [docs/law.md](../../law.md#working-days-and-deadlines)。

**错误**（债务人在中国）

> 请于2026年10月5日（星期一）前付清。

**正确**

> 请于2026年10月8日（星期四）前付清。`,
    },
  },
  check(context) {
    const { facts, report } = context;
    const deadline = facts.deadline;
    if (!deadline) return;
    const calendar = calendarFor(facts.debtor?.country);
    const info = calendar.day(deadline);
    if (info.working) {
      // payment "reaches our account" through the creditor's bank: a public holiday there moves the credit a day
      const home = calendarFor(facts.creditor?.country);
      const there = home.day(deadline);
      if (facts.creditor?.country && facts.creditor.country !== facts.debtor?.country && !there.working && there.reason === 'holiday' && there.name) {
        const next = nextWorkingDay(home, deadline);
        const nextDay = weekday(next.iso);
        report({
          ...keySpan(context, 'deadline'),
          message: {
            en: `Unexpected deadline on ${there.name.en} (\`${deadline}\`), a public holiday in ${home.where.en} where the payment is to be credited, expected a day the creditor's bank is open, such as ${DAY_EN[nextDay]} ${formatDate(next.iso, 'en')}`,
            zh: `付款期限 \`${deadline}\` 是收款地${home.where.zh}的法定节假日（${there.name.zh}），款项当日无法入账，应改为银行营业日，例如 ${formatDate(next.iso, 'zh')}（${DAY_ZH[nextDay]}）`,
          },
          fixes: [
            {
              title: { en: `Move the deadline to ${DAY_EN[nextDay]} ${formatDate(next.iso, 'en')}`, zh: `将付款期限改为${formatDate(next.iso, 'zh')}` },
              edits: moveEdits(context, deadline, next.iso),
            },
          ],
        });
      }
      return;
    }
    const next = nextWorkingDay(calendar, deadline);
    const reason = why(info, calendar);
    const caveat = unpublished(next.known ? info : next, calendar);
    const nextDay = weekday(next.iso);
    const adjusted = next.reason === 'adjusted-working-day';
    const span = keySpan(context, 'deadline');
    report({
      ...span,
      message: {
        en: `Unexpected deadline on ${reason.en} (\`${deadline}\`), expected a working day such as ${DAY_EN[nextDay]} ${formatDate(next.iso, 'en')}${adjusted ? ' (a working day under the holiday schedule)' : ''}${caveat.en}`,
        zh: `付款期限 \`${deadline}\` 是${reason.zh}，应为工作日，例如 ${formatDate(next.iso, 'zh')}（${DAY_ZH[nextDay]}${adjusted ? '，调休上班日' : ''}）${caveat.zh}`,
      },
      fixes: [
        {
          title: { en: `Move the deadline to ${DAY_EN[nextDay]} ${formatDate(next.iso, 'en')}`, zh: `将付款期限改为${formatDate(next.iso, 'zh')}` },
          // A suggestion, never applied by --fix: the deadline is a claim of the letter, written in the facts and in the
          // text, and the creditor may prefer the working day before it.
          edits: moveEdits(context, deadline, next.iso),
        },
      ],
    });
  },
});
