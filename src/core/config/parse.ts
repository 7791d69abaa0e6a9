/**
 * `.dunmarkrc.json` parsing: jsonc-parser reads the text (comments and trailing commas allowed) with
 * the position of every value; Ajv checks the value against the generated schema (schema.ts); the
 * first problem becomes one message at the offending key's line and column. Pure: the caller reads
 * the file.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
// The ESM build: the package's `main` (UMD) uses dynamic requires that bundlers cannot follow.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { isIsoDate } from '../facts/facts.js';
import { LineIndex } from '../positions.js';
import { rules } from '../rules/index.js';
import { CATEGORIES, type DunmarkConfig } from '../types.js';
import { configSchema } from './schema.js';

/** Why a config file cannot be used, located at the offending key (1-based). */
export interface ConfigError {
  message: string;
  line: number;
  column: number;
}

/** The result of `parseConfig`: a usable config, or the first problem. */
export type ParseConfigResult = { ok: true; config: DunmarkConfig } | { ok: false; error: ConfigError };

type Segment = string | number;

/** Validators by the rule ids a config sets (most configs set none or a few). */
const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;
let fullSchema: Record<string, unknown> | undefined;

/**
 * The validator of a config that sets the rules `ids`: the whole schema with `rules` narrowed to
 * those ids (an unknown id is still an unexpected key), compiled on first use and kept. Compiling the
 * options of every rule took most of a one-letter `dunmark lint`; a config names a few of them. The
 * schema is generated and checked against the meta-schema by the unit tests, so it is not checked
 * again here.
 */
function validator(ids: readonly string[]): ValidateFunction {
  const key = [...ids].sort().join('\u0000');
  let check = compiled.get(key);
  if (!check) {
    // verbose: each error carries the schema it failed (what the message says is expected);
    // inlineRefs off: the rules share one compiled definition instead of a copy each
    ajv ??= new Ajv({ allErrors: false, strict: false, validateSchema: false, inlineRefs: false, verbose: true }).addFormat('date', {
      type: 'string',
      validate: isIsoDate,
    });
    fullSchema ??= configSchema(rules.map((r) => r.meta));
    const props = fullSchema.properties as Record<string, Record<string, unknown>>;
    const ruleProps = props.rules!.properties as Record<string, unknown>;
    const narrowed = {
      ...fullSchema,
      $id: `${String(fullSchema.$id)}#${compiled.size}`,
      properties: {
        ...props,
        rules: { ...props.rules, properties: Object.fromEntries(ids.filter((id) => Object.hasOwn(ruleProps, id)).map((id) => [id, ruleProps[id]])) },
      },
    };
    check = ajv.compile(narrowed);
    compiled.set(key, check);
  }
  return check;
}

/** The rule ids a config value sets (`rules`' own keys), for the validator. */
function ruleIdsOf(value: unknown): string[] {
  const r = typeof value === 'object' && value !== null ? (value as { rules?: unknown }).rules : undefined;
  return typeof r === 'object' && r !== null && !Array.isArray(r) ? Object.keys(r) : [];
}

