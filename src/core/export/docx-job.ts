// A Word letter read (mammoth) and checked in one job of the worker pool, so that a document that
// inflates without end, or reads slowly, is bounded by the job's budget and the thread's heap: never
// the CLI's main thread, the editor's extension host or the language server.
import type { CaseFileSource } from '../cases/case-file.js';
import { runLintJob } from '../lint-job.js';
import type { JobOutcome } from '../pool/pool.js';
import type { DunmarkConfig, Finding } from '../types.js';
import { docxLetter, type DocxLocation, type FactsFile } from './docx-letter.js';
import { readDocx } from './read-docx.js';

/** A Word letter to read and check. */
export interface DocxJob {
  bytes: Uint8Array;
  /** Largest reading (as UTF-8) that is checked. */
  maxTextBytes: number;
  /** A facts file the caller read (`--facts`), else the letter's own facts or its case files'. */
  factsFile?: FactsFile;
  caseFiles: readonly CaseFileSource[];
  config: DunmarkConfig;
}

/** What reading and checking a Word letter gave. */
export type DocxDone =
  | { outcome: 'unreadable'; reason: string }
  | { outcome: 'too-large'; textBytes: number }
  /** `locations[i]`: where `findings[i]` sits in the Word document (its paragraph). */
  | { outcome: 'checked'; text: string; findings: Finding[]; locations: DocxLocation[]; language: 'en' | 'zh' };

/** Reads a .docx and checks its letter like any other, with the case files' facts. */
export async function checkDocx(job: DocxJob): Promise<JobOutcome<DocxDone>> {
  let reading;
  try {
    reading = await readDocx(job.bytes);
  } catch (error) {
    return { kind: 'done', outcome: 'unreadable', reason: String((error as Error)?.message ?? error).split('\n')[0] ?? '' };
  }
  const letter = docxLetter(reading, { ...(job.factsFile ? { factsFile: job.factsFile } : {}), caseFiles: job.caseFiles });
  const textBytes = new TextEncoder().encode(letter.text).length;
  if (textBytes > job.maxTextBytes) return { kind: 'done', outcome: 'too-large', textBytes };
  const result = runLintJob({ text: letter.text, config: job.config, caseFiles: job.caseFiles });
  if (result.kind === 'failed') return result;
  // fixes would edit the reading, not the Word file
  const findings = result.findings.map((f) => ({ ...f, fixes: [] }));
  return { kind: 'done', outcome: 'checked', text: letter.text, findings, locations: findings.map((f) => letter.locate(f)), language: result.language };
}
