// The language server as the desktop extension starts it (dist/server.cjs, over the client's IPC
// channel): the same server as `dunmark lsp`, its pool's threads running dist/worker.cjs beside it.
import path from 'node:path';
import { runNodeServer } from './server-host.js';
import { nodeThreads } from './threads.js';

runNodeServer(nodeThreads(path.join(__dirname, 'worker.cjs'), { heapMb: 2048 }), __filename);
