// The one worker pool (core/pool): the same findings as lint() in this thread, a budget that ends a
// worker stuck on one document (and the next document still gets checked), newer jobs replacing
// older ones for the same key, N slots at once, Word letters read in a worker, and a host where no
// worker can start answering `unavailable` so the caller checks in its own thread.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/index.js';
import { DunmarkPool } from '../../src/core/pool/jobs.js';
import { READY, WorkerPool, type JobMessage, type ThreadFactory, type ThreadHandle } from '../../src/core/pool/pool.js';
import { nodeThreads } from '../../src/node/threads.js';
import { buildDocx } from '../../src/core/export/docx.js';
import { buildExportDocument } from '../../src/core/export/model.js';

const WORKER = path.resolve('dist/worker.cjs');
const letter = readFileSync('examples/with-mistakes.md', 'utf8');
const config = { today: '2026-03-02' };

/** Threads that load and then never answer, counting how often they were started and ended. */
function stuckThreads(): { factory: ThreadFactory; started: number; ended: number; posted: JobMessage<{ text: string }>[] } {
  const state = { started: 0, ended: 0, posted: [] as JobMessage<{ text: string }>[], factory: (() => undefined) as unknown as ThreadFactory };
  state.factory = () => {
    state.started++;
    let ended = false;
    const handle: ThreadHandle = {
      post: (message) => state.posted.push(message as JobMessage<{ text: string }>),
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

describe('worker pool', () => {
  it('answers with the findings lint() gives in this thread', async () => {
    const pool = new DunmarkPool(nodeThreads(WORKER), 1);
    try {
      const result = await pool.lint({ text: letter, config, caseFiles: [] }, { budgetMs: 20_000 });
      assert.equal(result.kind, 'done');
      const expected = lint(letter, { config, path: 'with-mistakes.md' });
      assert.ok(expected.length > 3, 'the example has findings');
      assert.deepEqual(result.kind === 'done' ? result.findings : [], JSON.parse(JSON.stringify(expected)));
      assert.equal(result.kind === 'done' && result.language, 'en');
    } finally {
      pool.stop();
    }
  });

  it('ends a worker over budget and checks the next document in a fresh one', async () => {
    const pool = new DunmarkPool(nodeThreads(WORKER), 1);
    try {
      // about 1 MB of letter: far more than 20 ms of work in any worker
      const big = letter + '\n' + 'The balance of USD 12,400.00 under invoice INV-2291 remains unpaid as of today. '.repeat(12_000);
      const slow = pool.lint({ text: big, config, caseFiles: [] }, { budgetMs: 20 });
      const next = pool.lint({ text: letter, config, caseFiles: [] }, { budgetMs: 20_000 });
      assert.deepEqual(await slow, { kind: 'over-budget', budgetMs: 20 });
      const after = await next;
      assert.equal(after.kind, 'done');
      assert.ok(after.kind === 'done' && after.findings.length > 3);
    } finally {
      pool.stop();
    }
  });

  it('fixes as --fix does, and reads and checks a Word letter in a worker', async () => {
    const pool = new DunmarkPool(nodeThreads(WORKER), 2);
    try {
      const fixed = await pool.lint({ text: letter, config, caseFiles: [], fix: true }, { budgetMs: 20_000 });
      assert.equal(fixed.kind, 'done');
      assert.ok(fixed.kind === 'done' && fixed.text !== letter && (fixed.applied ?? 0) > 0, 'the preferred fixes were applied');
      const bytes = await buildDocx(buildExportDocument(letter, undefined), { layout: 'sequence', pageBreakBetweenHalves: false, creator: 'Dunmark' });
      const word = await pool.docx({ bytes, maxTextBytes: 2 * 1024 * 1024, caseFiles: [], config }, { budgetMs: 20_000 });
      assert.equal(word.kind, 'done');
      assert.ok(word.kind === 'done' && word.outcome === 'checked', JSON.stringify(word).slice(0, 200));
      assert.ok(word.findings.length > 0 && word.locations.length === word.findings.length, 'each finding has its paragraph');
      assert.ok(
        word.findings.every((f) => f.fixes.length === 0),
        'no fix edits the reading of a Word file',
      );
      const junk = await pool.docx({ bytes: new Uint8Array([1, 2, 3]), maxTextBytes: 1000, caseFiles: [], config }, { budgetMs: 20_000 });
      assert.ok(junk.kind === 'done' && junk.outcome === 'unreadable', 'a file that is not a .docx is one line, not a crash');
    } finally {
      pool.stop();
    }
  });

  it('replaces a queued job with a newer one of the same key', async () => {
    const stuck = stuckThreads();
    const pool = new WorkerPool<{ text: string }, unknown>(stuck.factory, { size: 1 });
    const first = pool.run({ text: 'one' }, { key: 'x', budgetMs: 30 });
    await new Promise((resolve) => setImmediate(resolve)); // the worker reports ready and gets the first
    assert.equal(stuck.posted.length, 1);
    const second = pool.run({ text: 'two' }, { key: 'x', budgetMs: 30 }); // queued behind the running one
    const third = pool.run({ text: 'three' }, { key: 'x', budgetMs: 30 }); // replaces the second
    assert.deepEqual(await second, { kind: 'superseded' });
    assert.deepEqual(await first, { kind: 'over-budget', budgetMs: 30 });
    assert.deepEqual(await third, { kind: 'over-budget', budgetMs: 30 });
    assert.deepEqual(
      stuck.posted.map((m) => m.job.text),
      ['one', 'three'],
    );
    assert.equal(stuck.started, 2, 'a worker over budget is replaced');
    assert.equal(stuck.ended, 2);
    pool.stop();
  });

  it('runs N jobs at once on N slots', async () => {
    const stuck = stuckThreads();
    const pool = new WorkerPool<{ text: string }, unknown>(stuck.factory, { size: 3 });
    const jobs = ['a', 'b', 'c', 'd'].map((text) => pool.run({ text }, { budgetMs: 50 }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(stuck.started, 3);
    assert.deepEqual(stuck.posted.map((m) => m.job.text).sort(), ['a', 'b', 'c']);
    for (const job of jobs) assert.equal((await job).kind, 'over-budget');
    pool.stop();
  });

  it('says so when no worker can start, and keeps saying it without trying again', async () => {
    let tries = 0;
    const pool = new WorkerPool(
      () => {
        tries++;
        throw new Error('workers are not available');
      },
      { size: 2 },
    );
    assert.deepEqual(await pool.run({}, { budgetMs: 1000 }), { kind: 'unavailable', reason: 'workers are not available' });
    assert.equal(pool.available, false);
    assert.equal((await pool.run({}, { budgetMs: 1000 })).kind, 'unavailable');
    assert.equal(tries, 1);
  });

  it('reports a worker that dies while checking as failed, and starts another', async () => {
    let started = 0;
    const pool = new WorkerPool<unknown, { language: string }>(
      () => {
        started++;
        const n = started;
        let fail: (reason: string) => void = () => undefined;
        let message: (m: unknown) => void = () => undefined;
        return {
          post: (m) => (n === 1 ? fail('out of memory (over 2048 MB)') : message({ id: (m as JobMessage).id, result: { kind: 'done', language: 'zh' } })),
          listen: (onMessage, onFailure) => {
            message = onMessage;
            fail = onFailure;
            queueMicrotask(() => onMessage(READY));
          },
          terminate: () => undefined,
        };
      },
      { size: 1 },
    );
    assert.deepEqual(await pool.run('x', { budgetMs: 1000 }), { kind: 'failed', reason: 'out of memory (over 2048 MB)' });
    assert.deepEqual(await pool.run('x', { budgetMs: 1000 }), { kind: 'done', language: 'zh' });
    assert.equal(started, 2);
    pool.stop();
  });
});
