// The desktop lint thread: a `worker_threads` worker that answers lint requests one at a time.
import { parentPort } from 'node:worker_threads';
import { answer, READY, type LintRequest } from './answer.js';

parentPort?.on('message', (request: LintRequest) => parentPort?.postMessage(answer(request)));
parentPort?.postMessage(READY);
