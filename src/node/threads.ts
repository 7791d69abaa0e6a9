// The pool's threads in Node: `worker_threads` workers running a script (the CLI bundle itself, or
// the editor's and the server's dist/worker.cjs), each with a bounded heap; and the thread's side,
// answering jobs on its parent port.
import { parentPort, Worker } from 'node:worker_threads';
import type { ThreadFactory, ThreadPort } from '../core/pool/pool.js';

/** Heap a worker may use before it is stopped (a 2 MB letter needs well under 1 GB). */
export const WORKER_HEAP_MB = 4096;

/** Starts `worker_threads` workers from `script`; `workerData` tells a bundle that serves many roles which it plays. */
export function nodeThreads(script: string | URL, options: { workerData?: unknown; heapMb?: number } = {}): ThreadFactory {
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  return () => {
    const worker = new Worker(script, { workerData: options.workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    // an idle worker never keeps the process alive; a busy one does (the pool says which)
    worker.unref();
    return {
      post: (message) => worker.postMessage(message),
      listen(onMessage, onFailure) {
        worker.on('message', onMessage);
        worker.on('error', (error: NodeJS.ErrnoException) =>
          onFailure(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${heapMb} MB)` : (String(error.message).split('\n')[0] ?? 'unknown error'),
          ),
        );
        worker.on('exit', (code) => onFailure(`the worker stopped (exit ${code})`));
      },
      terminate: () => void worker.terminate(),
      hold: (busy) => (busy ? worker.ref() : worker.unref()),
    };
  };
}

/** This worker's parent port, for `serveJobs`; undefined on the main thread. */
export function parentThreadPort(): ThreadPort | undefined {
  const port = parentPort;
  if (!port) return undefined;
  return { post: (message) => port.postMessage(message), onMessage: (listener) => port.on('message', listener) };
}
