/** Which templates fit a drafting command, and what of a rendering goes into an open letter. */
import { stripFrontMatter } from '../front-matter.js';
import type { Template } from '../templates/types.js';
import { isObject } from './facts.js';

/** The templates in the language the facts declare, or all of them when none is in it (or none is declared). */
export function inLanguageOf(templates: readonly Template[], facts: Record<string, unknown>): Template[] {
  const language = typeof facts.language === 'string' ? facts.language : undefined;
  const same = language ? templates.filter((t) => t.language === language) : [];
  return same.length ? same : [...templates];
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
  return templates.filter((t) => t.kind === 'clause' && t.clause === clause
    && (!wanted || t.id.toLowerCase().includes(wanted) || t.title.toLowerCase().includes(wanted)));
}

/** Strips the front matter from a rendered document, and the blank lines after it: a clause inserted into a letter that has its own. */
export function bodyOf(rendered: string): string {
  return stripFrontMatter(rendered);
}
