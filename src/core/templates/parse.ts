/**
 * Reads a template folder (`template.json` + `template.md`, given as strings — no file system
 * here) into a Template, or reports every problem with it. Never throws.
 */
import Mustache from 'mustache';
import { splitFrontMatter } from '../front-matter.js';
import { parseFrontMatter } from '../front-matter-yaml.js';
import type { Template } from './types.js';
import { resolvedSchema } from './refs.js';
import { compileFactsSchema } from './validate.js';
import { helperBase, HISTORY_HELPERS, type FactsProblem } from './view.js';

type Schema = Record<string, unknown>;
/** A Mustache token: [type, value, start, end, children?, ...]. */
export type Token = [string, string, number, number, Token[]?, ...unknown[]];

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Splits `template.md` into its YAML front matter (fixed output keys) and its Mustache body, with the core's one splitter and reader. */
export function splitTemplateSource(source: string): { frontMatter: Record<string, unknown>; body: string; error?: string } {
  const block = splitFrontMatter(source);
  if (!block) return { frontMatter: {}, body: source.replace(/^\uFEFF/, '') };
  const rest = source.slice(block.bodyStart);
  const { data, errors } = parseFrontMatter(source, block);
  if (errors[0]) return { frontMatter: {}, body: rest, error: `Unexpected YAML in the front matter of template.md: ${errors[0].message}` };
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { frontMatter: {}, body: rest, error: 'Unexpected front matter in template.md that is not a mapping, expected `key: value` lines' };
  }
  return { frontMatter: (data ?? {}) as Record<string, unknown>, body: rest.replace(/^\r?\n/, '') };
}

/** Parses a Mustache body into tokens, or returns the parser's message. */
export function parseMustache(body: string): { tokens: Token[] } | { error: string } {
  try {
    return { tokens: Mustache.parse(body) as unknown as Token[] };
  } catch (error) {
    return { error: String((error as Error).message) };
  }
}

function childSchema(schema: Schema | undefined, key: string): Schema | undefined {
  const props = schema?.properties;
  if (!props || typeof props !== 'object') return undefined;
  const sub = Object.hasOwn(props, key) ? (props as Record<string, unknown>)[key] : undefined;
  return sub && typeof sub === 'object' ? (sub as Schema) : undefined;
}

function resolveIn(scope: Schema, name: string): Schema | undefined {
  let node: Schema | undefined = scope;
  for (const part of name.split('.')) {
    if (!node) return undefined;
    node = childSchema(node, part) ?? (node.type === 'array' && /^\d+$/.test(part) && node.items && typeof node.items === 'object' ? (node.items as Schema) : undefined);
  }
  return node;
}

function resolve(scopes: Schema[], name: string): Schema | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const found = resolveIn(scopes[i]!, name);
    if (found) return found;
  }
  return undefined;
}

function declared(scopes: Schema[], name: string): boolean {
  if (name === '.' || resolve(scopes, name) || HISTORY_HELPERS.has(name)) return true;
  const helper = helperBase(name);
  return !!helper && !!resolve(scopes, helper.base) && (!helper.needsCurrency || !!resolve(scopes, 'currency'));
}

