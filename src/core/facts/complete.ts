// Completion in the front matter and in template bodies, for every editor: the YAML path a key is
// typed under (read from the lines above), the facts schema's keys and values there, and the
// `{{fact}}` names a template can use. The editors turn these into their own items.
import { FACTS_SCHEMA, schemaAt, type FactType } from './schema.js';

export const KEY_BEFORE_CURSOR = /^(\s*)(-\s+)?([A-Za-z_]\w*)?$/;
export const VALUE_BEFORE_CURSOR = /^(\s*)(-\s+)?([A-Za-z_]\w*)\s*:\s*([^\s#]*)$/;
const LINE_KEY = /^(\s*)(-\s+)?([A-Za-z_]\w*)\s*:(.*)$/;
export const PLACEHOLDER_BEFORE_CURSOR = /\{\{\{?[#^/&]?\s*([\w.]*)$/;
const TEMPLATE_FILE = /(^|\/)(\.dunmark\/)?templates\/(.+\/)?template\.md$/;

/** True for a template body the `{{fact}}` completion applies to. */
export function isTemplateFile(path: string): boolean {
  return TEMPLATE_FILE.test(path);
}

/**
 * The dotted path of the mapping that holds the key at `indent` on `line`, read from the YAML lines above
 * (`invoices.0` for a key inside the first invoice item). Array items all map to index 0: the schema is the same.
 */
export function parentPath(lines: readonly string[], indent: number, dashOnLine: number | undefined): string[] {
  const segments: string[] = [];
  let threshold = indent;
  let dashSeen = dashOnLine !== undefined && dashOnLine < threshold ? dashOnLine : undefined;
  for (let i = lines.length - 1; i >= 0 && threshold > 0; i--) {
    const m = LINE_KEY.exec(lines[i]!);
    if (!m) continue;
    const dash = m[2] ? m[1]!.length : undefined;
    const keyAt = m[1]!.length + (m[2]?.length ?? 0);
    if (keyAt >= threshold) {
      if (dash !== undefined && dash < threshold) dashSeen = Math.min(dashSeen ?? dash, dash);
      continue;
    }
    if (m[4]!.trim() !== '') break; // not a parent: malformed nesting, stop guessing
    if (dashSeen !== undefined && dashSeen >= keyAt) segments.unshift('0');
    segments.unshift(m[3]!);
    threshold = keyAt;
    dashSeen = dash !== undefined && dash < threshold ? dash : undefined;
  }
  return segments;
}

/** The keys the schema allows under a path (the top level for `[]`), or undefined when none can be typed there. */
export function childrenOf(path: string[]): Record<string, FactType> | undefined {
  if (path.length === 0) return FACTS_SCHEMA;
  const node = schemaAt(path.join('.'));
  if (node?.type === 'object') return node.properties;
  if (node?.type === 'array' && node.items.type === 'object') return node.items.properties;
  return undefined;
}

/** Every `{{name}}` a template can use: dotted object paths, arrays as sections and their items' keys. */
export function placeholderNames(): { name: string; type: FactType; inside?: string }[] {
  const out: { name: string; type: FactType; inside?: string }[] = [];
  const walk = (props: Record<string, FactType>, prefix: string, inside?: string): void => {
    for (const [key, type] of Object.entries(props)) {
      const name = prefix + key;
      out.push(inside ? { name, type, inside } : { name, type });
      if (type.type === 'object') walk(type.properties, `${name}.`, inside);
      else if (type.type === 'array' && type.items.type === 'object') walk(type.items.properties, '', name);
    }
  };
  walk(FACTS_SCHEMA, '');
  return out;
}
