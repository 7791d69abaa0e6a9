// Running rules over a parsed document: each rule's setting, the messages' language, where each
// report lands (the document or one of its case files), disable comments, sorted findings.
import { CaseLayout } from './cases/layout.js';
import { readSuppressions } from './disable.js';
import { isoToday, type Facts } from './facts/facts.js';
import type { KeyLocation } from './front-matter.js';
import type { ParsedDocument } from './document.js';
import { isChineseLocale } from './language/where.js';
import type { Message, Report, Rule, RuleContext } from './rule.js';
import { SEVERITIES, type Category, type DunmarkConfig, type Finding, type Fix, type RelatedLocation, type Severity, type SeveritySetting } from './types.js';

/** The severity and options configuration gives a rule, or `off`. */
export function ruleSettings(rule: Rule, config: DunmarkConfig | undefined): { severity: SeveritySetting; options: Record<string, unknown> } {
  const setting = config?.rules?.[rule.meta.id];
  let severity: SeveritySetting = config?.categories?.[rule.meta.category] ?? rule.meta.defaultSeverity;
  let options: Record<string, unknown> = {};
  if (typeof setting === 'string') severity = setting;
  else if (Array.isArray(setting)) {
    severity = setting[0];
    options = setting[1] ?? {};
  }
  return { severity, options };
}

/** Which language rule messages are written in for this document. */
export function messageLanguage(facts: Facts, config: DunmarkConfig | undefined): 'en' | 'zh' {
  const setting = config?.messageLanguage ?? 'auto';
  if (setting !== 'auto') return setting;
  return isChineseLocale(facts.language) ? 'zh' : 'en';
}

function pickMessage(message: Message, lang: 'en' | 'zh'): string {
  return typeof message === 'string' ? message : message[lang];
}

/** The findings of the case files' YAML problems: in the case file, as the front-matter rule words them. */
function caseFileErrors(layout: CaseLayout, rule: Rule | undefined, config: DunmarkConfig | undefined, lang: 'en' | 'zh'): Finding[] {
  if (!rule) return [];
  const { severity } = ruleSettings(rule, config);
  if (severity === 'off') return [];
  return layout.facts.files.flatMap((file) =>
    file.errors.map((error): Finding => {
      const a = file.lines.position(error.span.start);
      const b = file.lines.position(error.span.end);
      return {
        ruleId: rule.meta.id,
        category: rule.meta.category,
        severity,
        file: file.name,
        message: lang === 'zh' ? `案件文件 YAML 有误：${error.message}` : `Unexpected YAML in the case file: ${error.message}`,
        line: a.line,
        column: a.column,
        endLine: b.line,
        endColumn: b.column,
        span: { ...error.span },
        fixes: [],
      };
    }),
  );
}

