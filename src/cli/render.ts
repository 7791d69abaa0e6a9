// `dunmark render`: fills a template from a facts file. Validates first and writes nothing
// on a problem; never overwrites an existing --out file unless --force.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { parseDocument } from 'yaml';
import { caseFacts } from '../core/cases/case-file.js';
import { listTemplates, renderTemplate } from '../core/templates/index.js';
import { CliConfigs, ConfigFileError } from './config-files.js';
import { isDanglingLink } from './file-io.js';
import type { Command } from './io.js';
import { formatWorkspaceProblem, loadWorkspace } from './templates.js';
import { UsageError } from './usage.js';

/** Runs `dunmark render TEMPLATE_ID --facts FACTS.yaml [--out FILE] [--force]`. */
export const runRender: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      facts: { type: 'string' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      map: { type: 'string' },
      'out-dir': { type: 'string' },
      'case-folders': { type: 'boolean', default: false },
    },
  });
  const [id, extra] = positionals;
  if (!id || extra !== undefined) throw new UsageError('render needs exactly one TEMPLATE_ID (see `dunmark templates`)');
  if (!values.facts) throw new UsageError('render needs --facts FACTS.yaml');
  if (/\.(csv|xlsx)$/i.test(values.facts)) {
    // an aging report: one document per debtor, in a chunk of its own (csv-parse, read-excel-file)
    if (values.out !== undefined) throw new UsageError('render from an aging report writes one file per debtor: give --out-dir DIR, not --out');
    const workspace = await loadWorkspace(io);
    if (!workspace) return 2;
    if (!listTemplates(workspace.templates).some((t) => t.id === id)) {
      io.stderr(`dunmark: ${id}: unknown template, expected one of the ids \`dunmark templates\` lists\n`);
      return 1;
    }
    const { runBatch } = await import('./batch.js');
    return runBatch(
      {
        template: id,
        facts: values.facts,
        map: values.map,
        outDir: values['out-dir'],
        caseFolders: values['case-folders'],
        force: values.force,
        templates: workspace.templates,
      },
      io,
    );
  }
  if (values.map !== undefined || values['out-dir'] !== undefined || values['case-folders'])
    throw new UsageError('--map, --out-dir and --case-folders go with --facts AGING.csv or AGING.xlsx');
  let source: string;
  try {
    source = fs.readFileSync(path.resolve(io.cwd, values.facts), 'utf8');
  } catch (error) {
    io.stderr(`dunmark: ${values.facts}: cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 2;
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    const message = yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    io.stderr(`dunmark: ${values.facts}${at ? `:${at.line}:${at.col}` : ''}: cannot parse YAML (${message})\n`);
    return 2;
  }
  const facts: unknown = doc.toJS({ maxAliasCount: 50 });
  const out = values.out ? path.resolve(io.cwd, values.out) : undefined;
  if (out && isDanglingLink(out)) {
    io.stderr(`dunmark: ${values.out}: a broken symbolic link; refusing to write through it\n`);
    return 2;
  }
  if (out && !values.force && fs.existsSync(out)) {
    io.stderr(`dunmark: ${values.out}: file exists; refusing to overwrite it (use --force)\n`);
    return 2;
  }
  const workspace = await loadWorkspace(io);
  if (!workspace) return 2;
  const broken = workspace.problems.filter((p) => !p.warning && (p.id === id || `workspace:${p.id ?? ''}` === id));
  if (broken.length) {
    for (const p of broken) io.stderr(formatWorkspaceProblem(io.cwd, p));
    return 1;
  }
  if (!listTemplates(workspace.templates).some((t) => t.id === id) && !workspace.problems.some((p) => p.id === id)) {
    io.stderr(`dunmark: ${id}: unknown template, expected one of the ids \`dunmark templates\` lists\n`);
    return 1;
  }
  // the letter belongs to the case of the folder it is written to (stdout: the current folder), like
  // every other document: its case files' facts are inherited and its front matter keeps only its own
  let inherited: Record<string, unknown> | undefined;
  try {
    const caseFiles = await new CliConfigs((file) => path.relative(io.cwd, file) || file).caseFilesFor(out ?? path.join(io.cwd, 'letter.md'));
    const facts = caseFiles.length ? caseFacts(caseFiles) : undefined;
    // a case file that cannot be read gives no facts: it is named, as `dunmark lint` and `cases` name it
    const broken = facts?.files.find((f) => f.errors.length);
    if (broken) {
      const e = broken.errors[0]!;
      const at = broken.lines.position(e.span.start);
      io.stderr(`dunmark: ${broken.name}:${at.line}:${at.column}: ${e.message}\n`);
      return 2;
    }
    inherited = facts?.data;
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
    return 2;
  }
  const result = renderTemplate(id, facts, { templates: workspace.templates, ...(inherited ? { inherited } : {}) });
  if (!result.ok) {
    for (const p of result.problems) io.stderr(`dunmark: ${values.facts}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
    return 1;
  }
  if (!out) {
    io.stdout(result.text);
    return 0;
  }
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    writeFileAtomic.sync(out, result.text, { encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`dunmark: ${values.out}: cannot write file (${code ?? String(error)})\n`);
    return 2;
  }
  return 0;
};
