/** Plain facts objects: telling a mapping from a list, and the one deep merge (case files, answers, front matter). */

/** True for a plain mapping (not a list, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects: `over` wins; lists and scalars are replaced whole. Neither input is changed. */
export function mergeFacts(base: Record<string, unknown>, over: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) out[k] = isObject(v) && isObject(out[k]) ? mergeFacts(out[k], v) : v;
  return out;
}
