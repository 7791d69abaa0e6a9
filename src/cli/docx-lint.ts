// `dunmark lint letter.docx`: the Word file's bytes, read in this thread with its own size limit (a
// letterhead's pictures make a .docx much larger than its text). The reading (mammoth) and the check
// run in a worker of the pool (core/export/docx-job.ts), within --max-ms.
import fs from 'node:fs';
import { formatSize } from './file-io.js';

/** A Word file's own limit: pictures (a letterhead's logo) make a .docx much larger than its text. */
const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** The bytes of one .docx, or a one-line problem when it cannot be read. */
export function readDocxBytes(file: string): { bytes: Uint8Array } | { problem: string } {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_DOCX_BYTES) return { problem: `file too large (${formatSize(size)}), expected a Word document of at most ${formatSize(MAX_DOCX_BYTES)}` };
    return { bytes: new Uint8Array(fs.readFileSync(file)) };
  } catch (error) {
    return { problem: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}
