import type { Rule } from '../rule.js';
import { clauseRules } from './clause/index.js';
import { factsRules } from './facts/index.js';
import { languageRules } from './language/index.js';
import { lawRules } from './law/index.js';
import { structureRules } from './structure/index.js';
import { templateRules } from './template/index.js';
import { toneRules } from './tone/index.js';

/** THE registry: every built-in rule, sorted by id. Each category keeps its own sorted list. */
export const rules: readonly Rule[] = [...structureRules, ...factsRules, ...templateRules, ...toneRules, ...languageRules, ...clauseRules, ...lawRules].sort(
  (a, b) => (a.meta.id < b.meta.id ? -1 : 1),
);
