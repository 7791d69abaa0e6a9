// What the one worker pool runs: a document checked (lint, or fix until stable), a batch of case
// folders summarized, a Word letter read and checked. Each face builds a pool of its own size over
// its kind of thread and sends these; each thread answers them with `answerJob`.
import { summarizeCaseFolder, type CaseInput } from '../cases/summarize.js';
import type { CaseSummary, SummaryOptions } from '../cases/portfolio.js';
import { runLintJob, type LintDone, type LintJob } from '../lint-job.js';
import { WorkerPool, type JobOutcome, type PoolResult, type RunOptions, type ThreadFactory } from './pool.js';

/** A batch of case folders to summarize. */
export interface CasesJob {
  inputs: CaseInput[];
  options: Omit<SummaryOptions, 'limitation'>;
}

/** The summaries of a batch, in order. */
export interface CasesDone {
  summaries: CaseSummary[];
}

/** A Word letter to read and check (see export/docx-job.ts). */
export type { DocxDone, DocxJob } from '../export/docx-job.js';
import type { DocxDone, DocxJob } from '../export/docx-job.js';

/** One job of the pool. */
export type DunmarkJob = ({ task: 'lint' } & LintJob) | ({ task: 'cases' } & CasesJob) | ({ task: 'docx' } & DocxJob);

/** What a thread can do: the lint and the cases everywhere; Word reading where its entry brings it. */
export interface JobHandlers {
  docx?: (job: DocxJob) => Promise<JobOutcome<DocxDone>>;
}

/** Answers one job in a thread; a kind of job this thread was not built for fails in one line. */
export function answerJob(job: DunmarkJob, handlers: JobHandlers = {}): JobOutcome<unknown> | Promise<JobOutcome<unknown>> {
  switch (job.task) {
    case 'lint':
      return runLintJob(job);
    case 'cases':
      return { kind: 'done', summaries: job.inputs.map((input) => summarizeCaseFolder(input, job.options).summary) } as JobOutcome<CasesDone>;
    case 'docx':
      return handlers.docx ? handlers.docx(job) : { kind: 'failed', reason: 'Word documents cannot be read here' };
    default:
      return { kind: 'failed', reason: `unknown job ${String((job as { task?: unknown }).task)}` };
  }
}

/** The pool every face uses, typed by job. */
export class DunmarkPool {
  private readonly pool: WorkerPool<DunmarkJob, unknown>;

  constructor(threads: ThreadFactory, size: number) {
    this.pool = new WorkerPool(threads, { size });
  }

  /** How many threads it runs at most. */
  get size(): number {
    return this.pool.size;
  }

  /** False once threads could not be started here (every job answers `unavailable`). */
  get available(): boolean {
    return this.pool.available;
  }

  /** Checks (or fixes) one document. */
  lint(job: LintJob, options?: RunOptions): Promise<PoolResult<LintDone>> {
    return this.pool.run({ task: 'lint', ...job }, options) as Promise<PoolResult<LintDone>>;
  }

  /** Summarizes a batch of case folders. */
  cases(job: CasesJob, options?: RunOptions): Promise<PoolResult<CasesDone>> {
    return this.pool.run({ task: 'cases', ...job }, options) as Promise<PoolResult<CasesDone>>;
  }

  /** Reads and checks a Word letter. */
  docx(job: DocxJob, options?: RunOptions): Promise<PoolResult<DocxDone>> {
    return this.pool.run({ task: 'docx', ...job }, options) as Promise<PoolResult<DocxDone>>;
  }

  /** Ends every thread. */
  stop(): void {
    this.pool.stop();
  }
}
