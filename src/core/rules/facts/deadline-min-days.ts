import { daysBetween, formatDate } from '../../facts/format.js';
import { calendarFor, workingDaysBetween } from '../../law/calendar.js';
import { defineRule, ruleOptions } from '../../rule.js';
import { keySpan } from './support.js';

export default defineRule({
  meta: {
    id: 'deadline-min-days',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'A reminder gives the debtor at least a week to pay',
    languages: ['eng', 'cmn'],
    options: ruleOptions({
      days: { type: 'integer', minimum: 1, default: 7, description: 'Fewest days from the letter date to the deadline' },
      workingDays: {
        type: 'boolean',
        default: false,
        description: 'Count working days where the debtor is (PRC holidays and 调休, US federal holidays, else weekends) instead of calendar days',
      },
    }),
    docs: {
      en: `Reminders go out at about weekly intervals and grow firmer step by step. A \`reminder\` or \`second-reminder\` that leaves less than a week to pay reads as pressure the stage does not justify ("within 24 hours" belongs to no early letter: the FDCPA's list of false urgency, 15 U.S.C. §1692e, is the accepted baseline), and a debtor paying by international transfer may not manage it. The rule warns when the deadline is fewer than \`days\` (default 7) after the letter date. Final demands and letters before action are not checked. See [docs/law.md](../law.md#working-days-and-deadlines).

With \`workingDays: true\` the rule counts working days where the debtor is instead: PRC public holidays and 调休 working days, US federal holidays, weekends elsewhere. A letter of 30 September 2026 to a debtor in China with a deadline of 12 October leaves only 4 working days (the National Day break runs to 7 October; Saturday 10 October is worked). When a year in between has no published schedule in the data, only its weekends are counted, and the message says so.

**Wrong** (\`stage: second-reminder\`, \`date: 2026-11-20\`)

\`\`\`yaml
deadline: 2026-11-23
\`\`\`

**Right**

\`\`\`yaml
deadline: 2026-12-04
\`\`\`

中文：提醒函（\`reminder\`、\`second-reminder\`）的付款期限应至少在函件日期七天之后；例如函件日期为 2026年11月20日，期限写 2026年11月23日 过短，应写 2026年12月4日。`,
      zh: `催款函大约每周发一次，语气逐步加重。提醒函（\`reminder\`）或第二次提醒函（\`second-reminder\`）给债务人的付款时间不足一周，会显得施压过度，与所处阶段不符（早期函件不宜出现“24小时内”之类的措辞）；通过国际汇款付款的债务人也可能来不及办理。本规则在付款期限距函件日期少于 \`days\` 天（默认7天）时发出警告。最后催告函和起诉（仲裁）前通知函不检查。参见 [docs/law.md](../../law.md#working-days-and-deadlines)。

选项 \`workingDays: true\` 改为按债务人所在地的工作日计算：中国按国务院公布的放假安排（含调休上班日），美国按联邦法定假日，其他地区只扣除周末。例如2026年9月30日发函、10月12日截止，中间只有4个中国工作日（国庆、中秋连休至10月7日，10月10日星期六调休上班）。某一年的放假安排尚未收录时，该年只扣除周末，消息中会注明。

**错误**（\`stage: second-reminder\`，\`date: 2026-11-20\`）

\`\`\`yaml
deadline: 2026-11-23
\`\`\`

**正确**

\`\`\`yaml
deadline: 2026-12-04
\`\`\``,
    },
  },
  check(context) {
    const { facts, options, report } = context;
    if (facts.stage !== 'reminder' && facts.stage !== 'second-reminder') return;
    if (!facts.deadline || !facts.date) return;
    const days = typeof options.days === 'number' && options.days > 0 ? options.days : 7;
    const gap = daysBetween(facts.date, facts.deadline);
    if (!(gap > 0)) return;
    const span = keySpan(context, 'deadline');
    const dates = `${formatDate(facts.date, 'en')} → \`${facts.deadline}\``;
    const datesZh = `${formatDate(facts.date, 'zh')} → \`${facts.deadline}\``;
    if (options.workingDays === true) {
      const calendar = calendarFor(facts.debtor?.country);
      const { days: working, known } = workingDaysBetween(calendar, facts.date, facts.deadline);
      if (working >= days) return;
      const caveat = known
        ? { en: '', zh: '' }
        : {
            en: '; the holiday schedule of a year in between is not in the data, so only weekends were counted there',
            zh: '；其间某年的放假安排尚无数据，该年仅扣除了周末',
          };
      report({
        ...span,
        message: {
          en: `Unexpected deadline ${working} working day${working === 1 ? '' : 's'} after the letter date in ${calendar.where.en}, expected at least ${days} (${dates})${caveat.en}`,
          zh: `付款期限距函件日期仅 ${working} 个${calendar.where.zh}工作日，应至少 ${days} 个（${datesZh}）${caveat.zh}`,
        },
      });
      return;
    }
    if (gap >= days) return;
    report({
      ...span,
      message: {
        en: `Unexpected deadline ${gap} day${gap === 1 ? '' : 's'} after the letter date, expected at least ${days} (${dates})`,
        zh: `付款期限距函件日期仅 ${gap} 天，应至少 ${days} 天（${datesZh}）`,
      },
    });
  },
});
