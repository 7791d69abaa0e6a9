// The one worker lifecycle: N slots over a thread factory (worker_threads in Node, Web Workers in the
// browser), each running one job at a time within a time budget. The rules are synchronous, so only
// ending the thread that runs them bounds a check honestly: a job over its budget ends its worker,
// and the slot's next job starts a fresh one. The CLI's lint and `cases`, the language server and
// Fix All all run through it. Pure: the factory is the only thing that knows what a thread is.

/** A started thread, whatever kind. */
export interface ThreadHandle {
  post(message: unknown): void;
  /** `onMessage` gets every message; `onFailure` is called when the thread cannot run or dies. */
  listen(onMessage: (message: unknown) => void, onFailure: (reason: string) => void): void;
  terminate(): void;
  /** Whether the thread keeps its process alive (Node: a busy worker does, an idle one does not). */
  hold?(busy: boolean): void;
}

/** Starts a thread; throws when threads cannot be started here. */
export type ThreadFactory = () => ThreadHandle;

/** The first message a thread sends once its code has loaded. */
export const READY = 'dunmark-worker-ready';

/** What a thread is sent: a job and its number. */
export interface JobMessage<Job = unknown> {
  id: number;
  job: Job;
}

/** What a thread answers: the job's number and its outcome (the thread never throws: a failure is `failed`). */
export interface ReplyMessage<Done = unknown> {
  id: number;
  result: ({ kind: 'done' } & Done) | { kind: 'failed'; reason: string };
}

/**
 * How a job ended: the one result type from the thread to the user (the CLI's output, the server's
 * diagnostics, the editor's Word view all start from it).
 */
export type PoolResult<Done> =
  | ({ kind: 'done' } & Done)
  /** The job failed in the thread, or the thread died while running it (out of memory). */
  | { kind: 'failed'; reason: string }
  /** The budget ran out; the thread was ended. */
  | { kind: 'over-budget'; budgetMs: number }
  /** A newer job with the same key replaced this one before it started. */
  | { kind: 'superseded' }
  /** No thread can run here: the caller decides (the server checks in its own thread). */
  | { kind: 'unavailable'; reason: string };

/** How one job is run. */
export interface RunOptions {
  /** Milliseconds the job may take once its thread has it (default: no limit). */
  budgetMs?: number;
  /** A job with a key replaces a queued, not yet started job with the same key (typing in one document). */
  key?: string;
}

/** How a pool is made. */
export interface PoolOptions {
  /** How many threads run at once (at least one). */
  size: number;
  /** Time a new thread may take to load before it counts as failed to start (default 20 s). */
  startLimitMs?: number;
}

interface Pending<Job, Done> {
  job: Job;
  options: RunOptions;
  resolve(result: PoolResult<Done>): void;
}

interface Slot<Job, Done> {
  handle: ThreadHandle | undefined;
  ready: Promise<boolean> | undefined;
  current: { id: number; pending: Pending<Job, Done>; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  starting: boolean;
}

/** Time a new thread may take to load the core before it counts as failed to start. */
const START_LIMIT_MS = 20_000;

/** A pool of threads running jobs one at a time each, in order, within their budgets. */
export class WorkerPool<Job, Done> {
  private readonly slots: Slot<Job, Done>[];
  private readonly queue: Pending<Job, Done>[] = [];
  private nextId = 1;
  private unavailable: string | undefined;
  /** True once a thread has loaded: after that, a thread that fails to start fails its job only. */
  private everReady = false;
  private stopped = false;
  private readonly startLimitMs: number;

  constructor(
    private readonly factory: ThreadFactory,
    options: PoolOptions,
  ) {
    this.slots = Array.from({ length: Math.max(1, Math.trunc(options.size) || 1) }, () => ({
      handle: undefined,
      ready: undefined,
      current: undefined,
      starting: false,
    }));
    this.startLimitMs = options.startLimitMs ?? START_LIMIT_MS;
  }

  /** How many threads it runs at most. */
  get size(): number {
    return this.slots.length;
  }

  /** True until starting threads has failed for good (then every job answers `unavailable`). */
  get available(): boolean {
    return this.unavailable === undefined;
  }

