// The pool's threads in a browser: Web Workers running dist/web/worker.js (the web extension's
// checks; a Web Worker can start Web Workers of its own, so the server in one uses them too).
import type { ThreadFactory } from '../core/pool/pool.js';

/** Starts Web Workers from the bundled worker script's URL; throws where there are none. */
export function webThreads(scriptUrl: string): ThreadFactory {
  return () => {
    if (typeof Worker !== 'function') throw new Error('Web Workers are not available here');
    const worker = new Worker(scriptUrl);
    return {
      post: (message) => worker.postMessage(message),
      listen(onMessage, onFailure) {
        worker.onmessage = (event: MessageEvent) => onMessage(event.data);
        worker.onerror = (event: ErrorEvent) => {
          event.preventDefault();
          onFailure(event.message || 'the worker could not run');
        };
      },
      terminate: () => worker.terminate(),
    };
  };
}
