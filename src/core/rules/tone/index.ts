import type { Rule } from '../../rule.js';


/** Rules of the `tone` category, sorted by id. */
export const toneRules: Rule[] = [];
