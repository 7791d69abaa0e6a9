// The language server in Node (`dunmark lsp --stdio`, the `dunmark-ls` bin, the desktop extension's
// server): stdio or the client's IPC, the pool's threads over worker_threads, files read from disk by
// URI, rule pages from the package's docs folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { FileSystemPort } from '../core/config/resolve.js';
import type { ThreadFactory } from '../core/pool/pool.js';
import { startServer, type DunmarkServer } from '../server/server.js';
import { joinUri, parentUri } from '../server/uri.js';
import { readTextGuardedAsync, SMALL_FILE_BYTES } from './guarded-fs.js';

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The file system over `file:` URIs: the one guarded read (a regular file, its size checked first; never a FIFO or /dev/zero). */
export const nodeUriFileSystem: FileSystemPort<string> = {
  async readFile(uri) {
    const file = toPath(uri);
    if (!file) return undefined;
    const read = await readTextGuardedAsync(file, { maxBytes: SMALL_FILE_BYTES });
    if (read.ok) return read.text;
    if (read.code === 'missing' || read.code === 'broken-link') return undefined;
    throw new Error(read.reason);
  },
  async readDirectory(uri) {
    const folder = toPath(uri);
    if (!folder) return [];
    try {
      return (await fs.promises.readdir(folder, { withFileTypes: true })).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    } catch {
      return [];
    }
  },
  async isDirectory(uri) {
    const folder = toPath(uri);
    try {
      return folder !== undefined && (await fs.promises.stat(folder)).isDirectory();
    } catch {
      return false;
    }
  },
  parent: (uri) => parentUri(uri),
  join: (folder, relative) => joinUri(folder, relative),
  key: (uri) => uri,
};

/** Where the package's rule pages are (docs/rules beside dist/), if they are installed. */
function docsFolder(from: string): string | undefined {
  for (let dir = path.dirname(from), i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Starts the server on this process's stdio (or the IPC channel a client opened), its threads from `threads`. */
export function runNodeServer(threads: ThreadFactory | undefined, self: string): DunmarkServer {
  const connection = createConnection(ProposedFeatures.all);
  const docs = docsFolder(self);
  return startServer(connection, {
    ...(threads ? { threads } : {}),
    fs: nodeUriFileSystem,
    docsUri: (ruleId, lang) => {
      if (!docs) return undefined;
      const page =
        lang === 'zh' && fs.existsSync(path.join(docs, 'zh', `${ruleId}.md`)) ? path.join(docs, 'zh', `${ruleId}.md`) : path.join(docs, `${ruleId}.md`);
      return fs.existsSync(page) ? pathToFileURL(page).toString() : undefined;
    },
  });
}
