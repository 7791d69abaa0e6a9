import type { Rule } from '../../rule.js';
import deliveryProof from './delivery-proof.js';
import limitation from './limitation.js';
import statutoryInterestBasis from './statutory-interest-basis.js';

/** Rules of the `law` category (the law where the debtor is), sorted by id. */
export const lawRules: Rule[] = [deliveryProof, limitation, statutoryInterestBasis];
