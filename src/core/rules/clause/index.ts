import type { Rule } from '../../rule.js';
import arbitrationElements from './arbitration-elements.js';
import arbitrationInstitution from './arbitration-institution.js';
import noLitigationAlternative from './no-litigation-alternative.js';

/** Rules of the `clause` category, sorted by id. */
export const clauseRules: Rule[] = [arbitrationElements, arbitrationInstitution, noLitigationAlternative];
