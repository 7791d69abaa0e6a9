// The web extension: the lint thread is a Web Worker running dist/web/lint-worker.js.
import type { ThreadFactory } from './runner.js';

/** Starts Web Workers from the bundled worker script's URL. */
export function webThreads(scriptUrl: string): ThreadFactory {
  return () => {
    if (typeof Worker !== 'function') throw new Error('Web Workers are not available in this extension host');
    const worker = new Worker(scriptUrl);
    return {
      post: (request) => worker.postMessage(request),
      listen(onMessage, onFailure) {
        worker.onmessage = (event: MessageEvent) => onMessage(event.data);
        worker.onerror = (event: ErrorEvent) => {
          event.preventDefault();
          onFailure(event.message || 'the lint worker could not run');
        };
      },
      terminate: () => worker.terminate(),
    };
  };
}
