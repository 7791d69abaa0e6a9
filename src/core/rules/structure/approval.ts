import { approvalDate, approvalState, APPROVAL_KEY, DEFAULT_APPROVAL_OPTIONS, type ApprovalReason } from '../../approval/index.js';
import type { RuleContext } from '../../rule.js';
import { defineRule, ruleOptions } from '../../rule.js';
import { STAGE_LABELS, STAGES } from '../../facts/schema.js';

/** What makes the letter need an approval, in words. */
function reasonWords(reason: ApprovalReason): { en: string; zh: string } {
  switch (reason.why) {
    case 'stage': {
      const label = (STAGE_LABELS as Record<string, readonly [string, string]>)[reason.stage];
      return { en: (label?.[0] ?? reason.stage).toLowerCase(), zh: label?.[1] ?? reason.stage };
    }
    case 'counsel':
      return { en: 'letter that names counsel', zh: '列明律师的函件' };
    case 'charges':
      return { en: 'letter that claims charges', zh: '主张额外费用的函件' };
    case 'always':
      return { en: 'letter', zh: '函件' };
  }
}

/** The fact that makes the letter need an approval. */
function reasonKey(reason: ApprovalReason): string | undefined {
  return reason.why === 'stage' ? 'stage' : reason.why === 'counsel' ? 'counsel' : reason.why === 'charges' ? 'charges' : undefined;
}

/** Where a finding about the letter's approval sits: the record, else the reason's own fact, else the front matter's first line. */
function anchor(context: RuleContext, key: string | undefined): { start: number; end: number } {
  const own = key ? context.key(key) : undefined;
  if (own && own.key.start < context.text.length) return own.key;
  const fm = context.frontMatter;
  if (fm) return { start: fm.span.start, end: Math.min(fm.span.start + 3, fm.span.end) };
  return { start: context.body.start, end: context.body.start };
}

