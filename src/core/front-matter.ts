import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Span } from './types.js';

/** Where a front-matter key and its value sit in the document. */
export interface KeyLocation {
  key: Span;
  value: Span;
}

/** A YAML problem, located in the document. */
export interface FrontMatterError {
  message: string;
  span: Span;
}

/** The YAML front matter of a document, parsed, with the position of every key. */
export interface FrontMatter {
  /** The whole block, fences included. */
  span: Span;
  /** The YAML text between the fences. */
  content: Span;
  /** The parsed value (`undefined` when the YAML is empty or broken). */
  data: unknown;
  errors: FrontMatterError[];
  /** Dotted key paths (`debtor.name`, `invoices.0.amount`) → locations in the document. */
  keys: Map<string, KeyLocation>;
}

/**
 * Parses the YAML between the fences. `content` is the span of the YAML inside `text`;
 * every offset returned is an offset into `text`.
 */
export function parseFrontMatter(text: string, block: Span, content: Span): FrontMatter {
  const yamlText = text.slice(content.start, content.end);
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, strict: true });
  const base = content.start;
  const clamp = (n: number): number => Math.min(Math.max(n, 0), yamlText.length) + base;
  const errors: FrontMatterError[] = doc.errors.map((e) => ({
    message: firstLine(e.message),
    span: { start: clamp(e.pos[0]), end: Math.max(clamp(e.pos[1]), clamp(e.pos[0])) },
  }));
  const keys = new Map<string, KeyLocation>();
  if (doc.contents) collectKeys(doc.contents, '', keys, base);
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      errors.push({ message: firstLine(String((e as Error).message)), span: { start: base, end: base } });
    }
  }
  return { span: block, content, data, errors, keys };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function range(node: YamlNode | null | undefined, base: number): Span | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return { start: r[0] + base, end: r[1] + base };
}

function collectKeys(node: YamlNode, prefix: string, keys: Map<string, KeyLocation>, base: number): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!isScalar(keyNode)) continue;
      const name = String(keyNode.value);
      const path = prefix ? `${prefix}.${name}` : name;
      const key = range(keyNode, base);
      if (!key) continue;
      const valueNode = pair.value as YamlNode | null;
      const value = range(valueNode, base) ?? { start: key.end, end: key.end };
      keys.set(path, { key, value });
      if (valueNode) collectKeys(valueNode, path, keys, base);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemNode = item as YamlNode | null;
      const path = `${prefix}.${index}`;
      const span = range(itemNode, base);
      if (span) keys.set(path, { key: span, value: span });
      if (itemNode) collectKeys(itemNode, path, keys, base);
    });
  }
}
