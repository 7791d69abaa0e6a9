// A .docx to PDF through LibreOffice: `soffice --headless --convert-to pdf` in a temporary folder
// with a profile of its own (a running LibreOffice or a user's settings never interfere), under a
// time limit; the process group is killed when it runs over.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What to install when LibreOffice is missing: the one line `dunmark export --to pdf` prints. */
export const SOFFICE_MISSING =
  'PDF export needs LibreOffice, which is not installed: install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: libreoffice.org), or export --to docx';

/** The conversion failed: why, in one line. */
export class PdfError extends Error {}

const CANDIDATES = [
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Finds LibreOffice: `DUNMARK_SOFFICE`, then `soffice` or `libreoffice` on PATH, then the usual install folders. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DUNMARK_SOFFICE !== undefined) return isExecutable(env.DUNMARK_SOFFICE) ? env.DUNMARK_SOFFICE : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return CANDIDATES.find(isExecutable);
}

/** Options of `convertToPdf`. */
export interface PdfOptions {
  soffice: string;
  /** Milliseconds before LibreOffice is stopped (default 120 s: a first run creates its profile). */
  timeoutMs?: number;
}

/** Converts .docx bytes to PDF bytes. Throws `PdfError` with a one-line reason. */
export async function convertToPdf(docx: Uint8Array, options: PdfOptions): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-pdf-'));
  try {
    const input = path.join(dir, 'letter.docx');
    fs.writeFileSync(input, docx);
    const outDir = path.join(dir, 'out');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      `-env:UserInstallation=${profile}`,
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      outDir,
      input,
    ];
    const timeoutMs = options.timeoutMs ?? 120_000;
    const { code, output } = await run(options.soffice, args, timeoutMs, dir);
    const pdf = path.join(outDir, 'letter.pdf');
    if (code === 'timeout') throw new PdfError(`LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s; stopped it`);
    if (!fs.existsSync(pdf)) {
      const why = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/javaldx|java may not/i.test(l))
        .pop();
      throw new PdfError(`LibreOffice could not convert the document (exit ${code}${why ? `: ${why}` : ''})`);
    }
    return new Uint8Array(fs.readFileSync(pdf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], timeoutMs: number, cwd: string): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve, reject) => {
    // its own process group, so soffice.bin goes with the launcher script when the time is up
    const child = spawn(command, args, {
      cwd,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: process.env.HOME ?? cwd },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PdfError(`cannot start LibreOffice (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 'timeout' : (code ?? signal ?? 'unknown'), output });
    });
  });
}
