/**
 * Finds the cases under a folder over the discovery port: every folder with a case file is a case;
 * its documents are the Markdown files in it and in its subfolders that are not cases of their own.
 * A case inherits the case files above it too (one merge: cases/case-file.ts). Folders are read in
 * parallel; node_modules and dot-folders are skipped.
 */
import type { FileSystemPort } from '../config/resolve.js';
import { CASE_FILE_NAMES } from '../config/names.js';

/** A case folder and what it holds, as read through the port. */
export interface CaseFolder<L> {
  folder: L;
  /** Its case files with those of the folders above it, outermost first. */
  caseFiles: { file: L; text: string }[];
  /** Its documents (Markdown files), with their text. */
  documents: { file: L; text: string }[];
  /** Files that exist but could not be read, with the reason. */
  unreadable: { file: L; reason: string }[];
}

/** Options of `readCaseFolders`. */
export interface CaseFolderOptions {
  /** Extensions of documents, without the dot (default `md`). */
  extensions?: readonly string[];
  /** Called after each case folder is read (a progress bar). */
  onCase?: (count: number) => void;
}

const SKIPPED = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

/** Every case under `root` (itself included), in folder order. */
export async function readCaseFolders<L>(fs: FileSystemPort<L>, root: L, options: CaseFolderOptions = {}): Promise<CaseFolder<L>[]> {
  const extensions = (options.extensions ?? ['md']).map((e) => `.${e.replace(/^\./, '').toLowerCase()}`);
  const isDocument = (name: string): boolean => extensions.some((e) => name.toLowerCase().endsWith(e));
  const out: CaseFolder<L>[] = [];
  const read = async (file: L, into: { file: L; text: string }[], unreadable: CaseFolder<L>['unreadable']): Promise<void> => {
    try {
      const text = await fs.readFile(file);
      if (text !== undefined) into.push({ file, text });
    } catch (error) {
      unreadable.push({ file, reason: String((error as Error)?.message ?? error) });
    }
  };
  // `owner`: the case the folder's documents belong to; `above`: the case files of the folders above
  const walk = async (folder: L, above: { file: L; text: string }[], owner: CaseFolder<L> | undefined): Promise<CaseFolder<L>[]> => {
    const entries = (await fs.readDirectory(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.filter((e) => !e.isDirectory).map((e) => e.name));
    const caseName = CASE_FILE_NAMES.find((n) => names.has(n));
    let here = owner;
    let chain = above;
    const found: CaseFolder<L>[] = [];
    if (caseName) {
      here = { folder, caseFiles: [], documents: [], unreadable: [] };
      const own: { file: L; text: string }[] = [];
      await read(fs.join(folder, caseName), own, here.unreadable);
      chain = [...above, ...own];
      here.caseFiles = chain;
      found.push(here);
    }
    if (here) {
      const target = here;
      const docs: { file: L; text: string }[] = [];
      await Promise.all(entries.filter((e) => !e.isDirectory && isDocument(e.name)).map((e) => read(fs.join(folder, e.name), docs, target.unreadable)));
      // in name order, whatever order the reads finished in
      const order = new Map(entries.map((e, i) => [fs.key(fs.join(folder, e.name)), i]));
      target.documents.push(...docs.sort((a, b) => order.get(fs.key(a.file))! - order.get(fs.key(b.file))!));
    }
    const below = await Promise.all(entries.filter((e) => e.isDirectory && !SKIPPED(e.name)).map((e) => walk(fs.join(folder, e.name), chain, here)));
    if (caseName) options.onCase?.(++count);
    return [...found, ...below.flat()];
  };
  let count = 0;
  out.push(...(await walk(root, [], undefined)));
  return out;
}
