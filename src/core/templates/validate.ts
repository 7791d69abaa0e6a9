/** Facts validation with Ajv: every error, each named by its key path (`debtor.name`, `invoices.0.amount`). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isIsoDate, valueAt } from '../facts/facts.js';
import type { FactsProblem } from './view.js';

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true });
ajv.addFormat('date', { type: 'string', validate: isIsoDate });
// `x@y.z`: one `@`, no space, a dot inside the domain. A function, not /^[^\s@]+@[^\s@]+\.[^\s@]+$/, whose two `+` around the dot backtrack quadratically.
ajv.addFormat('email', { type: 'string', validate: (s: string) => /^[^\s@]+@[^\s@]+$/.test(s) && s.slice(s.indexOf('@') + 2, -1).includes('.') });
ajv.addFormat('iso-country', /^[A-Z]{2}$/);
ajv.addFormat('iso-currency', /^[A-Z]{3}$/);

const compiled = new WeakMap<object, ValidateFunction>();

/** @internal Compiles a facts schema once per schema object; throws with Ajv's message when it does not compile. */
export function compileFactsSchema(schema: Record<string, unknown>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const { $id: _id, $schema: _schema, ...rest } = schema;
  void _id; void _schema;
  const fn = ajv.compile(rest);
  compiled.set(schema, fn);
  return fn;
}

function pathOf(error: ErrorObject): string {
  const base = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') base.push(String((error.params as { missingProperty: string }).missingProperty));
  return base.join('.');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const s = String(value);
  return `\`${s.length > 40 ? `${s.slice(0, 37)}...` : s}\``;
}


function messageOf(error: ErrorObject, path: string, facts: unknown): string {
  const value = valueAt(facts, path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `Missing fact \`${path}\`, expected a value`;
    case 'type':
      return `Unexpected ${describe(value)} for \`${path}\`, expected ${String(p.type)}`;
    case 'format':
      return `Unexpected ${describe(value)} for \`${path}\`, expected ${p.format === 'date' ? 'a calendar date as YYYY-MM-DD' : `format ${String(p.format)}`}`;
    case 'enum':
      return `Unexpected ${describe(value)} for \`${path}\`, expected one of ${(p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'minItems':
      return `Unexpected empty list for \`${path}\`, expected at least ${String(p.limit)} item(s)`;
    case 'minLength':
      return `Unexpected empty text for \`${path}\`, expected a value`;
    default:
      return `Unexpected ${describe(value)} for \`${path}\`, expected it to ${error.message ?? 'match the schema'}`;
  }
}

/** @internal Validates facts; returns every problem, sorted by path, or an empty list. */
export function validateFacts(validate: ValidateFunction, facts: unknown): FactsProblem[] {
  if (!facts || typeof facts !== 'object' || Array.isArray(facts)) {
    return [{ path: '', message: 'Unexpected facts that are not a mapping, expected `key: value` pairs' }];
  }
  if (validate(facts)) return [];
  const seen = new Set<string>();
  const problems: FactsProblem[] = [];
  for (const error of validate.errors ?? []) {
    const path = pathOf(error);
    const message = messageOf(error, path, facts);
    if (seen.has(message)) continue;
    seen.add(message);
    problems.push({ path, message });
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The fact paths a schema requires (`debtor.name`, `invoices.*.number`), depth first. */
export function requiredPaths(schema: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const key of required) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path);
    const sub = props[key];
    if (!sub) continue;
    if (sub.type === 'object') out.push(...requiredPaths(sub, path));
    if (sub.type === 'array' && sub.items && typeof sub.items === 'object') out.push(...requiredPaths(sub.items as Record<string, unknown>, `${path}.*`));
  }
  return out;
}
