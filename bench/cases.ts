// `npm run bench` (second part): a portfolio at scale. Generates 10,000 case folders of three
// documents each (a reminder, a second reminder, a call summary with a promise) and times, through
// the built CLI as a user runs it: `dunmark cases` over all of them, and `dunmark lint` over the
// 30,000 documents on one thread, on every core, and with --cache (the first run fills it, the second
// reads it). The floor, measured in the same run, is reading every file once. Needs `npm run build`.
// Results go to .bench/cases.json. Goals: cases < 10 s; lint ≥ 1,000 documents/s on this machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.mjs');
const CASES = Number(process.env.DUNMARK_BENCH_CASES ?? 10_000);

if (!fs.existsSync(CLI)) {
  console.error('bench/cases.ts: run `npm run build` first');
  process.exit(2);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const plusDays = (date: string, n: number): string => iso(new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000));
const money = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Writes case `i`: its case.yaml and three documents, dated from a due date that moves with `i`. */
function writeCase(root: string, i: number): void {
  const folder = path.join(root, `region-${pad(i % 50)}`, `case-${pad(i, 5)}`);
  fs.mkdirSync(folder, { recursive: true });
  const due = plusDays('2026-06-01', i % 150);
  const amount = 1000 + ((i * 7919) % 90_000);
  const invoice = `INV-${pad(i, 5)}`;
  const debtor = `Debtor ${i} Trading Co., Ltd.`;
  fs.writeFileSync(
    path.join(folder, 'case.yaml'),
    `creditor:
  name: Harbor Valve Works LLC
  country: US
  contact: Dana Whitfield
  email: ar@harborvalve.example
debtor:
  name: ${debtor}
  country: CN
  contact: Mr. Li ${i}
amount: ${amount}.00
currency: USD
invoices:
  - number: ${invoice}
    date: ${plusDays(due, -30)}
    amount: ${amount}.00
due_date: ${due}
${i % 3 === 0 ? `payments:\n  - date: ${plusDays(due, 30)}\n    amount: 0.00\n` : ''}`,
  );
  const reminder = plusDays(due, 7);
  fs.writeFileSync(
    path.join(folder, `${reminder}-reminder.md`),
    `---
kind: dunning-letter
stage: reminder
date: ${reminder}
language: en
---

${reminder}

${debtor}\\
Attention: Mr. Li ${i}

# Payment reminder: ${invoice}

Dear Mr. Li ${i},

We hope all is well with you. Our records show that payment of invoice ${invoice}, due on ${due}, has not yet reached us. The total outstanding is **USD ${money(amount)}**. We assume this is simply an oversight; if you have already paid, please send us the remittance details and disregard this reminder.

Kind regards,

Dana Whitfield\\
Harbor Valve Works LLC
`,
  );
  const second = plusDays(due, 14);
  fs.writeFileSync(
    path.join(folder, `${second}-second-reminder.md`),
    `---
kind: dunning-letter
stage: second-reminder
date: ${second}
deadline: ${plusDays(second, 14)}
language: en
---

Dear Mr. Li ${i},

Invoice ${invoice} for USD ${money(amount)} fell due on ${due} and is still unpaid despite our reminder of ${reminder}. Please pay USD ${money(amount)} by ${plusDays(second, 14)} to the account on the invoice, or let us know at once if there is a problem with the goods.

Yours sincerely,

Dana Whitfield, Harbor Valve Works LLC
`,
  );
  const call = plusDays(due, 18);
  fs.writeFileSync(
    path.join(folder, `${call}-call-summary.md`),
    `---
kind: call-summary
date: ${call}
language: en
call:
  date: ${call}
  with: Mr. Li ${i}
commitments:
  - what: Pay USD ${money(amount)}
    by: ${plusDays(call, 10)}
    amount: ${amount}.00
---

# Summary of our call of ${call}

Dear Mr. Li ${i},

Thank you for speaking with us today about invoice ${invoice} for USD ${money(amount)}, due on ${due} for the valves we delivered. You agreed to pay USD ${money(amount)} by ${plusDays(call, 10)}. Please confirm this summary in writing by reply.

Dana Whitfield
`,
  );
}

function cli(args: string[], cwd: string): { ms: number; status: number; stdout: string; stderr: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { ms: performance.now() - started, status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function readAll(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) n += readAll(full);
    else {
      fs.readFileSync(full, 'utf8');
      n++;
    }
  }
  return n;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-bench-cases-'));
try {
  let started = performance.now();
  fs.writeFileSync(path.join(root, '.dunmarkrc.json'), JSON.stringify({ today: '2026-11-25' }));
  for (let i = 0; i < CASES; i++) writeCase(root, i);
  const documents = CASES * 3;
  console.log(
    `\ndunmark bench (cases): ${CASES} case folders, ${documents} documents, ${os.availableParallelism()} cores, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const files = readAll(root);
  const floorMs = performance.now() - started;

  const cases = cli(['cases', '.', '--format', 'json'], root);
  if (cases.status !== 0) throw new Error(`cases failed: ${cases.stderr}`);
  const portfolio = (JSON.parse(cases.stdout) as { cases: unknown[] }).cases.length;
  if (portfolio !== CASES) throw new Error(`cases printed ${portfolio} cases, expected ${CASES}`);

  const lintRun = (extra: string[]): { ms: number; perSecond: number } => {
    const r = cli(['lint', '--format', 'json', ...extra, '.'], root);
    if (r.status === 2) throw new Error(`lint failed: ${r.stderr.split('\n')[0]}`);
    return { ms: r.ms, perSecond: documents / (r.ms / 1000) };
  };
  const one = lintRun(['--jobs', '1']);
  const all = lintRun(['--jobs', '2']);
  fs.rmSync(path.join(root, '.dunmarkcache'), { force: true });
  const cacheFill = lintRun(['--cache']);
  const cached = lintRun(['--cache']);

  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  console.log('| what | time | documents/s |');
  console.log('| --- | ---: | ---: |');
  console.log(`| floor: read every file once (${files} files, in-process) | ${s(floorMs)} | ${Math.round(files / (floorMs / 1000))} |`);
  console.log(`| \`dunmark cases\` (${CASES} cases, goal < 10 s) | ${s(cases.ms)} | ${Math.round(documents / (cases.ms / 1000))} |`);
  console.log(`| \`dunmark lint --jobs 1\` (one worker) | ${s(one.ms)} | ${Math.round(one.perSecond)} |`);
  console.log(`| \`dunmark lint --jobs 2\` (two workers; goal ≥ 1,000/s) | ${s(all.ms)} | ${Math.round(all.perSecond)} |`);
  console.log(`| \`dunmark lint --cache\`, first run (fills the cache) | ${s(cacheFill.ms)} | ${Math.round(cacheFill.perSecond)} |`);
  console.log(`| \`dunmark lint --cache\`, second run (unchanged) | ${s(cached.ms)} | ${Math.round(cached.perSecond)} |`);
  console.log(
    `\ntwo workers / one worker: ${(one.ms / all.ms).toFixed(2)}× (goal ≥ 1.7× on a quiet machine); cached / uncached: ${(cached.ms / all.ms).toFixed(3)}`,
  );
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, '.bench/cases.json'),
    `${JSON.stringify({ cases: CASES, documents, cores: os.availableParallelism(), floorMs, casesMs: cases.ms, lint: { one, all, cacheFill, cached } }, null, 2)}\n`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
