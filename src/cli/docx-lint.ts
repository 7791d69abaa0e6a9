// `dunmark lint letter.docx`: reads the Word letter (mammoth), takes its own facts from --facts, a
// YAML block at its start or its custom properties, and says for each finding which paragraph of the
// document it is in. The reading is linted like any letter: in a worker, within --max-ms.
import fs from 'node:fs';
import type { CaseFileSource } from '../core/cases/case-file.js';
import { docxLetter, type FactsFile } from '../core/export/docx-letter.js';
import { readDocx } from '../core/export/read-docx.js';
import { formatSize } from './file-io.js';
import type { FileResult } from './format/stylish.js';

/** A Word letter as Markdown (with the facts it takes) and where each of its offsets is in the document. */
export type DocxReading = { text: string; locate: NonNullable<FileResult['locate']> } | { problem: string };

/** A Word file's own limit: pictures (a letterhead's logo) make a .docx much larger than its text. */
const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** Reads one .docx whose text is at most `maxBytes` (--max-size); a one-line problem when it cannot be read. */
export async function readDocxLetter(file: string, maxBytes: number, facts: FactsFile | undefined, caseFiles: readonly CaseFileSource[]): Promise<DocxReading> {
  let bytes: Uint8Array;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_DOCX_BYTES) return { problem: `file too large (${formatSize(size)}), expected a Word document of at most ${formatSize(MAX_DOCX_BYTES)}` };
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
  const textBytes = new TextEncoder().encode(letter.text).length;
  if (textBytes > maxBytes) return { problem: `text too large (${formatSize(textBytes)}), expected at most ${formatSize(maxBytes)} (see --max-size)` };
  return { text: letter.text, locate: letter.locate };
}