/** The plain value of a JSON tree. Keys are own properties (`__proto__` too), so the schema sees every one. */
function valueOf(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && value) Object.defineProperty(out, String(key.value), { value: valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

/** The node at a path of keys and indexes, or the deepest one that exists. */
function nodeAt(root: JsonNode, segments: readonly Segment[]): JsonNode {
  let node = root;
  for (const segment of segments) {
    let next: JsonNode | undefined;
    if (node.type === 'object') next = node.children?.find((p) => p.children?.[0]?.value === String(segment))?.children?.[1];
    else if (node.type === 'array') next = node.children?.[Number(segment)];
    if (!next) break;
    node = next;
  }
  return node;
}

/** The key node of a property of an object node. */
function keyNodeOf(object: JsonNode, key: string): JsonNode | undefined {
  return object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0];
}

function describe(node: JsonNode): string {
  switch (node.type) {
    case 'string':
      return `\`${JSON.stringify(node.value)}\``;
    case 'number':
    case 'boolean':
    case 'null':
      return `\`${String(node.value)}\``;
    case 'array':
      return 'an array';
    default:
      return 'an object';
  }
}

const list = (values: readonly unknown[], last = ', '): string => {
  const quoted = values.map((v) => `\`${String(v)}\``);
  return quoted.length > 1 && last !== ', ' ? `${quoted.slice(0, -1).join(', ')}${last}${quoted[quoted.length - 1]!}` : quoted.join(', ');
};

/** What the keys of `fonts` are. */
const FONTS = '`fonts.latin` or `fonts.eastAsian` with a font name';

/** How a config path is named in messages: `rules.no-threat` for a rule's severity and options alike. */
function nameOf(segments: readonly Segment[]): string {
  if (segments.length === 0) return 'the config';
  if (segments[0] === 'rules' && segments.length >= 2) return ['rules', segments[1], ...segments.slice(3)].join('.');
  let out = '';
  for (const s of segments) out += /^\d+$/.test(String(s)) ? `[${s}]` : `${out ? '.' : ''}${s}`;
  return out;
}

/** What a schema expects, in words. */
function expected(schema: Record<string, unknown>, segments: readonly Segment[]): string {
  const name = segments.join('.');
  if (name === 'today') return 'a real date written YYYY-MM-DD';
  if (name === 'templates') return 'a folder path (a non-empty string)';
  if (name === 'letterhead') return 'the path of a .docx file';
  if (Array.isArray(schema.enum)) return `one of ${list(schema.enum)}`;
  switch (schema.type) {
    case 'object':
      return 'an object';
    case 'array':
      return (schema.items as { type?: string } | undefined)?.type === 'string' ? 'an array of strings' : 'an array';
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return 'a value the schema allows';
  }
}

/** The message and offset of the first schema error. */
function explain(error: ErrorObject, root: JsonNode): { message: string; offset: number } {
  const segments: Segment[] = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const node = nodeAt(root, segments);
  const name = nameOf(segments);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const offset = keyNodeOf(node, key)?.offset ?? node.offset;
      const where = segments.join('/');
      if (where === '') return { offset, message: `Unexpected key \`${key}\`, expected one of ${list(Object.keys(parent.properties as object))}` };
      if (where === 'rules') return { offset, message: `Unexpected rule \`${key}\` in \`rules\`, expected a built-in rule id (see \`dunmark rules\`)` };
      if (where === 'vocabulary') return { offset, message: `Unexpected key \`vocabulary.${key}\`, expected \`accept\` or \`reject\`` };
      if (where === 'categories') return { offset, message: `Unexpected category \`${key}\`, expected one of ${list(CATEGORIES)}` };
      if (where === 'fonts') return { offset, message: `Unexpected key \`fonts.${key}\`, expected ${FONTS}` };
      const declared = Object.keys((parent.properties ?? {}) as object);
      if (segments[0] === 'rules')
        return { offset, message: `Unexpected option \`${key}\` for \`${name}\`, expected ${declared.length ? list(declared) : 'no options'}` };
      return { offset, message: `Unexpected key \`${key}\` in \`${name}\`, expected ${declared.length ? `one of ${list(declared)}` : 'no keys'}` };
    }
    case 'minItems':
    case 'maxItems':
      return {
        offset: node.offset,
        message: `Unexpected ${describe(node)} of ${node.children?.length ?? 0} item(s) for \`${name}\`, expected a severity or \`[severity, options]\``,
      };
    case 'type':
    case 'enum':
    case 'format':
    case 'pattern':
      if (segments[0] === 'fonts' && segments.length === 2) return { offset: node.offset, message: `Unexpected ${describe(node)}, expected ${FONTS}` };
      return { offset: node.offset, message: `Unexpected ${describe(node)} for \`${name}\`, expected ${expected(parent, segments)}` };
    default:
      break;
  }
  return { offset: node.offset, message: `Unexpected ${describe(node)} for \`${name}\`, expected it to ${error.message ?? 'match the schema'}` };
}

/**
 * Parses and validates the text of a `.dunmarkrc.json` (comments and trailing commas are
 * allowed). `file` names the config in messages only. Never throws.
 */
export function parseConfig(text: string, file: string): ParseConfigResult {
  void file;
  const source = typeof text === 'string' ? text : '';
  const body = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  const at = (offset: number): { line: number; column: number } => new LineIndex(body).position(Math.min(Math.max(offset, 0), body.length));
  if (body.trim() === '') return { ok: false, error: { message: 'Unexpected empty file, expected a JSON object', line: 1, column: 1 } };
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    return { ok: false, error: { message: `Unexpected unreadable JSON (${String((error as Error)?.message ?? error)})`, line: 1, column: 1 } };
  }
  const first = errors[0];
  if (first) return { ok: false, error: { message: `Unexpected JSON syntax (${printParseErrorCode(first.error)}), expected valid JSON`, ...at(first.offset) } };
  if (!root) return { ok: false, error: { message: 'Unexpected empty file, expected a JSON object', line: 1, column: 1 } };
  try {
    const value = valueOf(root);
    const check = validator(ruleIdsOf(value));
    if (!check(value)) {
      const error = check.errors?.find((e) => e.keyword !== 'if') ?? check.errors?.[0];
      if (error) {
        const { message, offset } = explain(error, root);
        return { ok: false, error: { message, ...at(offset) } };
      }
    }
    const config = value as DunmarkConfig & { $schema?: string };
    delete config.$schema;
    return { ok: true, config };
  } catch (error) {
    return { ok: false, error: { message: `Unexpected failure reading the config (${String((error as Error)?.message ?? error)})`, line: 1, column: 1 } };
  }
}
