// Lints (and fixes) one file at a time in a worker thread, so that a file that takes too long —
// a slow path in a dependency, a pathological letter — can be stopped: `lint()` is synchronous,
// and only terminating the thread that runs it bounds it honestly.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { lint } from '../index.js';
import { fixUntilStable } from '../core/fixes.js';
import type { DunmarkConfig, Finding } from '../core/types.js';

/** What the CLI asks of the worker for one file. */
export interface LintJob {
  text: string;
  config: DunmarkConfig;
  path: string;
  fix: boolean;
}

/** What the worker answers: the (fixed) text and its findings, or why it failed. */
export type LintAnswer =
  | { kind: 'done'; text: string; findings: Finding[] }
  | { kind: 'over-budget' }
  | { kind: 'failed'; reason: string };

const ROLE = 'dunmark-lint-worker';
/** The module that starts the worker: this file, or the CLI bundle it is built into. */
const SCRIPT = new URL(import.meta.url);

/** Heap the worker may use before it is stopped (a 2 MB letter needs well under 1 GB). */
const WORKER_HEAP_MB = 4096;

function runJob(job: LintJob): LintAnswer {
  try {
    if (job.fix) {
      const outcome = fixUntilStable(job.text, (t) => lint(t, { config: job.config, path: job.path }));
      return { kind: 'done', text: outcome.text, findings: outcome.findings };
    }
    return { kind: 'done', text: job.text, findings: lint(job.text, { config: job.config, path: job.path }) };
  } catch (error) {
    return { kind: 'failed', reason: String((error as Error)?.message ?? error).split('\n')[0] ?? 'unknown error' };
  }
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
  parentPort?.on('message', (job: LintJob) => parentPort?.postMessage(runJob(job)));
  parentPort?.postMessage('ready');
}

/** Runs lint jobs in one worker thread, each within `maxMs`; a job over budget ends that worker. */
export class LintRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;

  constructor(private readonly maxMs: number) {}

  private start(): Promise<void> {
    const worker = new Worker(SCRIPT, { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }});
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the lint worker stopped (exit ${code})`)));
    });
    return this.ready;
  }

  /** Lints one file; never throws. */
  async run(job: LintJob): Promise<LintAnswer> {
    try {
      if (!this.worker) await this.start();
      else await this.ready;
    } catch (error) {
      this.stop();
      return { kind: 'failed', reason: String((error as Error).message) };
    }
    const worker = this.worker!;
    return new Promise<LintAnswer>((resolve) => {
      let settled = false;
      const finish = (answer: LintAnswer, stop: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) this.stop();
        resolve(answer);
      };
      const onMessage = (answer: LintAnswer): void => finish(answer, false);
      const onError = (error: Error): void => {
        const code = (error as NodeJS.ErrnoException).code;
        finish({ kind: 'failed', reason: code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${WORKER_HEAP_MB} MB)` : String(error.message).split('\n')[0] ?? 'unknown error' }, true);
      };
      const onExit = (code: number): void => finish({ kind: 'failed', reason: `the lint worker stopped (exit ${code})` }, true);
      const timer = setTimeout(() => finish({ kind: 'over-budget' }, true), this.maxMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Ends the worker (the next job starts a new one). */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) void worker.terminate();
  }
}
