// Summarizes case folders on every core: reading YAML is most of `dunmark cases`, so a large
// portfolio is split into batches that worker threads summarize. Few cases stay in this thread.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { caseFacts } from '../core/cases/case-file.js';
import { summarizeCase, type CaseDocumentSource, type CaseSummary, type SummaryOptions } from '../core/cases/portfolio.js';
import { limitationOf } from '../core/law/limitation.js';

/** One case folder as read: its name as shown, its case files (outermost first) and documents. */
export interface CaseInput {
  folder: string;
  caseFiles: { name: string; text: string }[];
  documents: CaseDocumentSource[];
}

const ROLE = 'dunmark-cases-worker';
const SCRIPT = new URL(import.meta.url);
/** Fewer cases than this are summarized in this thread. */
const INLINE_BELOW = 400;

/** When a claim with these facts becomes time-barred (the core's limitation), for the `Time-barred` column. */
export const barDate = (facts: Parameters<typeof limitationOf>[0]): string | undefined => limitationOf(facts)?.bar;

/** Summarizes one case, its case files' YAML problems first among its problems. */
export function summarizeInput(input: CaseInput, options: Omit<SummaryOptions, 'limitation'>): CaseSummary {
  const facts = caseFacts(input.caseFiles);
  const summary = summarizeCase(input.folder, facts.data, input.documents, { ...options, limitation: barDate });
  for (const file of facts.files) {
    for (const e of [...file.errors].reverse()) {
      const at = file.lines.position(e.span.start);
      summary.problems.unshift(`${file.name}:${at.line}:${at.column}: ${e.message}`);
    }
  }
  return summary;
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
  parentPort?.on('message', ({ inputs, options }: { inputs: CaseInput[]; options: SummaryOptions }) => {
    parentPort?.postMessage(inputs.map((input) => summarizeInput(input, options)));
  });
}

/** Summarizes every case, in order, on as many threads as there are cores (one for a small portfolio). */
export async function summarizeAll(inputs: CaseInput[], options: Omit<SummaryOptions, 'limitation'>): Promise<CaseSummary[]> {
  const threads = inputs.length < INLINE_BELOW ? 0 : Math.min(availableParallelism(), 8);
  if (threads < 2) return inputs.map((input) => summarizeInput(input, options));
  const size = Math.ceil(inputs.length / (threads * 4));
  const batches: CaseInput[][] = [];
  for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size));
  const results: CaseSummary[][] = batches.map(() => []);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(SCRIPT, { workerData: { role: ROLE } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) {
                resolve();
                return;
              }
              const index = next++;
              worker.once('message', (summaries: CaseSummary[]) => {
                results[index] = summaries;
                send();
              });
              worker.postMessage({ inputs: batches[index], options });
            };
            worker.once('error', reject);
            send();
          }),
      ),
    );
  } finally {
    for (const w of workers) void w.terminate();
  }
  return results.flat();
}
