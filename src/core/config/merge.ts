/** Merging configs (defaults ← editor settings ← nearest config file), and what an untrusted workspace may set. */
import type { DunmarkConfig, RuleSetting } from '../types.js';

/**
 * Merges two configs: `override` wins key by key; `rules` and `categories` merge per id;
 * vocabulary lists are joined (without duplicates).
 */
export function mergeConfig(base: DunmarkConfig | undefined, override: DunmarkConfig | undefined): DunmarkConfig {
  const a = base ?? {};
  const b = override ?? {};
  const out: DunmarkConfig = { ...a, ...b };
  if (a.rules || b.rules) out.rules = { ...a.rules, ...b.rules };
  if (a.categories || b.categories) out.categories = { ...a.categories, ...b.categories };
  if (a.vocabulary || b.vocabulary) {
    const join = (x: string[] | undefined, y: string[] | undefined): string[] | undefined => (x || y ? [...new Set([...(x ?? []), ...(y ?? [])])] : undefined);
    const accept = join(a.vocabulary?.accept, b.vocabulary?.accept);
    const reject = join(a.vocabulary?.reject, b.vocabulary?.reject);
    out.vocabulary = { ...(accept ? { accept } : {}), ...(reject ? { reject } : {}) };
  }
  return out;
}

/**
 * What an untrusted workspace's config may change: severities only (of rules and categories). Its
 * rule options, vocabulary, templates folder, date and message language are not used.
 */
export function severitiesOnly(config: DunmarkConfig): DunmarkConfig {
  const out: DunmarkConfig = {};
  if (config.rules) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(config.rules)) rules[id] = Array.isArray(setting) ? setting[0] : setting;
    out.rules = rules;
  }
  if (config.categories) out.categories = { ...config.categories };
  return out;
}
