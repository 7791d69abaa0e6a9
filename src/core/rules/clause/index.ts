import type { Rule } from '../../rule.js';
import arbitrationElements from './arbitration-elements.js';
import arbitrationInstitution from './arbitration-institution.js';
import guarantorConsent from './guarantor-consent.js';
import noLitigationAlternative from './no-litigation-alternative.js';
import prcGuarantee from './prc-guarantee.js';
import usCourtOnly from './us-court-only.js';
import usGuaranty from './us-guaranty.js';

/** Rules of the `clause` category, sorted by id. */
export const clauseRules: Rule[] = [
  arbitrationElements,
  arbitrationInstitution,
  guarantorConsent,
  noLitigationAlternative,
  prcGuarantee,
  usCourtOnly,
  usGuaranty,
];
