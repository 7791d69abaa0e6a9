/** Which templates fit a drafting command, and what of a rendering goes into an open letter. */
import { CLAUSES, documentLabel, languageLabel, STAGES } from '../facts/schema.js';
import { splitFrontMatter, stripFrontMatter } from '../front-matter.js';
import type { Template } from '../templates/types.js';
import { isObject } from './facts.js';

/**
 * The templates split by the language the facts declare: those in it first, then every other one.
 * The language is a filter, not a wall: a Chinese letter's case may need an English call sheet or a
 * bilingual demand, so a picker shows the letter's language first and the others after it. No
 * language declared (or none in it): all of them in `inLanguage`.
 */
export function inLanguageOf(templates: readonly Template[], facts: Record<string, unknown>): { inLanguage: Template[]; others: Template[] } {
  const language = typeof facts.language === 'string' ? facts.language : undefined;
  const same = language ? templates.filter((t) => t.language === language) : [];
  if (same.length === 0) return { inLanguage: [...templates], others: [] };
  return { inLanguage: same, others: templates.filter((t) => t.language !== language) };
}

/** The institution an arbitration clause should name: the one given, else the contract's. */
export function arbitrationInstitution(facts: Record<string, unknown>, given?: string): string | undefined {
  if (given) return given;
  const contract = isObject(facts.contract) ? facts.contract : {};
  return typeof contract.arbitration === 'string' ? contract.arbitration : undefined;
}

/** Clause templates of a clause type, and of the institution when one is named (by id or title). */
export function clauseTemplates(templates: readonly Template[], clause: string, institution?: string): Template[] {
  const wanted = institution?.toLowerCase();
  return templates.filter(
    (t) => t.kind === 'clause' && t.clause === clause && (!wanted || t.id.toLowerCase().includes(wanted) || t.title.toLowerCase().includes(wanted)),
  );
}

/** Strips the front matter from a rendered document, and the blank lines after it: a clause inserted into a letter that has its own. */
export function bodyOf(rendered: string): string {
  return stripFrontMatter(rendered);
}

const LANGUAGE_ORDER = ['en', 'zh-CN', 'en+zh-CN', 'zh-TW', 'zh-HK'];
const KIND_ORDER = ['dunning-letter', 'call-preparation', 'call-summary', 'repayment-plan', 'clause'];

function rank(list: readonly string[], value: string | undefined): number {
  const i = value === undefined ? -1 : list.indexOf(value);
  return i === -1 ? list.length : i;
}

/** Templates in the order of a case: dunning letters by stage, then call sheets, plans and clauses; each in English, Chinese, bilingual. */
export function seriesOrder(templates: readonly Template[]): Template[] {
  const key = (t: Template): number[] => [rank(KIND_ORDER, t.kind), rank(STAGES, t.stage), rank(CLAUSES, t.clause), rank(LANGUAGE_ORDER, t.language)];
  return [...templates].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * A template's human title, in its own language: "Reminder — English", "第一次付款提醒 — 中文",
 * "Reminder · 第一次付款提醒 — English + 中文" (what pickers show instead of ids).
 */
export function templateLabel(t: Template): string {
  const what = (lang: 'en' | 'zh'): string => documentLabel(t, lang) ?? t.title;
  const language = languageLabel(t.language) ?? t.language;
  if (t.language.startsWith('zh')) return `${what('zh')} — ${language}`;
  if (t.language.includes('+')) return `${what('en')} · ${what('zh')} — ${language}`;
  return `${what('en')} — ${language}`;
}

/** True when the host's front matter says `kind: clause` (a top-level line of it, read line by line). */
function isClauseFrontMatter(host: string): boolean {
  const block = splitFrontMatter(host);
  if (!block) return false;
  return host
    .slice(block.content.start, block.content.end)
    .split(/\r\n|\r|\n/)
    .some((line) => /^kind:[ \t]*clause[ \t]*$/.test(line));
}

/** How many line breaks (CRLF, CR or LF) end `text`, counted from its end. */
function trailingLineBreaks(text: string): number {
  let count = 0;
  let i = text.length;
  while (i > 0) {
    if (text[i - 1] === '\n') i -= text[i - 2] === '\r' ? 2 : 1;
    else if (text[i - 1] === '\r') i -= 1;
    else break;
    count++;
  }
  return count;
}

/**
 * The edit that inserts a rendered clause into a letter at `offset`: its body (no front matter),
 * in the letter's line endings, with a blank line before and after it, never splitting a line (an
 * offset inside a line moves to the line's end). In a letter, whose level-1 heading is its title,
 * the clause's headings go one level down, so the clause reads as a section of the letter and is
 * linted as a clause.
 */
export function clauseInsertion(host: string, offset: number, rendered: string): { start: number; end: number; text: string } {
  const eol = /\r\n/.test(host) ? '\r\n' : /\r/.test(host) ? '\r' : '\n';
  const isClauseDocument = isClauseFrontMatter(host);
  let fenced = false;
  const lines = bodyOf(rendered)
    .split(/\r\n|\r|\n/)
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && !isClauseDocument && /^#{1,5}\s/.test(line) ? `#${line}` : line;
    });
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  let at = Math.max(0, Math.min(offset, host.length));
  const lineEnd = host.slice(at).search(/\r\n|\r|\n/);
  if (host.slice(0, at).search(/[^\r\n]$/) !== -1) at = lineEnd === -1 ? host.length : at + lineEnd;
  const before = host.slice(0, at);
  const after = host.slice(at);
  const newlinesBefore = trailingLineBreaks(before);
  const newlinesAfter = /^(?:\r\n|\r|\n)*/.exec(after)![0].split(/\r\n|\r|\n/).length - 1;
  const lead = before.length === 0 ? '' : eol.repeat(Math.max(0, 2 - newlinesBefore));
  const tail = eol.repeat(Math.max(after.length === 0 ? 1 : 2 - newlinesAfter, 0));
  return { start: at, end: at, text: `${lead}${lines.join(eol)}${tail}` };
}

/**
 * The language the next letter of a case is written in: the letter's own, except that a final
 * demand or a letter before action to a debtor who reads Chinese, after English letters, becomes
 * bilingual (an English-only demand lets the debtor say it did not understand it).
 */
export function nextLetterLanguage(facts: Record<string, unknown>, stage: string): unknown {
  const debtor = facts.debtor && typeof facts.debtor === 'object' ? (facts.debtor as Record<string, unknown>) : {};
  const readsChinese = typeof debtor.locale === 'string' && debtor.locale.startsWith('zh');
  const late = stage === 'final-demand' || stage === 'letter-before-action';
  return facts.language === 'en' && readsChinese && late ? 'en+zh-CN' : facts.language;
}
