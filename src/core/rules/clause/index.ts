import type { Rule } from '../../rule.js';
import arbitrationInstitution from './arbitration-institution.js';


/** Rules of the `clause` category, sorted by id. */
export const clauseRules: Rule[] = [arbitrationInstitution];
