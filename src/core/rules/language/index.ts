import type { Rule } from '../../rule.js';
import bilingualConsistency from './bilingual-consistency.js';
import debtorLocale from './debtor-locale.js';
import declaredLanguage from './declared-language.js';
import prevailingLanguage from './prevailing-language.js';
import scriptVariant from './script-variant.js';

/** Rules of the `language` category, sorted by id. */
export const languageRules: Rule[] = [bilingualConsistency, debtorLocale, declaredLanguage, prevailingLanguage, scriptVariant];
