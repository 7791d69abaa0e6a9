// Desktop and remote hosts: the lint thread is a `worker_threads` worker running dist/lint-worker.cjs.
import { Worker } from 'node:worker_threads';
import type { ThreadFactory } from './runner.js';

/** Heap the worker may use before it is stopped (a 2 MB letter needs well under 1 GB). */
const WORKER_HEAP_MB = 2048;

/** Starts workers from the bundled worker script. */
export function nodeThreads(script: string): ThreadFactory {
  return () => {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    return {
      post: (request) => worker.postMessage(request),
      listen(onMessage, onFailure) {
        worker.on('message', onMessage);
        worker.on('error', (error: NodeJS.ErrnoException) =>
          onFailure(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${WORKER_HEAP_MB} MB)` : (String(error.message).split('\n')[0] ?? 'unknown error'),
          ),
        );
        worker.on('exit', (code) => onFailure(`the lint worker stopped (exit ${code})`));
      },
      terminate: () => void worker.terminate(),
    };
  };
}
