/** Schema → fields: what a prompt or a form needs to know about each fact a template asks for. */
import { isIsoDate } from '../facts/facts.js';
import { schemaAt } from '../facts/schema.js';
import { resolvedSchema } from '../templates/refs.js';
import { isObject } from './facts.js';

/** What a prompt needs to know about a fact: its type, allowed values and description. */
export interface FactShape {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'other';
  enum?: readonly unknown[];
  description?: string;
}

/** One field of a facts form: a dotted path (`*` for every item of a list) with its shape. */
export interface FactField extends FactShape {
  path: string;
  required: boolean;
}

function shapeOfNode(node: Record<string, unknown>): FactShape | undefined {
  const t = node.type;
  if (typeof t !== 'string') return undefined;
  const type = t === 'string' && node.format === 'date' ? 'date' : t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' ? t : 'other';
  return { type, ...(Array.isArray(node.enum) ? { enum: node.enum } : {}), ...(typeof node.description === 'string' ? { description: node.description } : {}) };
}

/** The shape of a dotted path in a template's facts schema, falling back to the Dunmark facts contract. */
export function factShape(schema: Record<string, unknown>, path: string): FactShape {
  let node: unknown = resolvedSchema(schema);
  for (const part of path.split('.')) {
    if (!isObject(node)) break;
    node = /^\d+$/.test(part) || part === '*' ? node.items : isObject(node.properties) ? node.properties[part] : undefined;
  }
  const own = isObject(node) ? shapeOfNode(node) : undefined;
  if (own) return own;
  const known = schemaAt(path.replace(/\.\*(?=\.|$)/g, '.0'));
  if (!known) return { type: 'string' };
  if (known.type === 'string') return { type: 'string', ...(known.enum && !known.open ? { enum: known.enum } : {}), description: known.description };
  return { type: known.type === 'object' || known.type === 'array' ? 'other' : known.type, description: known.description };
}

/**
 * Every leaf fact of a template's facts schema, depth first in schema order: the fields of a facts
 * form. Items of a list are one set of fields under `list.*.`; `required` follows the schema.
 */
export function schemaFields(schema: Record<string, unknown>): FactField[] {
  const out: FactField[] = [];
  const walk = (node: Record<string, unknown>, prefix: string, required: boolean, depth: number): void => {
    const props = isObject(node.properties) ? node.properties : {};
    const needed = new Set(Array.isArray(node.required) ? node.required.filter((k): k is string => typeof k === 'string') : []);
    for (const [key, sub] of Object.entries(props)) {
      if (!isObject(sub)) continue;
      const path = `${prefix}${key}`;
      const isRequired = required && needed.has(key);
      if (depth < 8 && sub.type === 'object') walk(sub, `${path}.`, isRequired, depth + 1);
      else if (depth < 8 && sub.type === 'array' && isObject(sub.items) && sub.items.type === 'object') walk(sub.items, `${path}.*.`, isRequired, depth + 1);
      else out.push({ path, required: isRequired, ...factShape(schema, path) });
    }
  };
  walk(resolvedSchema(schema), '', true, 0);
  return out;
}

/** Converts a typed answer to the fact's type; undefined when it does not fit (empty, not a number, not a date, not allowed). */
export function convertAnswer(shape: FactShape, raw: string): unknown {
  const v = raw.trim();
  if (!v) return undefined;
  let value: unknown = v;
  if (shape.type === 'number' || shape.type === 'integer') {
    const n = Number(v.replace(/,/g, ''));
    if (!Number.isFinite(n) || n < 0 || (shape.type === 'integer' && !Number.isInteger(n))) return undefined;
    value = n;
  } else if (shape.type === 'boolean') {
    if (v !== 'true' && v !== 'false') return undefined;
    value = v === 'true';
  } else if (shape.type === 'date' && !isIsoDate(v)) return undefined;
  if (shape.enum && !shape.enum.includes(value)) return undefined;
  return value;
}
