import type { Rule } from '../../rule.js';
import factTypes from './fact-types.js';

/** Rules of the `facts` category, sorted by id. */
export const factsRules: Rule[] = [factTypes];
