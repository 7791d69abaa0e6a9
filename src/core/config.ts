/**
 * `.dunmarkrc.json`: parsing with the position of every key, validation against the rule
 * registry, and merging (defaults ← editor settings ← nearest config file). Pure: the caller
 * reads the file; this module only sees its text.
 */
// The ESM build: the package's `main` (UMD) uses dynamic requires that bundlers cannot follow.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { isIsoDate } from './facts/facts.js';
import { rules } from './rules/index.js';
import type { Rule } from './rule.js';
import { CATEGORIES, type Category, type DunmarkConfig, type RuleSetting, type SeveritySetting } from './types.js';

/** The file name the CLI and the editor look for, from a document's folder upward. */
export const CONFIG_FILE_NAME = '.dunmarkrc.json';

/** Every key a config file may have, in the order they are documented. */
export const CONFIG_KEYS: readonly string[] = ['$schema', 'today', 'rules', 'vocabulary', 'templates', 'messageLanguage', 'categories', 'letterhead', 'fonts'];

/** Every severity a config may set, `off` included. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Why a config file cannot be used, located at the offending key (1-based). */
export interface ConfigError {
  message: string;
  line: number;
  column: number;
}

/** The result of `parseConfig`: a usable config, or the first problem. */
export type ParseConfigResult = { ok: true; config: DunmarkConfig } | { ok: false; error: ConfigError };

const VOCABULARY_KEYS = ['accept', 'reject'];
const MESSAGE_LANGUAGES = ['auto', 'en', 'zh'];

class ConfigProblem extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}


function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

function describe(node: JsonNode): string {
  switch (node.type) {
    case 'string': return `\`${JSON.stringify(node.value)}\``;
    case 'number': case 'boolean': case 'null': return `\`${String(node.value)}\``;
    case 'array': return 'an array';
    default: return 'an object';
  }
}

function properties(node: JsonNode): { key: string; keyNode: JsonNode; value: JsonNode }[] {
  const out: { key: string; keyNode: JsonNode; value: JsonNode }[] = [];
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    const value = prop.children?.[1];
    if (keyNode && value) out.push({ key: String(keyNode.value), keyNode, value });
  }
  return out;
}

function expectObject(node: JsonNode, name: string): void {
  if (node.type !== 'object') throw new ConfigProblem(`Unexpected ${describe(node)} for \`${name}\`, expected an object`, node.offset);
}

function stringArray(node: JsonNode, name: string): string[] {
  if (node.type !== 'array') throw new ConfigProblem(`Unexpected ${describe(node)} for \`${name}\`, expected an array of strings`, node.offset);
  return (node.children ?? []).map((item, i) => {
    if (item.type !== 'string') throw new ConfigProblem(`Unexpected ${describe(item)} for \`${name}[${i}]\`, expected a string`, item.offset);
    return item.value as string;
  });
}

