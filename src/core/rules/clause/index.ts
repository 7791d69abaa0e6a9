import type { Rule } from '../../rule.js';


/** Rules of the `clause` category, sorted by id. */
export const clauseRules: Rule[] = [];