/** Runs `rules` over a parsed document. Never throws: a failing rule becomes a finding. */
export function runRules(doc: ParsedDocument, rules: readonly Rule[], config?: DunmarkConfig): Finding[] {
  const findings: Finding[] = [];
  const today = config?.today ?? isoToday();
  const vocabulary = { accept: config?.vocabulary?.accept ?? [], reject: config?.vocabulary?.reject ?? [] };
  const lang = messageLanguage(doc.facts, config);
  const suppressions = readSuppressions(doc.text, doc.tree, doc.lines);
  const textLength = doc.text.length;
  const layout = doc.inherited?.files.length ? new CaseLayout(textLength, doc.inherited) : undefined;
  // where an offset a rule reported is: the document, or (past its end) one of its case files
  const place = (
    start: number,
    end: number,
  ): { span: { start: number; end: number }; line: number; column: number; endLine: number; endColumn: number; file?: string } => {
    const inCase = layout && Number.isFinite(start) && start > textLength ? layout.locate(Math.trunc(start)) : undefined;
    if (inCase && layout) {
      const file = layout.facts.files[inCase.file]!;
      const to = layout.locate(Math.trunc(end));
      const e = to && to.file === inCase.file ? Math.max(inCase.offset, to.offset) : inCase.offset;
      const a = file.lines.position(inCase.offset);
      const b = file.lines.position(e);
      return { span: { start: inCase.offset, end: e }, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, file: file.name };
    }
    const s = clampOffset(start, textLength);
    const e = Math.max(s, clampOffset(end, textLength));
    const a = doc.lines.position(s);
    const b = doc.lines.position(e);
    return { span: { start: s, end: e }, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  // a fix edits one file: the document's edits stay, a case file's are moved into it; a fix that mixes the two is dropped
  const placeFixes = (fixes: Fix[] | undefined, file: string | undefined): Fix[] => {
    if (!layout || !fixes?.length) return fixes ?? [];
    const out: Fix[] = [];
    for (const fix of fixes) {
      const edits = fix.edits.map((e) => {
        const at = place(e.start, e.end);
        return at.file === file ? { start: at.span.start, end: at.span.end, text: e.text } : undefined;
      });
      if (edits.every((e) => e !== undefined)) out.push({ ...fix, edits });
    }
    return out;
  };
  const key = (path: string): KeyLocation | undefined => doc.frontMatter?.keys.get(path) ?? layout?.key(path);
  // the rules see the facts the document inherits as part of its front matter
  const frontMatter = doc.frontMatter && doc.inherited && doc.data ? { ...doc.frontMatter, data: doc.data } : doc.frontMatter;
  for (const rule of rules) {
    const { severity, options } = ruleSettings(rule, config);
    if (severity === 'off') continue;
    const push = (r: Report, category: Category, sev: Severity): void => {
      const at = place(r.start, r.end);
      if (!at.file && suppressions.isSuppressed(rule.meta.id, at.line)) return;
      const related = r.related?.map((p): RelatedLocation => {
        const where = place(p.start, p.end);
        return { ...where, message: pickMessage(p.message, lang) };
      });
      findings.push({
        ruleId: rule.meta.id,
        category,
        severity: sev,
        message: pickMessage(r.message, lang),
        ...at,
        fixes: placeFixes(
          r.fixes?.map((f) => ({ ...f, title: pickMessage(f.title, lang) })),
          at.file,
        ),
        ...(related?.length ? { related } : {}),
      });
    };
    const context: RuleContext = {
      text: doc.text,
      tree: doc.tree,
      frontMatter,
      facts: doc.facts,
      factProblems: doc.factProblems,
      body: doc.body,
      blocks: doc.blocks,
      // read on first use: a run whose enabled rules need no amounts or dates never reads them
      get amounts() {
        return doc.amounts;
      },
      get dates() {
        return doc.dates;
      },
      options,
      today,
      vocabulary,
      key,
      sourceAt: (span) => (layout && span.start > textLength ? layout.slice(span) : doc.text.slice(span.start, span.end)),
      relatedFact: (path) => {
        const location = key(path);
        if (!location) return undefined;
        const span = location.value.end > location.value.start ? location.value : location.key;
        return { ...span, message: { en: `the front-matter fact \`${path}\``, zh: `前置信息中的 \`${path}\`` } };
      },
      position: (offset) => doc.lines.position(offset),
      report: (r) => push(r, rule.meta.category, r.severity ? leastSerious(severity, r.severity) : severity),
    };
    try {
      rule.check(context);
    } catch (error) {
      push(
        {
          start: doc.body.start,
          end: doc.body.start,
          message: `Unexpected failure of this rule (${String((error as Error)?.message ?? error).split('\n')[0]}), expected it to finish; please report it`,
        },
        rule.meta.category,
        'warning',
      );
    }
  }
  if (layout)
    findings.push(
      ...caseFileErrors(
        layout,
        rules.find((r) => r.meta.id === 'front-matter'),
        config,
        lang,
      ),
    );
  return sortFindings(findings);
}

/** The less serious of two severities. */
function leastSerious(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function clampOffset(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), max) : 0;
}

/** Sorts findings by file (the document's own first, then its case files), position, then rule id, so the same input always gives the same output. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0) ||
      a.span.start - b.span.start ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      a.span.end - b.span.end ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