  /** Runs one job; never throws. */
  run(job: Job, options: RunOptions = {}): Promise<PoolResult<Done>> {
    if (this.unavailable !== undefined) return Promise.resolve({ kind: 'unavailable', reason: this.unavailable });
    if (this.stopped) return Promise.resolve({ kind: 'superseded' });
    if (options.key !== undefined) {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        const queued = this.queue[i]!;
        if (queued.options.key !== options.key) continue;
        this.queue.splice(i, 1);
        queued.resolve({ kind: 'superseded' });
      }
    }
    return new Promise((resolve) => {
      this.queue.push({ job, options, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.stopped || this.unavailable !== undefined) return;
    for (const slot of this.slots) {
      if (slot.current || slot.starting) continue;
      if (this.queue.length === 0) return;
      void this.dispatch(slot);
    }
  }

  /** Starts a slot's thread; resolves true once it has loaded, false when it could not. */
  private start(slot: Slot<Job, Done>): Promise<boolean> {
    let handle: ThreadHandle;
    try {
      handle = this.factory();
    } catch (error) {
      this.failedToStart(firstLine(error));
      return Promise.resolve(false);
    }
    slot.handle = handle;
    const ready = new Promise<boolean>((resolve) => {
      let loaded = false;
      const limit = setTimeout(() => {
        if (slot.handle !== handle) return;
        this.end(slot);
        this.failedToStart(`the worker did not start within ${this.startLimitMs} ms`);
        resolve(false);
      }, this.startLimitMs);
      handle.listen(
        (message) => {
          if (message === READY) {
            clearTimeout(limit);
            loaded = true;
            this.everReady = true;
            resolve(true);
            return;
          }
          this.onReply(slot, handle, message as ReplyMessage<Done>);
        },
        (reason) => {
          clearTimeout(limit);
          if (slot.handle !== handle) return; // a thread this pool ended
          if (!loaded) {
            this.end(slot);
            this.failedToStart(reason);
            resolve(false);
            return;
          }
          this.finish(slot, { kind: 'failed', reason }, true);
        },
      );
    });
    slot.ready = ready;
    return ready;
  }

  /** A thread could not start: before any has, threads cannot run here; after, only the next job fails. */
  private failedToStart(reason: string): void {
    if (this.everReady) {
      const next = this.queue.shift();
      next?.resolve({ kind: 'failed', reason });
      return;
    }
    this.unavailable = reason;
    for (const slot of this.slots) this.end(slot);
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'unavailable', reason });
  }

  private async dispatch(slot: Slot<Job, Done>): Promise<void> {
    slot.starting = true;
    const started = slot.handle ? await slot.ready : await this.start(slot);
    slot.starting = false;
    if (!started || this.stopped || slot.current) {
      this.pump();
      return;
    }
    const pending = this.queue.shift();
    if (!pending) return;
    const handle = slot.handle!;
    const id = this.nextId++;
    const budget = pending.options.budgetMs;
    const timer =
      budget !== undefined && Number.isFinite(budget)
        ? setTimeout(() => this.finish(slot, { kind: 'over-budget', budgetMs: budget }, true), budget)
        : undefined;
    slot.current = { id, pending, timer };
    handle.hold?.(true);
    handle.post({ id, job: pending.job } satisfies JobMessage<Job>);
  }

  private onReply(slot: Slot<Job, Done>, handle: ThreadHandle, reply: ReplyMessage<Done>): void {
    if (handle !== slot.handle || !slot.current || reply?.id !== slot.current.id) return;
    this.finish(slot, reply.result, false);
  }

  private finish(slot: Slot<Job, Done>, result: PoolResult<Done>, endThread: boolean): void {
    const current = slot.current;
    if (!current) return;
    if (current.timer) clearTimeout(current.timer);
    slot.current = undefined;
    if (endThread) this.end(slot);
    else slot.handle?.hold?.(false);
    current.pending.resolve(result);
    this.pump();
  }

  private end(slot: Slot<Job, Done>): void {
    const handle = slot.handle;
    slot.handle = undefined;
    slot.ready = undefined;
    handle?.terminate();
  }

  /** Ends every thread; jobs still queued or running answer `superseded`. */
  stop(): void {
    this.stopped = true;
    for (const slot of this.slots) {
      if (slot.current) {
        if (slot.current.timer) clearTimeout(slot.current.timer);
        slot.current.pending.resolve({ kind: 'superseded' });
        slot.current = undefined;
      }
      this.end(slot);
    }
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'superseded' });
  }
}

/** An error's first line: what a one-line report of a failure says. */
export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] || 'unknown error';
}

/** Where a thread's code hears its jobs and answers them (a worker_threads port, a Web Worker's scope). */
export interface ThreadPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** What a thread's handler answers for one job: done with its value, or why it failed. */
export type JobOutcome<Done> = ReplyMessage<Done>['result'];

/**
 * The thread's side: answers each job with `handle` (a throw becomes `failed` with its first line),
 * one at a time in order, and says it is ready.
 */
export function serveJobs<Job, Done>(port: ThreadPort, handle: (job: Job) => JobOutcome<Done> | Promise<JobOutcome<Done>>): void {
  let chain: Promise<void> = Promise.resolve();
  port.onMessage((message) => {
    const { id, job } = message as JobMessage<Job>;
    chain = chain.then(async () => {
      let result: JobOutcome<Done>;
      try {
        result = await handle(job);
      } catch (error) {
        result = { kind: 'failed', reason: firstLine(error) };
      }
      port.post({ id, result } satisfies ReplyMessage<Done>);
    });
  });
  port.post(READY);
}
