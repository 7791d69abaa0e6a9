/**
 * `$ref` in a template's facts schema, inlined for reading: the form's fields, the required paths and
 * the names a template may use all come from the schema with its references resolved. Ajv validates
 * the schema as written (the shared facts schema is registered with it), so both read the same facts.
 */
import { factsJsonSchema, FACTS_SCHEMA_ID } from '../facts/schema.js';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node a JSON pointer (`/$defs/creditor`) names in a document, or undefined. */
function atPointer(doc: Schema, pointer: string): Schema | undefined {
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) && Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

/** What a `$ref` points at: in the shared facts schema, or in the schema it is written in. */
function lookup(ref: string, root: Schema): { doc: Schema; node: Schema } | undefined {
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  const doc = base === '' ? root : base === FACTS_SCHEMA_ID ? factsJsonSchema() : undefined;
  if (!doc) return undefined;
  const node = pointer === '' ? doc : atPointer(doc, pointer);
  return node ? { doc, node } : undefined;
}

/**
 * A referenced definition with what the template writes beside the `$ref`: its own `required`
 * (added to the definition's), `properties` (when given, the ones the template uses, each merged
 * with the definition's), `items`, and any other keyword (the template's wins).
 */
function merge(target: Schema, own: Schema): Schema {
  const { properties, items, required, ...rest } = own;
  const out: Schema = { ...target, ...rest };
  if (isSchema(properties)) {
    const base = isSchema(target.properties) ? target.properties : {};
    out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, isSchema(v) ? merge(isSchema(base[k]) ? base[k] : {}, v) : v]));
  }
  if (isSchema(items)) out.items = merge(isSchema(target.items) ? target.items : {}, items);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
  const needed = [...list(target.required), ...list(required)];
  if (needed.length || Array.isArray(required)) out.required = [...new Set(needed)];
  return out;
}

function inline(node: unknown, root: Schema, depth: number): unknown {
  if (!isSchema(node) || depth > 32) return node;
  let out = node;
  if (typeof node.$ref === 'string') {
    const found = lookup(node.$ref, root);
    const { $ref: _ref, ...own } = node;
    void _ref;
    out = found ? merge(inline(found.node, found.doc, depth + 1) as Schema, own) : own;
  }
  const copy: Schema = { ...out };
  if (isSchema(out.properties)) copy.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, inline(v, root, depth + 1)]));
  if (isSchema(out.items)) copy.items = inline(out.items, root, depth + 1);
  return copy;
}

const resolved = new WeakMap<object, Schema>();

/** A facts schema with every `$ref` inlined (cached per schema object); an unresolvable reference is dropped. */
export function resolvedSchema(schema: Schema): Schema {
  let out = resolved.get(schema);
  if (!out) resolved.set(schema, (out = inline(schema, schema, 0) as Schema));
  return out;
}
