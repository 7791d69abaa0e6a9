// Which documents Dunmark checks, decided once for the language server, the VS Code extension and
// the CLI's editor-facing paths: Markdown in real files, untitled documents and virtual workspaces
// (never a diff or an output view), that a config file covers, that lie in a case folder, or whose
// front matter says what kind of document they are. A README elsewhere in the workspace is left alone.
import { CASE_FILE_NAMES } from './config/names.js';
import { splitFrontMatter } from './front-matter.js';

/** The URI schemes Dunmark checks. */
export const CHECKED_SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Schemes of files on disk (or a virtual workspace's): their problems outlive their editors. */
export const FILE_SCHEMES: readonly string[] = ['file', 'vscode-vfs'];

/** A top-level `kind:` line with a value (read from the YAML text, so broken YAML still counts). */
const KIND_LINE = /^kind:[ \t]*\S/m;

/**
 * True for a Dunmark document: a config applies to it (`hasConfig`, which a case folder counts as) or
 * its front matter names its `kind`. Untitled documents always are (there is nothing else to tell from).
 */
export function isDunmarkDocument(text: string, hasConfig: boolean, scheme: string): boolean {
  if (hasConfig || scheme === 'untitled') return true;
  const fm = splitFrontMatter(text);
  return fm !== undefined && KIND_LINE.test(text.slice(fm.content.start, fm.content.end));
}

/** True for a URI or path whose scheme Dunmark checks (`untitled:`, `file:`, a virtual workspace's). */
export function isCheckedScheme(scheme: string): boolean {
  return (CHECKED_SCHEMES as readonly string[]).includes(scheme);
}

/** True for a case file (`case.yaml`) by its URI or path: its facts are inherited, it is never checked as a letter. */
export function isCaseFilePath(uriOrPath: string): boolean {
  const cut = uriOrPath.search(/[?#]/);
  const path = cut === -1 ? uriOrPath : uriOrPath.slice(0, cut);
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (CASE_FILE_NAMES as readonly string[]).includes(name);
}
