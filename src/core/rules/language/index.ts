import type { Rule } from '../../rule.js';


/** Rules of the `language` category, sorted by id. */
export const languageRules: Rule[] = [];
