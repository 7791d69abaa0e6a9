// A thread of the pool in Node (dist/worker.cjs): the language server's and the desktop extension's
// checks, Fix All and Word letters. The CLI's threads run the CLI bundle itself (cli/pool.ts).
import { answerJob, type DunmarkJob } from '../core/pool/jobs.js';
import { serveJobs } from '../core/pool/pool.js';
import { parentThreadPort } from './threads.js';

const port = parentThreadPort();
// Word reading (mammoth) is evaluated by the first Word letter, not when the thread starts
if (port) serveJobs(port, (job: DunmarkJob) => answerJob(job, { docx: async (j) => (await import('../core/export/docx-job.js')).checkDocx(j) }));
