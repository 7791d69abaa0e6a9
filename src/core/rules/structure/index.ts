import type { Rule } from '../../rule.js';
import approval from './approval.js';
import frontMatter from './front-matter.js';

/** Rules of the `structure` category, sorted by id. */
export const structureRules: Rule[] = [approval, frontMatter];
