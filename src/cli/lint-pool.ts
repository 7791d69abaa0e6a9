// Lints (and fixes) files on every core: a pool of worker threads, each linting one file at a time,
// with an optional time budget per file (a worker over budget is ended and replaced). Few files are
// linted in this thread: starting a worker costs more than it saves.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { caseFacts, type CaseFacts, type CaseFileSource } from '../core/cases/case-file.js';
import { fixUntilStable } from '../core/fixes.js';
import type { DunmarkConfig, Finding } from '../core/types.js';
import { lint } from '../index.js';

/** What the CLI asks for one file. */
export interface LintJob {
  text: string;
  config: DunmarkConfig;
  /** The file as shown (messages only). */
  path: string;
  fix: boolean;
  /** The case files the document inherits facts from, outermost first. */
  caseFiles: readonly CaseFileSource[];
}

/** The (fixed) text and its findings, or why there are none. */
export type LintAnswer =
  | { kind: 'done'; text: string; findings: Finding[] }
  | { kind: 'over-budget' }
  | { kind: 'failed'; reason: string };

const ROLE = 'dunmark-lint-worker';
/** The module that starts the workers: this file, or the CLI bundle it is built into. */
const SCRIPT = new URL(import.meta.url);
/** Fewer files than this are linted in the calling thread. */
export const INLINE_BELOW = 48;

let lastCase: { key: string; facts: CaseFacts } | undefined;

/** The case facts of a job, parsed once for the many documents of one case in a row. */
function caseFactsOf(files: readonly CaseFileSource[]): CaseFacts | undefined {
  if (files.length === 0) return undefined;
  const key = files.map((f) => `${f.name}\u0000${f.text}`).join('\u0001');
  if (lastCase?.key !== key) lastCase = { key, facts: caseFacts(files) };
  return lastCase.facts;
}

/** Runs one job in this thread; never throws. */
export function runLintJob(job: LintJob): LintAnswer {
  try {
    const facts = caseFactsOf(job.caseFiles);
    const options = { config: job.config, path: job.path, ...(facts ? { facts } : {}) };
    if (job.fix) {
      const outcome = fixUntilStable(job.text, (t) => lint(t, options));
      return { kind: 'done', text: outcome.text, findings: outcome.findings };
    }
    return { kind: 'done', text: job.text, findings: lint(job.text, options) };
  } catch (error) {
    return { kind: 'failed', reason: String((error as Error)?.message ?? error).split('\n')[0] ?? 'unknown error' };
  }
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
  parentPort?.on('message', (job: LintJob) => parentPort?.postMessage(runLintJob(job)));
}

/** How many workers lint `count` files: `jobs` when given (0: this thread), else every core for a large run. */
export function poolSize(count: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(0, Math.min(jobs, count));
  return count < INLINE_BELOW ? 0 : Math.min(availableParallelism(), count);
}

interface Pending {
  job: LintJob;
  resolve: (answer: LintAnswer) => void;
}

/** One worker thread and the job it is running. */
class Slot {
  worker: Worker | undefined;
  busy = false;
}

/** A pool of lint workers; `run` queues a job and answers when a worker has done it. */
export class LintPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];

  /** `size` 0 lints in this thread; `maxMs` is the time one file may take in a worker. */
  constructor(size: number, private readonly maxMs?: number) {
    this.slots = Array.from({ length: size }, () => new Slot());
  }

  /** Lints one file; never throws. */
  run(job: LintJob): Promise<LintAnswer> {
    if (this.slots.length === 0) return Promise.resolve(runLintJob(job));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      this.dispatch(slot, next);
    }
  }

  private dispatch(slot: Slot, { job, resolve }: Pending): void {
    slot.busy = true;
    let worker = slot.worker;
    if (!worker) {
      worker = new Worker(SCRIPT, { workerData: { role: ROLE } });
      worker.unref();
      slot.worker = worker;
    }
    const current = worker;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (answer: LintAnswer, end: boolean): void => {
      if (timer) clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
      if (end) {
        if (slot.worker === current) slot.worker = undefined;
        void current.terminate();
      }
      slot.busy = false;
      resolve(answer);
      this.pump();
    };
    const onMessage = (answer: LintAnswer): void => finish(answer, false);
    const onError = (error: Error): void => finish({ kind: 'failed', reason: String(error.message).split('\n')[0] ?? 'unknown error' }, true);
    const onExit = (code: number): void => finish({ kind: 'failed', reason: `the lint worker stopped (exit ${code})` }, true);
    current.on('message', onMessage);
    current.once('error', onError);
    current.once('exit', onExit);
    if (this.maxMs !== undefined) timer = setTimeout(() => finish({ kind: 'over-budget' }, true), this.maxMs);
    current.postMessage(job);
  }

  /** Ends every worker. */
  stop(): void {
    for (const slot of this.slots) {
      const worker = slot.worker;
      slot.worker = undefined;
      if (worker) void worker.terminate();
    }
  }
}
