// Lints (and fixes) files on every core: a pool of worker threads, each linting one file at a time
// within a time budget. `lint()` is synchronous, and only terminating the thread that runs it bounds
// it honestly: a worker over budget — a slow path in a dependency, a pathological letter — is ended
// and the next file gets a fresh one. Every file is linted in a worker, so the budget always holds.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { firstLine, runLintJob, type LintJob, type LintJobResult } from '../core/lint-job.js';

/** The core's result, or that the file ran over its budget. */
export type LintAnswer = LintJobResult | { kind: 'over-budget' };

const ROLE = 'dunmark-lint-worker';
/** The module that starts the workers: this file, or the CLI bundle it is built into. */
const SCRIPT = new URL(import.meta.url);
/** Fewer files than this are linted by one worker: starting more costs more than they save. */
export const ONE_WORKER_BELOW = 48;
/** Heap a worker may use before it is stopped (a 2 MB letter needs well under 1 GB). */
const WORKER_HEAP_MB = 4096;

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
  parentPort?.on('message', (job: LintJob) => parentPort?.postMessage(runLintJob(job)));
  parentPort?.postMessage('ready');
}

/** How many workers lint `count` files: `jobs` when given, else every core for a large run and one for a small one. */
export function poolSize(count: number, jobs: number | undefined): number {
  if (count === 0) return 0;
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, count));
  return count < ONE_WORKER_BELOW ? 1 : Math.min(availableParallelism(), count);
}

interface Pending {
  job: LintJob;
  resolve: (answer: LintAnswer) => void;
}

/** One worker thread, whether it has started, and whether it is running a job. */
class Slot {
  worker: Worker | undefined;
  ready: Promise<void> | undefined;
  busy = false;
}

/** A pool of lint workers; `run` queues a job and answers when a worker has done it or ran out of time. */
export class LintPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];

  /** `size` workers (at least one); `maxMs`: the time one file may take, counted once its worker is ready. */
  constructor(
    size: number,
    private readonly maxMs: number,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => new Slot());
  }

  /** How many workers it runs at most. */
  get size(): number {
    return this.slots.length;
  }

  /** Lints one file; never throws. */
  run(job: LintJob): Promise<LintAnswer> {
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
      void this.dispatch(slot, next);
    }
  }

  /** Starts a slot's worker; it answers `ready` once it has loaded. */
  private start(slot: Slot): Promise<void> {
    const worker = new Worker(SCRIPT, { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    slot.worker = worker;
    slot.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the lint worker stopped (exit ${code})`)));
    });
    return slot.ready;
  }

  /** Ends a slot's worker (its next job starts a fresh one). */
  private end(slot: Slot, worker: Worker | undefined = slot.worker): void {
    if (slot.worker === worker) {
      slot.worker = undefined;
      slot.ready = undefined;
    }
    if (worker) void worker.terminate();
  }

  private async dispatch(slot: Slot, { job, resolve }: Pending): Promise<void> {
    slot.busy = true;
    const done = (answer: LintAnswer): void => {
      slot.busy = false;
      resolve(answer);
      this.pump();
    };
    try {
      await (slot.worker ? slot.ready : this.start(slot));
    } catch (error) {
      this.end(slot);
      done({ kind: 'failed', reason: firstLine(error) });
      return;
    }
    const current = slot.worker!;
    // a busy worker keeps the process alive; an idle one does not
    current.ref();
    const finish = (answer: LintAnswer, stop: boolean): void => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
      if (stop) this.end(slot, current);
      else current.unref();
      done(answer);
    };
    const onMessage = (answer: LintAnswer): void => finish(answer, false);
    const onError = (error: Error): void => {
      const code = (error as NodeJS.ErrnoException).code;
      finish({ kind: 'failed', reason: code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${WORKER_HEAP_MB} MB)` : firstLine(error) }, true);
    };
    const onExit = (code: number): void => finish({ kind: 'failed', reason: `the lint worker stopped (exit ${code})` }, true);
    current.on('message', onMessage);
    current.once('error', onError);
    current.once('exit', onExit);
    const timer = setTimeout(() => finish({ kind: 'over-budget' }, true), this.maxMs);
    current.postMessage(job);
  }

  /** Ends every worker. */
  stop(): void {
    for (const slot of this.slots) this.end(slot);
  }
}
