/** Completion of front-matter keys and values (from the facts schema) and of `{{fact}}` names in templates. */
import * as vscode from 'vscode';
import { FACTS_SCHEMA, schemaAt, type FactType } from '../core/facts/schema.js';
import {
  childrenOf,
  isTemplateFile,
  KEY_BEFORE_CURSOR,
  parentPath,
  PLACEHOLDER_BEFORE_CURSOR,
  placeholderNames,
  VALUE_BEFORE_CURSOR,
} from '../core/facts/complete.js';

export { isTemplateFile, parentPath, placeholderNames } from '../core/facts/complete.js';
import { isoToday } from '../core/facts/facts.js';
import { splitFrontMatter } from '../core/front-matter.js';
import { valueAt } from '../core/facts/facts.js';
import { templates } from './core.js';
import { inheritedOf } from './parsed.js';

/** Line range (0-based, exclusive end) of the front matter's YAML, also while it is still being typed (no closing fence yet). */
function frontMatterLines(document: vscode.TextDocument): { first: number; end: number } | undefined {
  const text = document.getText();
  const block = splitFrontMatter(text);
  if (block) return { first: document.positionAt(block.content.start).line, end: document.positionAt(block.content.end).line };
  return splitFrontMatter(`${text}\n---\n`) ? { first: 1, end: document.lineCount } : undefined;
}

/** An inherited value in a few words: what the case file says. */
function shown(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function keyItem(key: string, type: FactType, range: vscode.Range, inherited?: unknown): vscode.CompletionItem {
  const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
  item.detail = type.type === 'string' && type.enum ? type.enum.join(' | ') : type.type;
  item.documentation = new vscode.MarkdownString(type.description);
  if (inherited !== undefined) {
    // the case file already gives it: writing it here overrides the case for this document only
    item.detail = vscode.l10n.t('case file: {0}', shown(inherited));
    item.documentation.appendMarkdown(`\n\n${vscode.l10n.t('Inherited from the case file; a value here overrides it for this document.')}`);
    item.sortText = `~${key}`;
  }
  item.range = range;
  if (type.type === 'object' || type.type === 'array') {
    item.insertText = `${key}:`;
  } else {
    item.insertText = `${key}: `;
    if ((type.type === 'string' && type.enum) || type.type === 'boolean') {
      item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
    }
  }
  return item;
}

function valueItems(type: FactType, range: vscode.Range, inherited?: unknown): vscode.CompletionItem[] {
  const values: { label: string; detail?: string }[] = [];
  if (inherited !== undefined && (typeof inherited === 'string' || typeof inherited === 'number' || typeof inherited === 'boolean')) {
    values.push({ label: String(inherited), detail: vscode.l10n.t('from the case file') });
  }
  if (type.type === 'string' && type.enum) values.push(...type.enum.map((label) => ({ label })));
  else if (type.type === 'boolean') values.push({ label: 'true' }, { label: 'false' });
  else if (type.type === 'date') values.push({ label: isoToday(), detail: vscode.l10n.t('today') });
  return values
    .filter((v, i) => values.findIndex((w) => w.label === v.label) === i)
    .map(({ label, detail }, i) => {
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.sortText = String(i).padStart(3, '0');
      item.documentation = new vscode.MarkdownString(type.description);
      if (detail) item.detail = detail;
      return item;
    });
}

/** Provides front-matter and placeholder completion. */
export class DunmarkCompletion implements vscode.CompletionItemProvider {
  static readonly triggers = [':', ' ', '{', '.'];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const fm = frontMatterLines(document);
    if (fm && position.line >= fm.first && position.line < fm.end) return this.frontMatter(document, position, before, fm.first);
    if (isTemplateFile(document.uri.path)) {
      const m = PLACEHOLDER_BEFORE_CURSOR.exec(before);
      if (m) {
        const range = new vscode.Range(position.translate(0, -m[1]!.length), position);
        const facts = placeholderNames().map(({ name, type, inside }) => {
          const item = new vscode.CompletionItem(name, type.type === 'array' ? vscode.CompletionItemKind.Module : vscode.CompletionItemKind.Variable);
          item.range = range;
          item.detail = inside ? vscode.l10n.t('inside the {0} section', inside) : type.type;
          item.documentation = new vscode.MarkdownString(type.description);
          return item;
        });
        const helpers = templates()
          .helperNames(FACTS_SCHEMA)
          .map(({ name, from }) => {
            const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Function);
            item.range = range;
            item.detail = vscode.l10n.t('formatted from {0}', from);
            return item;
          });
        return [...facts, ...helpers];
      }
    }
    return [];
  }

  private frontMatter(document: vscode.TextDocument, position: vscode.Position, before: string, first: number): vscode.CompletionItem[] {
    const above: string[] = [];
    for (let i = first; i < position.line; i++) above.push(document.lineAt(i).text);
    const value = VALUE_BEFORE_CURSOR.exec(before);
    if (value) {
      const keyAt = value[1]!.length + (value[2]?.length ?? 0);
      const path = [...parentPath(above, keyAt, value[2] ? value[1]!.length : undefined), value[3]!];
      const type = schemaAt(path.join('.'));
      const range = new vscode.Range(position.translate(0, -value[4]!.length), position);
      return type ? valueItems(type, range, valueAt(inheritedOf(document.uri)?.data, path.join('.'))) : [];
    }
    const key = KEY_BEFORE_CURSOR.exec(before);
    if (!key) return [];
    const keyAt = key[1]!.length + (key[2]?.length ?? 0);
    const parent = parentPath(above, keyAt, key[2] ? key[1]!.length : undefined);
    const props = childrenOf(parent);
    if (!props) return [];
    const range = new vscode.Range(position.translate(0, -(key[3]?.length ?? 0)), position);
    const inherited = inheritedOf(document.uri)?.data;
    return Object.entries(props).map(([k, type]) => keyItem(k, type, range, valueAt(inherited, [...parent, k].join('.'))));
  }
}