/** Every `{{name}}` of the body that the facts schema does not declare (helpers count as declared). */
export function undeclaredNames(tokens: Token[], schema: Schema): FactsProblem[] {
  const problems: FactsProblem[] = [];
  const walk = (list: Token[], scopes: Schema[]): void => {
    for (const token of list) {
      const [type, name] = token;
      if (type === '>' ) {
        problems.push({ path: name, message: `Unexpected partial \`{{> ${name}}}\`, expected a self-contained template` });
        continue;
      }
      if (type !== 'name' && type !== '&' && type !== '#' && type !== '^') continue;
      if (!declared(scopes, name)) {
        problems.push({ path: name, message: `Unexpected \`{{${type === 'name' ? '' : type}${name}}}\` that the facts schema does not declare, expected a fact of template.json or a helper` });
      }
      if (type === '#' || type === '^') {
        const node = resolve(scopes, name);
        const inner = node?.type === 'array' && node.items && typeof node.items === 'object' ? (node.items as Schema) : node?.type === 'object' ? node : {};
        walk(token[4] ?? [], type === '#' ? [...scopes, inner] : scopes);
      }
    }
  };
  walk(tokens, [schema]);
  return problems;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The largest `template.json` (its facts schema) and `template.md` a template may have, in characters. */
export const TEMPLATE_LIMITS: Readonly<Record<'template.json' | 'template.md', number>> = { 'template.json': 256 * 1024, 'template.md': 512 * 1024 };

type ParsedFolder = { ok: true; template: Template } | { ok: false; id: string | undefined; problems: FactsProblem[] };

/** Reads a template folder's files (`template.json`, `template.md`) into a Template, or every problem. Never throws. */
export function parseTemplateFolder(files: Record<string, string>, source: 'builtin' | 'workspace' = 'workspace'): ParsedFolder {
  for (const name of ['template.json', 'template.md'] as const) {
    const length = Object.hasOwn(files, name) ? files[name]!.length : 0;
    if (length > TEMPLATE_LIMITS[name]) {
      return { ok: false, id: undefined, problems: [{ path: name, message: `Unexpected \`${name}\` of ${Math.round(length / 1024)} KB, expected at most ${TEMPLATE_LIMITS[name] / 1024} KB` }] };
    }
  }
  try {
    return parseFolder(files, source);
  } catch (error) {
    return { ok: false, id: undefined, problems: [{ path: 'template.json', message: `Unexpected template that cannot be read (${String((error as Error)?.message ?? error).split('\n')[0]})` }] };
  }
}

function parseFolder(files: Record<string, string>, source: 'builtin' | 'workspace'): ParsedFolder {
  const problems: FactsProblem[] = [];
  const jsonText = Object.hasOwn(files, 'template.json') ? files['template.json'] : undefined;
  const md = Object.hasOwn(files, 'template.md') ? files['template.md'] : undefined;
  if (jsonText === undefined) problems.push({ path: 'template.json', message: 'Missing `template.json`, expected the template\'s title, kind, language and facts schema' });
  if (md === undefined) problems.push({ path: 'template.md', message: 'Missing `template.md`, expected the Markdown + Mustache body' });
  let meta: Record<string, unknown> = {};
  if (jsonText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      else problems.push({ path: 'template.json', message: 'Unexpected `template.json` that is not an object, expected `{ "id": ..., "facts": {...} }`' });
    } catch (error) {
      problems.push({ path: 'template.json', message: `Unexpected JSON in \`template.json\`: ${String((error as Error).message)}` });
    }
  }
  const id = text(meta.id);
  if (jsonText !== undefined && Object.keys(meta).length) {
    if (!id || !ID.test(id)) problems.push({ path: 'template.json#id', message: `Unexpected id ${id ? `\`${id}\`` : '(none)'}, expected a kebab-case id such as \`reminder-en\`` });
    for (const key of ['title', 'kind', 'language', 'description'] as const) {
      if (!text(meta[key])) problems.push({ path: `template.json#${key}`, message: `Missing \`${key}\` in \`template.json\`, expected text` });
    }
    for (const key of ['stage', 'clause'] as const) {
      if (meta[key] !== undefined && !text(meta[key])) problems.push({ path: `template.json#${key}`, message: `Unexpected \`${key}\` in \`template.json\`, expected text` });
    }
  }
  const schema = meta.facts;
  let schemaOk = false;
  if (jsonText !== undefined && Object.keys(meta).length) {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
      problems.push({ path: 'template.json#facts', message: 'Missing `facts` in `template.json`, expected a JSON Schema of the facts the template needs' });
    } else {
      try {
        compileFactsSchema(schema as Schema);
        schemaOk = true;
      } catch (error) {
        problems.push({ path: 'template.json#facts', message: `Unexpected facts schema that does not compile: ${String((error as Error).message)}` });
      }
    }
  }
  let body = '';
  if (md !== undefined) {
    const split = splitTemplateSource(md);
    if (split.error) problems.push({ path: 'template.md', message: split.error });
    const parsed = parseMustache(split.body);
    if ('error' in parsed) problems.push({ path: 'template.md', message: `Unexpected Mustache in \`template.md\`: ${parsed.error}` });
    else if (schemaOk) {
      for (const p of undeclaredNames(parsed.tokens, resolvedSchema(schema as Schema))) problems.push({ path: `template.md#${p.path}`, message: p.message });
    }
    body = md;
  }
  if (problems.length) return { ok: false, id, problems };
  return {
    ok: true,
    template: {
      id: id!, title: text(meta.title)!, kind: text(meta.kind)!, language: text(meta.language)!, description: text(meta.description)!,
      ...(text(meta.stage) ? { stage: text(meta.stage) } : {}), ...(text(meta.clause) ? { clause: text(meta.clause) } : {}),
      facts: schema as Schema, body, source,
    },
  };
}