function severity(node: JsonNode, name: string): SeveritySetting {
  if (node.type === 'string' && SEVERITY_SETTINGS.includes(node.value as SeveritySetting)) return node.value as SeveritySetting;
  throw new ConfigProblem(`Unexpected ${describe(node)} for \`${name}\`, expected one of ${SEVERITY_SETTINGS.map((s) => `\`${s}\``).join(', ')}`, node.offset);
}

const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
};

/** Checks a rule's options against the simple JSON Schema in its meta: known keys and their types. */
function checkOptions(rule: Rule, node: JsonNode, name: string): Record<string, unknown> {
  expectObject(node, name);
  const schema = rule.meta.options as { properties?: Record<string, { type?: string | string[]; enum?: unknown[] }>; additionalProperties?: boolean } | undefined;
  const out: Record<string, unknown> = {};
  for (const { key, keyNode, value } of properties(node)) {
    const plain = nodeValue(value);
    const prop = schema?.properties?.[key];
    if (!prop) {
      if (schema && schema.additionalProperties !== false && !schema.properties) {
        out[key] = plain;
        continue;
      }
      throw new ConfigProblem(`Unexpected option \`${key}\` for \`${name}\`, expected ${schema?.properties ? Object.keys(schema.properties).map((k) => `\`${k}\``).join(', ') : 'no options'}`, keyNode.offset);
    }
    const types = prop.type === undefined ? [] : Array.isArray(prop.type) ? prop.type : [prop.type];
    if (types.length > 0 && !types.some((t) => JSON_TYPES[t]?.(plain) ?? true)) {
      throw new ConfigProblem(`Unexpected ${describe(value)} for \`${name}.${key}\`, expected ${types.join(' or ')}`, value.offset);
    }
    if (prop.enum && !prop.enum.some((e) => e === plain)) {
      throw new ConfigProblem(`Unexpected ${describe(value)} for \`${name}.${key}\`, expected one of ${prop.enum.map((e) => `\`${String(e)}\``).join(', ')}`, value.offset);
    }
    out[key] = plain;
  }
  return out;
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const { key, value } of properties(node)) out[key] = nodeValue(value);
      return out;
    }
    case 'array': return (node.children ?? []).map(nodeValue);
    default: return node.value;
  }
}

function readRules(node: JsonNode, byId: Map<string, Rule>): Record<string, RuleSetting> {
  expectObject(node, 'rules');
  const out: Record<string, RuleSetting> = {};
  for (const { key, keyNode, value } of properties(node)) {
    const rule = byId.get(key);
    if (!rule) throw new ConfigProblem(`Unexpected rule \`${key}\` in \`rules\`, expected a built-in rule id (see \`dunmark rules\`)`, keyNode.offset);
    const name = `rules.${key}`;
    if (value.type === 'array') {
      const [sev, options, extra] = value.children ?? [];
      if (!sev || !options || extra) throw new ConfigProblem(`Unexpected ${describe(value)} of ${value.children?.length ?? 0} item(s) for \`${name}\`, expected a severity or \`[severity, options]\``, value.offset);
      out[key] = [severity(sev, name), checkOptions(rule, options, name)];
    } else {
      out[key] = severity(value, name);
    }
  }
  return out;
}

