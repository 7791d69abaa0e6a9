// The CLI's worker pool: the core's one pool over worker_threads running this very bundle (a worker
// knows its role by its workerData), sized by --jobs or by the work. Lint, --fix, Word letters and
// `cases` all go through it.
import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { answerJob, DunmarkPool, type DunmarkJob } from '../core/pool/jobs.js';
import { serveJobs, type ThreadFactory } from '../core/pool/pool.js';
import { nodeThreads, parentThreadPort } from '../node/threads.js';

const ROLE = 'dunmark-worker';
/** The module that starts the workers: this file, or the CLI bundle it is built into. */
const SCRIPT = new URL(import.meta.url);
/** Fewer files than this are linted by one worker: starting more costs more than they save. */
export const ONE_WORKER_BELOW = 48;

/** True in one of the CLI's workers (the command itself must not run there). */
export const isPoolWorker = !isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE;

/**
 * Tests only: a letter holding this text never finishes in a worker, so that the budget (--max-ms)
 * can be tested on any machine, busy or fast, without timing anything (see test/unit/robustness.test.ts).
 */
const STALL_MARKER = process.env.DUNMARK_TEST_STALL_ON;

function stallForever(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

if (isPoolWorker) {
  const port = parentThreadPort();
  // Word reading (mammoth) is a chunk of its own, loaded by the first Word letter
  if (port)
    serveJobs(port, (job: DunmarkJob) => {
      if (STALL_MARKER && job.task === 'lint' && job.text.includes(STALL_MARKER)) stallForever();
      return answerJob(job, { docx: async (j) => (await import('../core/export/docx-job.js')).checkDocx(j) });
    });
}

/** How many workers handle `count` items: `jobs` when given, else every core for a large run and one for a small one. */
export function poolSize(count: number, jobs: number | undefined): number {
  if (count === 0) return 0;
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, count));
  return count < ONE_WORKER_BELOW ? 1 : Math.min(availableParallelism(), count);
}

/** Threads running this bundle in the workers' role (the language server's pool uses them too). */
export function cliThreads(): ThreadFactory {
  return nodeThreads(SCRIPT, { workerData: { role: ROLE } });
}

/** A pool of `size` workers running this bundle. */
export function cliPool(size: number): DunmarkPool {
  return new DunmarkPool(cliThreads(), size);
}
