// `dunmark lint letter.docx`: reads the Word letter (mammoth), takes its facts from --facts, a YAML
// block at its start, its custom properties or the case file of its folder, lints it, and says for
// each finding which paragraph of the document it is in.
import fs from 'node:fs';
import path from 'node:path';
import { docxLetter, type FactsFile } from '../core/export/docx-letter.js';
import { readDocx } from '../core/export/read-docx.js';
import type { DunmarkConfig } from '../core/types.js';
import { lint } from '../index.js';
import type { FileResult } from './format/stylish.js';

/** The names a folder's case file may have. */
export const CASE_FILE_NAMES = ['case.yaml', 'case.yml'];

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Lints one .docx; a one-line problem when it cannot be read. */
export async function lintDocxFile(
  file: string, shown: string, config: DunmarkConfig, facts: FactsFile | undefined, show: (f: string) => string,
): Promise<FileResult | { problem: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    return { problem: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  let reading;
  try {
    reading = await readDocx(bytes);
  } catch (error) {
    return { problem: `cannot read this Word document (${String((error as Error).message).split('\n')[0]}), expected a .docx file` };
  }
  let caseFile: FactsFile | undefined;
  for (const name of CASE_FILE_NAMES) {
    const candidate = path.join(path.dirname(file), name);
    const text = readText(candidate);
    if (text !== undefined) {
      caseFile = { name: show(candidate), text };
      break;
    }
  }
  const letter = docxLetter(reading, { ...(facts ? { factsFile: facts } : {}), ...(caseFile ? { caseFile } : {}) });
  // fixes are edits of the Markdown reading, not of the Word file: none are offered
  const findings = lint(letter.text, { config, path: shown }).map((f) => ({ ...f, fixes: [] }));
  return { file: shown, text: letter.text, findings, locate: letter.locate };
}
