import type { Rule } from '../../rule.js';
import noPlaceholder from './no-placeholder.js';

/** Rules of the `template` category, sorted by id. */
export const templateRules: Rule[] = [noPlaceholder];
