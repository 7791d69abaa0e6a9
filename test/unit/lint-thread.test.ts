// The editor's lint thread: the same findings as lint() in this thread, a budget that ends a worker
// stuck on one document (and the next document still gets checked), newer requests replacing older
// ones, and an editor host where no worker can start linting in its own thread.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/index.js';
import { READY, type LintRequest } from '../../src/vscode/lint-thread/answer.js';
import { nodeThreads } from '../../src/vscode/lint-thread/node-handle.js';
import { LintThread, type ThreadFactory, type ThreadHandle } from '../../src/vscode/lint-thread/runner.js';

const WORKER = path.resolve('dist/lint-worker.cjs');
const letter = readFileSync('examples/with-mistakes.md', 'utf8');
const config = { today: '2026-03-02' };

/** A worker that loads and then never answers, counting how often it was started and ended. */
function stuckThreads(): { factory: ThreadFactory; started: number; ended: number; posted: LintRequest[] } {
  const state = { started: 0, ended: 0, posted: [] as LintRequest[], factory: (() => undefined) as unknown as ThreadFactory };
  state.factory = () => {
    state.started++;
    let ended = false;
    const handle: ThreadHandle = {
      post: (request) => state.posted.push(request),
      listen: (onMessage) =>
        queueMicrotask(() => {
          if (!ended) onMessage(READY);
        }),
      terminate: () => {
        ended = true;
        state.ended++;
      },
    };
    return handle;
  };
  return state;
}

describe('editor lint thread', () => {
  it('answers with the findings lint() gives in this thread', async () => {
    const thread = new LintThread(nodeThreads(WORKER));
    try {
      const result = await thread.lint('a', letter, config, 'with-mistakes.md', 20_000);
      assert.equal(result.kind, 'done');
      const expected = lint(letter, { config, path: 'with-mistakes.md' });
      assert.ok(expected.length > 3, 'the example has findings');
      assert.deepEqual(result.kind === 'done' ? result.findings : [], JSON.parse(JSON.stringify(expected)));
      assert.equal(result.kind === 'done' && result.language, 'en');
    } finally {
      thread.dispose();
    }
  });

  it('ends a worker over budget and checks the next document in a fresh one', async () => {
    const thread = new LintThread(nodeThreads(WORKER));
    try {
      // about 1 MB of letter: far more than 20 ms of work in any worker
      const big = letter + '\n' + 'The balance of USD 12,400.00 under invoice INV-2291 remains unpaid as of today. '.repeat(12_000);
      const slow = thread.lint('big', big, config, 'big.md', 20);
      const next = thread.lint('small', letter, config, 'with-mistakes.md', 20_000);
      assert.deepEqual(await slow, { kind: 'over-budget', budgetMs: 20 });
      const after = await next;
      assert.equal(after.kind, 'done');
      assert.ok(after.kind === 'done' && after.findings.length > 3);
    } finally {
      thread.dispose();
    }
  });

  it('replaces a queued request with a newer one for the same document', async () => {
    const stuck = stuckThreads();
    const thread = new LintThread(stuck.factory);
    const first = thread.lint('x', 'one', config, 'x.md', 30);
    await new Promise((resolve) => setImmediate(resolve)); // the worker reports ready and gets the first
    assert.equal(stuck.posted.length, 1);
    const second = thread.lint('x', 'two', config, 'x.md', 30); // queued behind the running one
    const third = thread.lint('x', 'three', config, 'x.md', 30); // replaces the second
    assert.deepEqual(await second, { kind: 'superseded' });
    assert.deepEqual(await first, { kind: 'over-budget', budgetMs: 30 });
    assert.deepEqual(await third, { kind: 'over-budget', budgetMs: 30 });
    assert.deepEqual(
      stuck.posted.map((r) => r.text),
      ['one', 'three'],
    );
    assert.equal(stuck.started, 2, 'a worker over budget is replaced');
    assert.equal(stuck.ended, 2);
    thread.dispose();
  });

  it('says so when no worker can start, and keeps saying it without trying again', async () => {
    let tries = 0;
    const thread = new LintThread(() => {
      tries++;
      throw new Error('workers are not available');
    });
    assert.deepEqual(await thread.lint('a', letter, config, 'a.md', 1000), { kind: 'unavailable', reason: 'workers are not available' });
    assert.equal(thread.available, false);
    assert.equal((await thread.lint('a', letter, config, 'a.md', 1000)).kind, 'unavailable');
    assert.equal(tries, 1);
  });

  it('reports a worker that dies while checking as failed, and starts another', async () => {
    let started = 0;
    const thread = new LintThread(() => {
      started++;
      const n = started;
      let fail: (reason: string) => void = () => undefined;
      let message: (m: unknown) => void = () => undefined;
      return {
        post: (request) => (n === 1 ? fail('out of memory (over 2048 MB)') : message({ id: request.id, kind: 'done', findings: [], language: 'zh' })),
        listen: (onMessage, onFailure) => {
          message = onMessage;
          fail = onFailure;
          queueMicrotask(() => onMessage(READY));
        },
        terminate: () => undefined,
      };
    });
    assert.deepEqual(await thread.lint('a', 'x', config, 'a.md', 1000), { kind: 'failed', reason: 'out of memory (over 2048 MB)' });
    assert.deepEqual(await thread.lint('a', 'x', config, 'a.md', 1000), { kind: 'done', findings: [], language: 'zh' });
    assert.equal(started, 2);
    thread.dispose();
  });
});
