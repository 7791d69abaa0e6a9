// The web lint thread: a Web Worker started by the web extension, answering lint requests one at a time.
import { answer, READY, type LintRequest } from './answer.js';

interface WorkerScope {
  onmessage: ((event: { data: LintRequest }) => void) | null;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(answer(event.data));
scope.postMessage(READY);
