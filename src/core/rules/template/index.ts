import type { Rule } from '../../rule.js';


/** Rules of the `template` category, sorted by id. */
export const templateRules: Rule[] = [];
