import type { Rule } from '../../rule.js';
import consequenceBasis from './consequence-basis.js';
import falseAuthority from './false-authority.js';
import noInsult from './no-insult.js';
import noThreat from './no-threat.js';
import shouting from './shouting.js';
import stageTone from './stage-tone.js';
import unbackedCharges from './unbacked-charges.js';
import vocabulary from './vocabulary.js';

/** Rules of the `tone` category, sorted by id. */
export const toneRules: Rule[] = [consequenceBasis, falseAuthority, noInsult, noThreat, shouting, stageTone, unbackedCharges, vocabulary];
