// `dunmark export`: a letter as the Word document or PDF it is sent as. Lints first and refuses a
// letter with errors (unless --force); writes atomically and never overwrites without --force.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { caseFacts } from '../core/cases/case-file.js';
import { buildDocx, type DocxOptions } from '../core/export/docx.js';
import { buildExportDocument } from '../core/export/model.js';
import type { DunmarkConfig } from '../core/types.js';
import { lint } from '../index.js';
import { regroupCaseFindings } from './case-results.js';
import { CliConfigs, ConfigFileError, readConfigFile, usable } from './config-files.js';
import { displayPath } from './files.js';
import { formatStylish, useColour } from './format/stylish.js';
import type { Command } from './io.js';
import { VERSION } from './package-info.js';
import { convertToPdf, findSoffice, PdfError, SOFFICE_MISSING } from '../node/pdf.js';
import { UsageError } from './usage.js';

/** Help of `dunmark export`. */
export const EXPORT_HELP = `Usage: dunmark export LETTER.md [--to docx|pdf] [--out FILE] [--letterhead FILE.docx] [--force]

Exports a letter as the Word document (.docx) or PDF it is sent as: the front matter becomes the
document's properties, Chinese text gets an East Asian font, each run its proofing language.
The letter is linted first: with an error finding nothing is written (exit 1) unless --force.

Options:
      --to docx|pdf              what to write (default: from --out, else docx)
  -o, --out FILE                 where to write (default: the letter's name with .docx or .pdf)
      --letterhead FILE.docx     lay the letter out on this letterhead (default: \`letterhead\` in
                                 .dunmarkrc.json; else the built-in layout)
      --layout sequence|columns  bilingual letters: English then Chinese (default), or side by side
      --page-break               start the second half of a bilingual letter on a new page
  -c, --config FILE              use this config instead of the nearest .dunmarkrc.json
      --force                    export despite error findings; overwrite FILE
      --timeout SECONDS          time limit of the PDF conversion (default: 120)
  -h, --help                     show this help

PDF needs LibreOffice (soffice); without it, export exits 2 and says what to install.
Exit status: 0 written, 1 not written because of error findings, 2 usage, file, config or conversion problem.
`;

/** A problem that stops the export before anything is written: one line, exit 2. */
class ExportProblem extends Error {}

function readBytes(file: string, shown: string, what: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportProblem(
      `${shown}: cannot read ${what} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))})`,
    );
  }
}

/** Runs `dunmark export`. */
export const runExport: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      out: { type: 'string', short: 'o' },
      letterhead: { type: 'string' },
      layout: { type: 'string', default: 'sequence' },
      'page-break': { type: 'boolean', default: false },
      config: { type: 'string', short: 'c' },
      force: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  const [letter, extra] = positionals;
  if (!letter || extra !== undefined) throw new UsageError('export needs exactly one LETTER.md');
  const to = values.to ?? (values.out && /\.pdf$/i.test(values.out) ? 'pdf' : 'docx');
  if (to !== 'docx' && to !== 'pdf') throw new UsageError(`unknown format \`${to}\` for --to, expected docx or pdf`);
  if (values.layout !== 'sequence' && values.layout !== 'columns') throw new UsageError(`unknown layout \`${values.layout}\`, expected sequence or columns`);
  const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`unexpected --timeout \`${values.timeout}\`, expected a number of seconds`);

  const show = (file: string): string => displayPath(io.cwd, file);
  const source = path.resolve(io.cwd, letter);
  const out = path.resolve(io.cwd, values.out ?? source.replace(/(\.[^./\\]+)?$/, `.${to}`));
  try {
    if (out === source) throw new ExportProblem(`${show(out)}: the output would replace the letter itself; give another --out`);
    if (!values.force && fs.existsSync(out)) throw new ExportProblem(`${show(out)}: file exists; refusing to overwrite it (use --force)`);
    const soffice = to === 'pdf' ? findSoffice() : undefined;
    if (to === 'pdf' && !soffice) throw new ExportProblem(SOFFICE_MISSING);
    let text: string;
    try {
      text = fs.readFileSync(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ExportProblem(
        `${letter}: cannot read file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))})`,
      );
    }
    const { config, configFile } = await resolveConfig(source, values.config, io.cwd, show);
    const caseFiles = await new CliConfigs(show).caseFilesFor(source);
    const inherited = caseFiles.length ? caseFacts(caseFiles) : undefined;

    // pre-flight: the same lint as `dunmark lint`, with the same case files (their findings named by file)
    const shown = show(source);
    const findings = lint(text, { config, path: shown, ...(inherited ? { facts: inherited } : {}) });
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (findings.length)
      io.stdout(
        formatStylish(
          regroupCaseFindings([{ file: shown, text, findings }], new Map(caseFiles.map((f) => [f.name, f.text]))),
          useColour(io.isTTY, process.env),
        ),
      );
    if (errors && !values.force) {
      io.stderr(`dunmark: ${shown}: not exported: ${errors} error${errors === 1 ? '' : 's'} to correct first (or --force to export anyway)\n`);
      return 1;
    }

    const letterheadFile =
      values.letterhead !== undefined
        ? path.resolve(io.cwd, values.letterhead)
        : config.letterhead !== undefined && configFile
          ? path.resolve(path.dirname(configFile), config.letterhead)
          : undefined;
    const options: DocxOptions = {
      layout: values.layout,
      pageBreakBetweenHalves: values['page-break'],
      fonts: config.fonts,
      creator: `Dunmark ${VERSION}`,
      ...(letterheadFile ? { letterhead: readBytes(letterheadFile, show(letterheadFile), 'the letterhead') } : {}),
    };
    let bytes: Uint8Array;
    try {
      bytes = await buildDocx(buildExportDocument(text, inherited), options);
    } catch (error) {
      if (letterheadFile) throw new ExportProblem(`${show(letterheadFile)}: cannot use this letterhead (${String((error as Error).message).split('\n')[0]})`);
      throw error;
    }
    if (to === 'pdf') {
      try {
        bytes = await convertToPdf(bytes, { soffice: soffice!, timeoutMs: timeout * 1000 });
      } catch (error) {
        if (error instanceof PdfError) throw new ExportProblem(`${shown}: ${error.message}`);
        throw error;
      }
    }
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      writeFileAtomic.sync(out, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (error) {
      throw new ExportProblem(`${show(out)}: cannot write file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    io.stdout(`wrote ${show(out)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExportProblem) {
      io.stderr(`dunmark: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigFileError) {
      io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
      return 2;
    }
    throw error;
  }
};

async function resolveConfig(
  file: string,
  given: string | undefined,
  cwd: string,
  show: (f: string) => string,
): Promise<{ config: DunmarkConfig; configFile: string | undefined }> {
  if (given !== undefined) {
    const configFile = path.resolve(cwd, given);
    return { config: await readConfigFile(configFile, given), configFile };
  }
  const found = await new CliConfigs(show).resolver.configFor(path.dirname(path.resolve(file)));
  return found ? { config: usable(found, show), configFile: found.file } : { config: {}, configFile: undefined };
}
