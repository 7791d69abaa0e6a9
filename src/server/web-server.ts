// The language server in a Web Worker (dist/web/server.js), for the web extension: the same server
// as over stdio, its connection over the worker's messages, its checks in Web Workers of its own, and
// files read through the client (`dunmark/readFile`, `dunmark/readDirectory`), which reads them with
// the editor's file system (virtual workspaces, github.dev).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { FileSystemPort } from '../core/config/resolve.js';
import { startServer } from './server.js';
import { joinUri, parentUri } from './uri.js';
import { webThreads } from './web-threads.js';

// a dedicated worker's scope: messages in and out, and where its script was loaded from
const scope = globalThis as unknown as Worker & { location: { href: string } };
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

/** Files by URI, read by the client. */
const clientFileSystem: FileSystemPort<string> = {
  readFile: async (uri) => (await connection.sendRequest<string | null>('dunmark/readFile', { uri })) ?? undefined,
  readDirectory: (uri) => connection.sendRequest<{ name: string; isDirectory: boolean }[]>('dunmark/readDirectory', { uri }).catch(() => []),
  isDirectory: (uri) => connection.sendRequest<boolean>('dunmark/isDirectory', { uri }).catch(() => false),
  parent: (uri) => parentUri(uri),
  join: (folder, relative) => joinUri(folder, relative),
  key: (uri) => uri,
};

// the pool's worker script sits beside this one
const workerUrl = new URL('worker.js', scope.location.href).toString();
startServer(connection, { threads: webThreads(workerUrl), fs: clientFileSystem });