export default defineRule({
  meta: {
    id: 'approval',
    category: 'structure',
    // a broken approval is an error; a missing one is information while the letter is a draft (its state, not a defect of
    // its wording: export refuses it) and a warning once the letter is marked sent (it went out unreviewed)
    defaultSeverity: 'error',
    description: 'A letter that needs a second reviewer has an approval, and has not changed since',
    languages: ['eng', 'cmn'],
    options: ruleOptions({
      stages: {
        type: 'array',
        items: { type: 'string', enum: [...STAGES] },
        uniqueItems: true,
        default: DEFAULT_APPROVAL_OPTIONS.stages,
        description: 'Dunning stages that need an approval before they are sent',
      },
      counsel: { type: 'boolean', default: true, description: 'A letter whose facts name counsel (`counsel:`) needs an approval' },
      charges: { type: 'boolean', default: true, description: 'A letter that claims charges (`charges:`) needs an approval' },
      always: { type: 'boolean', default: false, description: 'Every letter, call summary, plan or confirmation that goes to the debtor needs an approval' },
    }),
    docs: {
      en: `Legal teams work four-eyes: a letter before action, a letter that names counsel, or one that claims interest, fees or costs goes out only after a second person has read it. A reviewer approves a letter with **Dunmark: Approve Letter** or \`dunmark approve LETTER.md\`, which writes who approved it, when, and a digest of what they read into the letter's front matter:

\`\`\`yaml
approval:
  by: Dana Whitfield
  at: 2026-11-20T14:03:12-05:00
  digest: sha256:…
  paragraphs: 3f2a9b1c 77d0e4a2 …
  facts: { amount: 1a2b3c4d, … }
\`\`\`

The digest covers the body and every fact the letter uses, the facts it inherits from its case file included; it leaves out the case history (\`events\`, \`payments\`, \`disputes\`, \`closed\`, \`sent\`, \`notes\`) and the record itself. It is recomputed from the file every time, never trusted from the record. Reformatting that changes no word (line endings, trailing spaces, blank lines) keeps the approval; a changed word, figure or fact breaks it.

- A letter that needs an approval and has none is **information** while it is a draft (waiting for review is the letter's state, not a defect of its wording), and export refuses it like a letter with errors (\`--force\`, or "Export anyway"); once the letter is marked \`sent:\` without an approval it is a **warning**: it went out unreviewed.
- An approval whose digest no longer matches is an **error**: "changed since approved by NAME on DATE", with a related place at the first paragraph or fact that changed.
- A record Dunmark cannot read (no \`by\`, \`at\` or \`digest\`) is an **error**.

Options: \`stages\` (default \`["letter-before-action"]\`), \`counsel\` (default true), \`charges\` (default true), \`always\` (default false: every document that goes to the debtor).

**Why it matters.** A letter before action commits the sender to a legal step, and one that names a lawyer or claims charges makes statements a court may later read; a second reader catches the threat, the wrong figure or the unbacked fee before it goes. For collection agencies and law firms collecting in the US, a letter that implies it comes from an attorney must have had an attorney's real involvement (FDCPA, 15 U.S.C. §1692e(3); the "meaningful involvement" cases such as Clomon v. Jackson, 988 F.2d 1314 (2d Cir. 1993)), and lawyers answer for the letters their staff send (ABA Model Rules of Professional Conduct, Rules 5.1 and 5.3).

An approval is a record of review, not a signature: anyone who can edit the file can write one. Keep letters in version control if you need to know who wrote it. See [docs/approval.md](../approval.md).

**Wrong** (\`stage: letter-before-action\`, no \`approval:\`; or an approved letter whose amount was edited afterwards)

**Right**: a second person reads the letter and approves it; after any later change, they approve it again.`,
      zh: `法务团队讲究“四眼原则”：正式催告函（起诉或仲裁前通知）、列明律师的函件、主张利息或其他费用的函件，须经第二人审阅后方可发出。复核人用 **Dunmark: 批准函件**（Approve Letter）或 \`dunmark approve 函件.md\` 批准，Dunmark 会在函件的前置信息中记下批准人、批准时间和所批准内容的摘要值：

\`\`\`yaml
approval:
  by: 王律师
  at: 2026-11-20T14:03:12+08:00
  digest: sha256:…
\`\`\`

摘要值覆盖正文和函件所用的全部事实（包括从案件文件继承的事实），但不包括案件记录（\`events\`、\`payments\`、\`disputes\`、\`closed\`、\`sent\`、\`notes\`）和批准记录本身；每次都从文件重新计算，从不直接采信记录。只改格式（换行符、行尾空格、空行）不影响批准；改动任何一个字、数字或事实，批准即失效。

- 需要批准而没有批准的函件：起草阶段为**提示**（等待复核是函件的状态，而不是措辞的缺陷），导出时与有错误的函件同样处理（须 \`--force\` 或选择“仍然导出”）；已标记 \`sent:\`（已发出）却没有批准的：**警告**，说明函件未经复核就发出了。
- 批准后内容有改动：**错误**，“经某人于某日批准后有改动”，并指向第一处改动的段落或事实。
- 批准记录无法读取（缺少 \`by\`、\`at\` 或 \`digest\`）：**错误**。

选项：\`stages\`（默认 \`["letter-before-action"]\`）、\`counsel\`（默认 true）、\`charges\`（默认 true）、\`always\`（默认 false：凡发给债务人的文件都须批准）。

**为什么重要。** 正式催告函意味着发函方将采取法律步骤；列明律师或主张费用的函件，其中的陈述日后可能被法院审查。第二人审阅能在发出前发现威胁性措辞、错误数字或无依据的费用。在美国，催收机构或律所发出的函件如暗示出自律师，须有律师实际参与（美国《公平债务催收作业法》15 U.S.C. §1692e(3)；参见 Clomon v. Jackson, 988 F.2d 1314 (2d Cir. 1993) 等“实质参与”判例）；律师须对其助理发出的函件负责（美国律师协会《职业行为示范规则》第5.1条、第5.3条）。

批准只是审阅记录，不是签名：能编辑文件的人都能写入。参见 [docs/approval.md](../../approval.md)。`,
    },
  },
  check(context) {
    const fm = context.frontMatter;
    if (fm?.errors.length) return; // the front-matter rule says why; nothing here can be read
    const data = fm && typeof fm.data === 'object' && fm.data !== null && !Array.isArray(fm.data) ? (fm.data as Record<string, unknown>) : undefined;
    const recordAt = context.key(APPROVAL_KEY);
    // only the document's own record counts: a case file cannot approve the letters that inherit from it
    const own = recordAt !== undefined && recordAt.key.start < context.text.length;
    const state = approvalState(
      { text: context.text, body: context.body, data, facts: context.facts, record: own ? data?.[APPROVAL_KEY] : undefined },
      context.options,
    );
    const recordSpan = own ? recordAt.key : anchor(context, undefined);
    if (state.status === 'invalid') {
      context.report({
        ...recordSpan,
        severity: 'error',
        message: {
          en: `Unexpected ${state.problem}, expected \`by\`, \`at\` and \`digest\` as Approve Letter writes them`,
          zh: `批准记录无法读取（${state.problem}），应有“批准函件”写入的 \`by\`、\`at\` 和 \`digest\``,
        },
      });
      return;
    }
    if (state.status === 'changed') {
      const { record, change } = state;
      const date = approvalDate(record);
      const related: { start: number; end: number; message: { en: string; zh: string } }[] = [];
      const where: { en: string[]; zh: string[] } = { en: [], zh: [] };
      if (change.paragraph) {
        const line = context.position(change.paragraph.start).line;
        const past = change.paragraph.start >= context.text.length;
        related.push({
          start: change.paragraph.start,
          end: change.paragraph.end,
          message: past ? { en: 'paragraphs removed here', zh: '此处删去了段落' } : { en: 'changed since approval', zh: '批准后改动的段落' },
        });
        where.en.push(past ? 'paragraphs removed at the end' : `the paragraph on line ${line}`);
        where.zh.push(past ? '末尾删去了段落' : `第 ${line} 行的段落`);
      }
      if (change.fact) {
        const fact = context.relatedFact(change.fact.key);
        if (fact && !change.fact.removed)
          related.push({ ...fact, message: { en: `the fact \`${change.fact.key}\`, changed since approval`, zh: `批准后改动的事实 \`${change.fact.key}\`` } });
        where.en.push(change.fact.removed ? `the fact \`${change.fact.key}\`, removed` : `the fact \`${change.fact.key}\``);
        where.zh.push(change.fact.removed ? `删去的事实 \`${change.fact.key}\`` : `事实 \`${change.fact.key}\``);
      }
      const en = where.en.length ? ` (${where.en.join('; ')})` : '';
      const zh = where.zh.length ? `（${where.zh.join('；')}）` : '';
      context.report({
        ...recordSpan,
        severity: 'error',
        message: {
          en: `Unexpected change since approved by ${record.by} on ${date}${en}, expected a reviewer to approve it again before it is sent`,
          zh: `经 ${record.by} 于 ${date} 批准后内容有改动${zh}，发出前应由复核人重新批准`,
        },
        ...(related.length ? { related } : {}),
      });
      return;
    }
    if (state.status === 'waiting') {
      const reason = state.reasons[0]!;
      const key = reasonKey(reason);
      const words = reasonWords(reason);
      const fact = key ? context.relatedFact(key) : undefined;
      const span = anchor(context, key);
      context.report({
        ...span,
        severity: context.key('sent') ? 'warning' : 'info',
        message: {
          en: `Unexpected ${words.en} without a reviewer's approval, expected a second person to read and approve it (Approve Letter, \`dunmark approve\`) before it is sent`,
          zh: `${words.zh}尚未经复核人批准，发出前应由第二人审阅并批准（“批准函件”或 \`dunmark approve\`）`,
        },
        ...(fact && fact.start >= context.text.length ? { related: [{ ...fact, message: { en: `the fact \`${key}\``, zh: `事实 \`${key}\`` } }] } : {}),
      });
    }
  },
});
