// `dunmark lint letter.docx`: reads the Word letter (mammoth), takes its own facts from --facts, a
// YAML block at its start or its custom properties, inherits those of its case files, lints it, and
// says for each finding which paragraph of the document it is in.
import fs from 'node:fs';
import { caseFacts, type CaseFileSource } from '../core/cases/case-file.js';
import { docxLetter, type FactsFile } from '../core/export/docx-letter.js';
import { readDocx } from '../core/export/read-docx.js';
import type { DunmarkConfig } from '../core/types.js';
import { lint } from '../index.js';
import type { FileResult } from './format/stylish.js';

/** Lints one .docx with the case files it inherits (outermost first); a one-line problem when it cannot be read. */
export async function lintDocxFile(
  file: string, shown: string, config: DunmarkConfig, facts: FactsFile | undefined, caseFiles: readonly CaseFileSource[],
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
  const letter = docxLetter(reading, { ...(facts ? { factsFile: facts } : {}), caseFiles });
  // fixes are edits of the Markdown reading, not of the Word file: none are offered
  const inherited = caseFiles.length ? { facts: caseFacts(caseFiles) } : {};
  const findings = lint(letter.text, { config, path: shown, ...inherited }).map((f) => ({ ...f, fixes: [] }));
  return { file: shown, text: letter.text, findings, locate: letter.locate };
}
