// A thread of the pool in a browser (dist/web/worker.js): checks documents and case folders. Word
// letters are the desktop's (they come with export).
import { answerJob, type DunmarkJob } from '../core/pool/jobs.js';
import { serveJobs } from '../core/pool/pool.js';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;
serveJobs({ post: (message) => scope.postMessage(message), onMessage: (listener) => (scope.onmessage = (event) => listener(event.data)) }, (job: DunmarkJob) =>
  answerJob(job),
);
