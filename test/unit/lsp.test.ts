// The language server spoken to as an editor speaks to it, over stdio from a plain JSON-RPC client,
// no editor involved: initialize → didOpen → diagnostics (pushed, and pulled with LSP 3.17) →
// codeAction → the preferred fix applied with didChange → diagnostics again → a clean letter →
// hover, completion, Fix All → shutdown. Runs `dist/cli.mjs lsp --stdio` (npm run build first).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const CLI = path.resolve('dist/cli.mjs');
const EXAMPLES = path.resolve('examples');
const uriOf = (name: string): string => pathToFileURL(path.join(EXAMPLES, name)).toString();

interface Session {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  stderr: () => string;
}

async function startServer(pull: boolean): Promise<Session> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params.diagnostics);
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.accept(params.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params.diagnostics);
      }
    }
  });
  // the server asks for its settings: the workspace's `dunmark` section
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => ({ today: '2026-11-20' })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(EXAMPLES).toString(),
    workspaceFolders: [{ uri: pathToFileURL(EXAMPLES).toString(), name: 'examples' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } } },
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    stderr: () => stderr,
    diagnostics: (uri, accept) =>
      new Promise((resolve) => {
        const now = latest.get(uri);
        if (now && accept(now)) resolve(now);
        else waiters.push({ uri, accept, resolve });
      }),
  };
}

async function stop(session: Session): Promise<void> {
  await session.connection.sendRequest('shutdown');
  await session.connection.sendNotification('exit');
  await new Promise<void>((resolve) => {
    if (session.child.exitCode !== null) resolve();
    else session.child.once('exit', () => resolve());
  });
  session.connection.dispose();
}

function open(session: Session, name: string): TextDocument {
  const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
  const document = TextDocument.create(uriOf(name), 'markdown', 1, text);
  void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId: 'markdown', version: 1, text } });
  return document;
}

const threat = (d: Diagnostic): boolean => d.code === 'no-threat';

describe('language server (a plain LSP conversation over stdio)', function () {
  this.timeout(120_000);

  it('pushes diagnostics, offers the quick fix for a threat, applies it, and leaves a clean letter clean', async () => {
    const session = await startServer(false);
    try {
      let document = open(session, 'with-mistakes.md');
      const ds = await session.diagnostics(document.uri, (d) => d.some(threat));
      const d = ds.find(threat)!;
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(d.source, 'dunmark');
      assert.ok(d.codeDescription?.href.endsWith('/docs/rules/no-threat.md'), `the rule's page: ${d.codeDescription?.href}`);
      assert.ok(
        ds.some((x) => x.code === 'amount-matches-facts' && x.relatedInformation?.length),
        'a wrong amount points at the fact it contradicts',
      );

      const actions = (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: document.uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Disable no-threat for this line'), titles.join(' | '));
      assert.ok(titles.includes('Disable no-threat for this file'), titles.join(' | '));
      // a threat has no certain rewording: its fix (remove the sentence) is offered, not preferred
      const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix && !a.title.startsWith('Disable') && a.diagnostics?.some(threat));
      assert.ok(fix?.edit?.changes?.[document.uri], `a fix of the threat among: ${titles.join(' | ')}`);
      assert.equal(fix.isPreferred, false);
      const wrongAmount = ds.find((x) => x.code === 'amount-matches-facts')!;
      const amountActions = (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: document.uri },
        range: wrongAmount.range,
        context: { diagnostics: [wrongAmount] },
      })) as CodeAction[];
      assert.ok(
        amountActions.some((a) => a.isPreferred && a.title === 'Replace with `USD 18,400.00`'),
        'the certain fix of a wrong amount is marked preferred',
      );
      assert.ok(
        actions.some((a) => a.kind === 'source.fixAll.dunmark'),
        'Fix All is offered beside the quick fixes',
      );

      // the client applies the edit and tells the server, as an editor does
      const edits = fix.edit.changes[document.uri] as TextEdit[];
      const text = TextDocument.applyEdits(document, edits);
      document = TextDocument.create(document.uri, 'markdown', 2, text);
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: document.uri, version: 2 },
        contentChanges: [{ text }],
      });
      const after = await session.diagnostics(document.uri, (x) => !x.some(threat));
      assert.ok(after.length > 0, 'the other mistakes are still reported');
      assert.doesNotMatch(text, /find your family/);

      const clean = open(session, 'reminder-en.md');
      const none = await session.diagnostics(clean.uri, () => true);
      assert.deepEqual(
        none.filter((x) => x.severity === DiagnosticSeverity.Error),
        [],
        `no error on the clean reminder: ${JSON.stringify(none.map((x) => x.message))}`,
      );

      const hover = (await session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: clean.uri },
        position: clean.positionAt(clean.getText().indexOf('USD 18,400.00') + 5),
      })) as Hover | null;
      assert.match(JSON.stringify(hover?.contents ?? ''), /Matches front matter `amount: 18400`/);

      const fixAll = (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: document.uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.dunmark'] },
      })) as CodeAction[];
      const all = fixAll.find((a) => a.kind === 'source.fixAll.dunmark');
      assert.ok(all?.edit?.changes?.[document.uri]?.length, 'source.fixAll.dunmark edits the letter');
    } finally {
      await stop(session);
    }
    assert.doesNotMatch(session.stderr(), /Error|at .*\.js:\d+/, 'no stack trace on stderr');
  });

  it('answers pulled diagnostics (LSP 3.17) and completes front-matter keys from the facts schema', async () => {
    const session = await startServer(true);
    try {
      const document = open(session, 'with-mistakes.md');
      const report = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: document.uri } })) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      assert.ok(report.kind === 'full' && report.items.some(threat), 'the threat is in the pulled report');
      // the workspace's closed letters: one no editor opened, with its problem, and no clean letter
      const workspace = (await session.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceDiagnosticReport;
      const closed = workspace.items.find((i) => i.uri.endsWith('/2026-11-12-final-demand.md'));
      assert.ok(closed?.kind === 'full' && closed.items.length > 0, workspace.items.map((i) => i.uri).join(', '));
      assert.ok(!workspace.items.some((i) => i.uri.endsWith('/reminder-en.md')), 'a clean letter has no report');

      const untitled = 'untitled:Untitled-1';
      await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: untitled, languageId: 'markdown', version: 1, text: '---\nkind: \nde\n---\n' },
      });
      const kinds = (await session.connection.sendRequest('textDocument/completion', {
        textDocument: { uri: untitled },
        position: { line: 1, character: 6 },
      })) as CompletionItem[];
      assert.ok(
        ['dunning-letter', 'call-summary'].every((k) => kinds.some((i) => i.label === k)),
        kinds.map((i) => i.label).join(', '),
      );
      const keys = (await session.connection.sendRequest('textDocument/completion', {
        textDocument: { uri: untitled },
        position: { line: 2, character: 2 },
      })) as CompletionItem[];
      assert.ok(['debtor', 'deadline', 'due_date'].every((k) => keys.some((i) => i.label === k)));
    } finally {
      await stop(session);
    }
  });
});