function readConfig(root: JsonNode): DunmarkConfig {
  expectObject(root, 'the config');
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const config: DunmarkConfig = {};
  for (const { key, keyNode, value } of properties(root)) {
    switch (key) {
      case '$schema':
        if (value.type !== 'string') throw new ConfigProblem(`Unexpected ${describe(value)} for \`$schema\`, expected a string`, value.offset);
        break;
      case 'today':
        if (value.type !== 'string' || !isIsoDate(value.value as string)) {
          throw new ConfigProblem(`Unexpected ${describe(value)} for \`today\`, expected a real date written YYYY-MM-DD`, value.offset);
        }
        config.today = value.value as string;
        break;
      case 'rules':
        config.rules = readRules(value, byId);
        break;
      case 'vocabulary': {
        expectObject(value, 'vocabulary');
        const vocabulary: { accept?: string[]; reject?: string[] } = {};
        for (const p of properties(value)) {
          if (p.key === 'accept') vocabulary.accept = stringArray(p.value, 'vocabulary.accept');
          else if (p.key === 'reject') vocabulary.reject = stringArray(p.value, 'vocabulary.reject');
          else throw new ConfigProblem(`Unexpected key \`vocabulary.${p.key}\`, expected ${VOCABULARY_KEYS.map((k) => `\`${k}\``).join(' or ')}`, p.keyNode.offset);
        }
        config.vocabulary = vocabulary;
        break;
      }
      case 'templates':
        if (value.type !== 'string' || (value.value as string).trim() === '') {
          throw new ConfigProblem(`Unexpected ${describe(value)} for \`templates\`, expected a folder path (a non-empty string)`, value.offset);
        }
        config.templates = value.value as string;
        break;
      case 'messageLanguage':
        if (value.type !== 'string' || !MESSAGE_LANGUAGES.includes(value.value as string)) {
          throw new ConfigProblem(`Unexpected ${describe(value)} for \`messageLanguage\`, expected \`auto\`, \`en\` or \`zh\``, value.offset);
        }
        config.messageLanguage = value.value as 'auto' | 'en' | 'zh';
        break;
      case 'categories': {
        expectObject(value, 'categories');
        const categories: Partial<Record<Category, SeveritySetting>> = {};
        for (const p of properties(value)) {
          if (!CATEGORIES.includes(p.key as Category)) {
            throw new ConfigProblem(`Unexpected category \`${p.key}\`, expected one of ${CATEGORIES.map((c) => `\`${c}\``).join(', ')}`, p.keyNode.offset);
          }
          categories[p.key as Category] = severity(p.value, `categories.${p.key}`);
        }
        config.categories = categories;
        break;
      }
      case 'letterhead':
        if (value.type !== 'string' || !/\.docx$/i.test(value.value as string)) {
          throw new ConfigProblem(`Unexpected ${describe(value)} for \`letterhead\`, expected the path of a .docx file`, value.offset);
        }
        config.letterhead = value.value as string;
        break;
      case 'fonts': {
        expectObject(value, 'fonts');
        const fonts: { latin?: string; eastAsian?: string } = {};
        for (const p of properties(value)) {
          if ((p.key !== 'latin' && p.key !== 'eastAsian') || p.value.type !== 'string' || (p.value.value as string).trim() === '') {
            throw new ConfigProblem(`Unexpected ${p.key === 'latin' || p.key === 'eastAsian' ? describe(p.value) : `key \`fonts.${p.key}\``}, expected \`fonts.latin\` or \`fonts.eastAsian\` with a font name`, p.keyNode.offset);
          }
          fonts[p.key] = p.value.value as string;
        }
        config.fonts = fonts;
        break;
      }
      default:
        throw new ConfigProblem(`Unexpected key \`${key}\`, expected one of ${CONFIG_KEYS.map((k) => `\`${k}\``).join(', ')}`, keyNode.offset);
    }
  }
  return config;
}

/**
 * Parses and validates the text of a `.dunmarkrc.json` (comments and trailing commas are
 * allowed). `file` names the config in messages only. Never throws.
 */
export function parseConfig(text: string, file: string): ParseConfigResult {
  void file;
  const source = typeof text === 'string' ? text : '';
  const body = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  if (body.trim() === '') return { ok: false, error: { message: 'Unexpected empty file, expected a JSON object', line: 1, column: 1 } };
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    return { ok: false, error: { message: `Unexpected unreadable JSON (${String((error as Error)?.message ?? error)})`, line: 1, column: 1 } };
  }
  const first = errors[0];
  if (first) {
    const where = lineColumn(body, first.offset);
    return { ok: false, error: { message: `Unexpected JSON syntax (${printParseErrorCode(first.error)}), expected valid JSON`, ...where } };
  }
  if (!root) return { ok: false, error: { message: 'Unexpected empty file, expected a JSON object', line: 1, column: 1 } };
  try {
    return { ok: true, config: readConfig(root) };
  } catch (error) {
    if (error instanceof ConfigProblem) return { ok: false, error: { message: error.message, ...lineColumn(body, error.offset) } };
    return { ok: false, error: { message: `Unexpected failure reading the config (${String((error as Error)?.message ?? error)})`, line: 1, column: 1 } };
  }
}

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
    const join = (x: string[] | undefined, y: string[] | undefined): string[] | undefined =>
      x || y ? [...new Set([...(x ?? []), ...(y ?? [])])] : undefined;
    const accept = join(a.vocabulary?.accept, b.vocabulary?.accept);
    const reject = join(a.vocabulary?.reject, b.vocabulary?.reject);
    out.vocabulary = { ...(accept ? { accept } : {}), ...(reject ? { reject } : {}) };
  }
  return out;
}
