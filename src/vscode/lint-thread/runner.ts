// The editor's side of the lint thread: one worker that lints one document at a time within a
// budget. `lint()` is synchronous, so a letter that takes too long (a slow path in a dependency, a
// pathological text) would freeze the extension host if it ran there; in a worker it is stopped by
// ending the worker, and the next request starts a fresh one. No `vscode` import: unit tests run it.
import type { CaseFileSource } from '../../core/cases/case-file.js';
import type { DunmarkConfig, Finding } from '../../core/types.js';
import { READY, type LintReply, type LintRequest } from './answer.js';

/** A started worker, whatever kind (worker_threads on the desktop, a Web Worker in the browser). */
export interface ThreadHandle {
  post(request: LintRequest): void;
  /** `onMessage` gets every message; `onFailure` is called when the worker cannot run or dies. */
  listen(onMessage: (message: unknown) => void, onFailure: (reason: string) => void): void;
  terminate(): void;
}

/** Starts a worker; throws when workers cannot be started here. */
export type ThreadFactory = () => ThreadHandle;

/** How one request ended. */
export type ThreadResult =
  | { kind: 'done'; findings: Finding[]; language: 'en' | 'zh' }
  /** The budget ran out; the worker was ended. */
  | { kind: 'over-budget'; budgetMs: number }
  /** The lint failed in the worker, or the worker died while linting (out of memory). */
  | { kind: 'failed'; reason: string }
  /** A newer request for the same document replaced this one before it started. */
  | { kind: 'superseded' }
  /** No worker can run here: the caller lints in its own thread. */
  | { kind: 'unavailable'; reason: string };

interface Pending {
  key: string;
  request: LintRequest;
  budgetMs: number;
  resolve(result: ThreadResult): void;
}

/** Time a new worker may take to load the core before workers count as unavailable. */
const START_LIMIT_MS = 20_000;

/** One lint worker and its queue. */
export class LintThread {
  private handle: ThreadHandle | undefined;
  private ready: Promise<boolean> | undefined;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private unavailable: string | undefined;
  private disposed = false;

  constructor(private readonly factory: ThreadFactory) {}

  /** True until starting a worker has failed (then every request answers `unavailable`). */
  get available(): boolean {
    return this.unavailable === undefined;
  }

  /**
   * Lints a text in the worker within `budgetMs` (counted from when the worker gets it). A request
   * for a document (`key`) that has not started yet is replaced by a newer one for the same document.
   */
  lint(key: string, text: string, config: DunmarkConfig, path: string, budgetMs: number, caseFiles: readonly CaseFileSource[] = []): Promise<ThreadResult> {
    if (this.unavailable !== undefined) return Promise.resolve({ kind: 'unavailable', reason: this.unavailable });
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const queued = this.queue[i]!;
      if (queued.key !== key) continue;
      this.queue.splice(i, 1);
      queued.resolve({ kind: 'superseded' });
    }
    return new Promise((resolve) => {
      this.queue.push({ key, request: { id: this.nextId++, text, config, path, caseFiles }, budgetMs, resolve });
      void this.pump();
    });
  }

  private start(): Promise<boolean> {
    let handle: ThreadHandle;
    try {
      handle = this.factory();
    } catch (error) {
      this.markUnavailable(String((error as Error)?.message ?? error));
      return Promise.resolve(false);
    }
    this.handle = handle;
    const ready = new Promise<boolean>((resolve) => {
      const limit = setTimeout(() => {
        this.markUnavailable(`the lint worker did not start within ${START_LIMIT_MS} ms`);
        resolve(false);
      }, START_LIMIT_MS);
      handle.listen(
        (message) => {
          if (message === READY) {
            clearTimeout(limit);
            resolve(true);
            return;
          }
          this.onReply(handle, message as LintReply);
        },
        (reason) => {
          clearTimeout(limit);
          if (this.handle !== handle) return; // a worker we ended
          if (!this.current) {
            // died before it answered anything: workers cannot run here
            this.markUnavailable(reason);
            resolve(false);
            return;
          }
          this.finishCurrent({ kind: 'failed', reason }, true);
        },
      );
    });
    this.ready = ready;
    return ready;
  }

  private async pump(): Promise<void> {
    if (this.current || this.disposed || this.queue.length === 0) return;
    const started = this.handle ? await this.ready : await this.start();
    if (!started || this.current || this.disposed) return;
    const pending = this.queue.shift();
    if (!pending) return;
    const handle = this.handle!;
    const timer = setTimeout(() => this.finishCurrent({ kind: 'over-budget', budgetMs: pending.budgetMs }, true), pending.budgetMs);
    this.current = { pending, timer };
    handle.post(pending.request);
  }

  private onReply(handle: ThreadHandle, reply: LintReply): void {
    if (handle !== this.handle || !this.current || reply.id !== this.current.pending.request.id) return;
    this.finishCurrent(
      reply.kind === 'done' ? { kind: 'done', findings: reply.findings, language: reply.language } : { kind: 'failed', reason: reply.reason },
      false,
    );
  }

  private finishCurrent(result: ThreadResult, endWorker: boolean): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if (endWorker) this.endWorker();
    current.pending.resolve(result);
    void this.pump();
  }

  private endWorker(): void {
    const handle = this.handle;
    this.handle = undefined;
    this.ready = undefined;
    handle?.terminate();
  }

  private markUnavailable(reason: string): void {
    this.unavailable = reason;
    this.endWorker();
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'unavailable', reason });
  }

  /** Ends the worker; requests still queued answer `superseded`. */
  dispose(): void {
    this.disposed = true;
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.pending.resolve({ kind: 'superseded' });
      this.current = undefined;
    }
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'superseded' });
    this.endWorker();
  }
}
