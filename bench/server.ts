// The language server as an editor feels it (npm run bench; needs npm run build): keystroke to
// diagnostics through the server, its debounce included, for a 3 KB and a 60 KB letter (goals: median
// ≤ 150 ms and ≤ 400 ms), and the server's resident memory after 100 edits (goal ≤ 150 MB; the pool's
// worker is a thread of the same process, so it is counted). Timings print; nothing here asserts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.mjs');
if (!fs.existsSync(CLI)) {
  console.log('bench/server.ts: build first (npm run build)');
  process.exit(0);
}

const example = fs.readFileSync(path.join(ROOT, 'examples/letter-before-action-bilingual.md'), 'utf8');
const end = example.indexOf('\n---', 4) + 4;
const head = example.slice(0, end);
const paragraphs = example
  .slice(end)
  .split(/\n\s*\n/)
  .filter((p) => p.trim() && !p.startsWith('#'));

/** A letter of about `bytes` bytes: the example's front matter and its paragraphs over and over. */
function letter(bytes: number): string {
  let text = `${head}\n\n`;
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += `${paragraphs[i % paragraphs.length]}\n\n`;
  return text;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map<string, { version: number; resolve: () => void }>();
connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
  const w = waiting.get(p.uri);
  if (w && (p.version ?? 0) >= w.version) {
    waiting.delete(p.uri);
    w.resolve();
  }
});
connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ today: '2026-11-20' })));
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const folder = pathToFileURL(path.join(ROOT, 'examples')).toString();
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: folder,
  workspaceFolders: [{ uri: folder, name: 'examples' }],
  capabilities: { workspace: { configuration: true } },
});
await connection.sendNotification('initialized', {});

const published = (uri: string, version: number): Promise<void> => new Promise((resolve) => waiting.set(uri, { version, resolve }));

/** Opens a letter, then types `edits` characters at its end one at a time, waiting for each one's diagnostics. */
async function typing(name: string, text: string, edits: number): Promise<number[]> {
  const uri = `${folder}/${name}`;
  let version = 1;
  const first = published(uri, version);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await first;
  const lines = text.split('\n');
  const line = lines.length - 1;
  let column = lines[line]!.length;
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    version++;
    const done = published(uri, version);
    const started = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: i % 10 === 9 ? ' ' : 'x' }],
    });
    await done;
    samples.push(performance.now() - started);
    column++;
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return samples;
}

function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const small = await typing('bench-3k.md', letter(3 * 1024), 30);
const large = await typing('bench-60k.md', letter(60 * 1024), 20);
const soak = await typing('bench-soak.md', letter(3 * 1024), 100);
const rss = rssMb(child.pid!);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

const fmt = (n: number): string => n.toFixed(0);
console.log(`
language server (dunmark lsp --stdio), keystroke to diagnostics with its debounce (median; goals in brackets):
  3 KB letter:  ${fmt(median(small))} ms (≤ 150)   [min ${fmt(Math.min(...small))}, max ${fmt(Math.max(...small))}, ${small.length} keystrokes]
  60 KB letter: ${fmt(median(large))} ms (≤ 400)   [min ${fmt(Math.min(...large))}, max ${fmt(Math.max(...large))}, ${large.length} keystrokes]
  resident memory after 100 more edits: ${rss === undefined ? '? (no /proc)' : `${fmt(rss)} MB`} (≤ 150)   [median keystroke ${fmt(median(soak))} ms]`);
fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, '.bench/server.json'),
  `${JSON.stringify({ node: process.version, small: median(small), large: median(large), rssMb: rss, soak: median(soak) }, null, 2)}\n`,
);
