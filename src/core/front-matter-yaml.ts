/**
 * The front matter's YAML, parsed once: the value, its errors located in the document, and the
 * position of every key. Bounded: deeper nesting than the facts could need is one error, never read.
 */
import { Composer, isMap, isScalar, isSeq, Parser, YAMLParseError, type CST, type Document, type Node as YamlNode } from 'yaml';
import type { FrontMatter, FrontMatterBlock, FrontMatterError, KeyLocation } from './front-matter.js';
import type { Span } from './types.js';

/** How deeply front matter may nest; deeper YAML is one error, never read (the facts contract needs three levels). */
export const MAX_FRONT_MATTER_DEPTH = 64;

/** How deeply a YAML syntax tree nests, counted without recursion (the tree may be thousands deep). */
function depthOf(tokens: readonly CST.Token[]): number {
  let max = 0;
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return max;
}

/** Parses YAML text once: the CST first (iterative), then the document only when it nests within bounds. */
function parseYaml(source: string): { doc: Document.Parsed | undefined; depth: number } {
  const tokens = [...new Parser().parse(source)];
  const depth = depthOf(tokens);
  if (depth > MAX_FRONT_MATTER_DEPTH) return { doc: undefined, depth };
  // logLevel `error`: YAML warnings (such as a collection used as a key) become findings here, never Node warnings
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, source.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return { doc, depth };
}

/**
 * Parses the YAML of a front-matter block. Every offset returned is an offset into `text`.
 * Lone CR line breaks are read as LF (the same length, so offsets hold); never throws.
 */
export function parseFrontMatter(text: string, block: FrontMatterBlock): FrontMatter {
  const { content } = block;
  const raw = text.slice(content.start, content.end);
  const yamlText = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const base = content.start;
  const clamp = (n: number): number => Math.min(Math.max(n, 0), yamlText.length) + base;
  const keys = new Map<string, KeyLocation>();
  const { doc, depth } = parseYaml(yamlText);
  if (!doc) {
    const error = { message: `front matter nested ${depth} levels deep, expected at most ${MAX_FRONT_MATTER_DEPTH}`, span: { start: base, end: base } };
    return { ...block, data: undefined, errors: [error], keys };
  }
  const errors: FrontMatterError[] = doc.errors.map((e) => ({
    message: firstLine(e.message),
    span: { start: clamp(e.pos[0]), end: Math.max(clamp(e.pos[1]), clamp(e.pos[0])) },
  }));
  if (doc.contents) collectKeys(doc.contents, '', keys, base, errors);
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      errors.push({ message: firstLine(String((e as Error).message)), span: { start: base, end: base } });
    }
  }
  return { ...block, data, errors, keys };
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function range(node: YamlNode | null | undefined, base: number): Span | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return { start: r[0] + base, end: r[1] + base };
}

function collectKeys(node: YamlNode, prefix: string, keys: Map<string, KeyLocation>, base: number, errors: FrontMatterError[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (isMap(keyNode) || isSeq(keyNode)) {
        errors.push({ message: 'a list or mapping used as a key, expected a plain name', span: range(keyNode, base) ?? { start: base, end: base } });
        continue;
      }
      if (!isScalar(keyNode)) continue;
      const name = String(keyNode.value);
      const path = prefix ? `${prefix}.${name}` : name;
      const key = range(keyNode, base);
      if (!key) continue;
      const valueNode = pair.value as YamlNode | null;
      const value = range(valueNode, base) ?? { start: key.end, end: key.end };
      keys.set(path, { key, value });
      if (valueNode) collectKeys(valueNode, path, keys, base, errors);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemNode = item as YamlNode | null;
      const path = `${prefix}.${index}`;
      const span = range(itemNode, base);
      if (span) keys.set(path, { key: span, value: span });
      if (itemNode) collectKeys(itemNode, path, keys, base, errors);
    });
  }
}
