// `dunmark export`: a letter as the Word document or PDF it is sent as. Lints first and refuses a
// letter with errors (unless --force); writes atomically and never overwrites without --force.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { caseFacts } from '../core/cases/case-file.js';
import { buildDocx, type DocxOptions } from '../core/export/docx.js';
import { emailContent } from '../core/export/email.js';
import { buildExportDocument } from '../core/export/model.js';
import { buildEml } from '../node/eml.js';
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
export const EXPORT_HELP = `Usage: dunmark export LETTER.md [--to docx|pdf|eml] [--attach pdf|docx] [--out FILE] [--letterhead FILE.docx] [--force]

Exports a letter as the Word document (.docx) or PDF it is sent as: the front matter becomes the
document's properties, Chinese text gets an East Asian font, each run its proofing language.
--to eml writes an e-mail draft (RFC 5322, UTF-8, plain text and HTML keeping the bilingual layout):
From and To from the creditor's and the debtor's \`email\` facts, the subject from the stage and
the invoices in the letter's languages, marked as unsent so Outlook opens it ready to send; with
--attach pdf the letter's PDF (LibreOffice) is attached. It carries only what the letter states.
The letter is linted first: with an error finding, or without the reviewer's approval it needs
(see \`dunmark approve\`), nothing is written (exit 1) unless --force.

Options:
      --to docx|pdf|eml          what to write (default: from --out, else docx)
      --attach pdf|docx          e-mail only: attach the letter as a PDF or Word document
  -o, --out FILE                 where to write (default: the letter's name with .docx, .pdf or .eml)
      --letterhead FILE.docx     lay the letter out on this letterhead (default: \`letterhead\` in
                                 .dunmarkrc.json; else the built-in layout)
      --layout sequence|columns  bilingual letters: English then Chinese (default), or side by side
      --page-break               start the second half of a bilingual letter on a new page
  -c, --config FILE              use this config instead of the nearest .dunmarkrc.json
      --force                    export despite error findings; overwrite FILE
      --timeout SECONDS          time limit of the PDF conversion (default: 120)
  -h, --help                     show this help

PDF (and --attach pdf) needs LibreOffice (soffice); without it, export exits 2 and says what to install.
Exit status: 0 written, 1 not written because of error findings or a missing approval, 2 usage, file, config or conversion problem.
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
      attach: { type: 'string' },
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
  const to = values.to ?? (values.out && /\.(pdf|eml)$/i.test(values.out) ? values.out.slice(-3).toLowerCase() : 'docx');
  if (to !== 'docx' && to !== 'pdf' && to !== 'eml') throw new UsageError(`unknown format \`${to}\` for --to, expected docx, pdf or eml`);
  const attach = values.attach;
  if (attach !== undefined && to !== 'eml') throw new UsageError('--attach goes with --to eml');
  if (attach !== undefined && attach !== 'pdf' && attach !== 'docx') throw new UsageError(`unknown attachment \`${attach}\`, expected pdf or docx`);
  if (values.layout !== 'sequence' && values.layout !== 'columns') throw new UsageError(`unknown layout \`${values.layout}\`, expected sequence or columns`);
  const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`unexpected --timeout \`${values.timeout}\`, expected a number of seconds`);

  const show = (file: string): string => displayPath(io.cwd, file);
  const source = path.resolve(io.cwd, letter);
  const out = path.resolve(io.cwd, values.out ?? source.replace(/(\.[^./\\]+)?$/, `.${to}`));
  try {
    if (out === source) throw new ExportProblem(`${show(out)}: the output would replace the letter itself; give another --out`);
    if (!values.force && fs.existsSync(out)) throw new ExportProblem(`${show(out)}: file exists; refusing to overwrite it (use --force)`);
    const needsPdf = to === 'pdf' || attach === 'pdf';
    const soffice = needsPdf ? findSoffice() : undefined;
    if (needsPdf && !soffice) throw new ExportProblem(SOFFICE_MISSING);
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
    // a letter that needs a reviewer's approval and has none goes out only with --force, like one with errors
    if (!values.force && findings.some((f) => f.ruleId === 'approval' && f.file === undefined)) {
      io.stderr(`dunmark: ${shown}: not exported: waiting for a reviewer's approval (\`dunmark approve\`), or --force to export anyway\n`);
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
    const exportDocument = buildExportDocument(text, inherited);
    let bytes: Uint8Array = new Uint8Array();
    if (to !== 'eml' || attach !== undefined) {
      try {
        bytes = await buildDocx(exportDocument, options);
      } catch (error) {
        if (letterheadFile) throw new ExportProblem(`${show(letterheadFile)}: cannot use this letterhead (${String((error as Error).message).split('\n')[0]})`);
        throw error;
      }
    }
    if (needsPdf) {
      try {
        bytes = await convertToPdf(bytes, { soffice: soffice!, timeoutMs: timeout * 1000 });
      } catch (error) {
        if (error instanceof PdfError) throw new ExportProblem(`${shown}: ${error.message}`);
        throw error;
      }
    }
    if (to === 'eml') {
      const content = emailContent(exportDocument, { layout: values.layout, fonts: config.fonts });
      if (!content.from) io.stderr(`dunmark: ${shown}: no \`creditor.email\` fact: the draft has no sender (From)\n`);
      if (!content.to) io.stderr(`dunmark: ${shown}: no \`debtor.email\` fact: the draft has no recipient (To)\n`);
      const name = path.basename(source).replace(/(\.[^./\\]+)?$/, `.${attach ?? 'pdf'}`);
      const attachments = attach
        ? [
            {
              filename: name,
              contentType: attach === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              content: bytes,
            },
          ]
        : [];
      bytes = await buildEml(content, attachments);
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
