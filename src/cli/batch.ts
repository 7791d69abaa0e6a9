// `dunmark render TEMPLATE --facts aging.csv|aging.xlsx [--map map.json] --out-dir DIR`: one document
// (or, with --case-folders, one case folder) per debtor of an accounts-receivable aging report. Every
// debtor whose facts do not satisfy the template is reported (row, column, fact) and not written; the
// others are written atomically; nothing is overwritten without --force. Loaded only when used.
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { stringify } from 'yaml';
import { agingGroups, checkAgingMap, slugOf, whereInRows, type AgingMap, type AgingProblem, type Cell } from '../core/cases/aging.js';
import { listTemplates, renderTemplate, type Template } from '../core/templates/index.js';
import { decodeUtf8, isDanglingLink } from './file-io.js';
import type { CliIo } from './io.js';
import { Progress } from './progress.js';
import { draftFileName } from '../core/drafting/names.js';

/** What `render` passes on for a batch. */
export interface BatchOptions {
  template: string;
  facts: string;
  map: string | undefined;
  outDir: string | undefined;
  caseFolders: boolean;
  force: boolean;
  templates: Template[];
}

/** The default mapping file: `<facts>.map.json` beside the report. */
function defaultMap(facts: string): string {
  return facts.replace(/\.(csv|xlsx)$/i, '.map.json');
}

/** Reads the rows of a CSV (csv-parse) or of one sheet of an XLSX (read-excel-file); a one-line reason when it cannot. */
async function readRows(file: string, shown: string, map: AgingMap): Promise<Cell[][] | string> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return `${shown}: cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (/\.xlsx$/i.test(file)) {
    try {
      const { default: readExcelFile } = await import('read-excel-file/node');
      const sheets = await readExcelFile(bytes);
      const sheet = map.sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === map.sheet);
      if (!sheet) return `${shown}: no sheet \`${map.sheet ?? ''}\`, expected one of ${sheets.map((s) => `\`${s.sheet}\``).join(', ')}`;
      return sheet.data as Cell[][];
    } catch (error) {
      return `${shown}: cannot read this spreadsheet (${String((error as Error).message).split('\n')[0]}), expected an .xlsx file`;
    }
  }
  try {
    const { parse } = await import('csv-parse/sync');
    const text = decodeUtf8(bytes);
    if (text === undefined) return `${shown}: not UTF-8 text, expected a CSV saved as UTF-8`;
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Cell[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return `${shown}${e.lines ? `:${e.lines}` : ''}: cannot parse CSV (${String(e.message).split('\n')[0]})`;
  }
}

function line(shown: string, p: AgingProblem): string {
  return `dunmark: ${shown}: row ${p.row}${p.column ? `, column \`${p.column}\`` : ''}: ${p.fact}: ${p.message}\n`;
}

/** Runs a batch; returns the exit status (0 all written, 1 a debtor not written, 2 a file problem). */
export async function runBatch(options: BatchOptions, io: CliIo): Promise<number> {
  const show = (f: string): string => path.relative(io.cwd, f).split(path.sep).join('/') || f;
  const factsFile = path.resolve(io.cwd, options.facts);
  const mapFile = path.resolve(io.cwd, options.map ?? defaultMap(options.facts));
  let mapValue: unknown;
  try {
    mapValue = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `dunmark: ${show(mapFile)}: ${code ? `cannot read the mapping file (${code === 'ENOENT' ? 'no such file; give --map MAP.json' : code})` : `cannot parse the mapping file (${String((error as Error).message)})`}\n`,
    );
    return 2;
  }
  const checked = checkAgingMap(mapValue);
  if (!checked.ok) {
    io.stderr(`dunmark: ${show(mapFile)}: ${checked.reason}\n`);
    return 2;
  }
  const map = checked.map;
  const rows = await readRows(factsFile, show(factsFile), map);
  if (typeof rows === 'string') {
    io.stderr(`dunmark: ${rows}\n`);
    return 2;
  }
  const shown = show(factsFile);
  const { groups, problems } = agingGroups(rows, map);
  for (const p of problems) io.stderr(line(shown, p));
  if (problems.length) return 2;
  if (!options.outDir) {
    io.stderr('dunmark: render from an aging report needs --out-dir DIR (one document per debtor)\n');
    return 2;
  }
  const outDir = path.resolve(io.cwd, options.outDir);
  const template = listTemplates(options.templates).find((t) => t.id === options.template);
  let status = 0;
  const writes: { file: string; text: string }[] = [];
  const names = new Set<string>();
  const progress = new Progress(io, 'render', groups.length);
  groups.forEach((group, i) => {
    progress.tick(i + 1);
    let bad = [...group.problems];
    const own = { ...group.facts };
    const result = bad.length ? undefined : renderTemplate(options.template, own, { templates: options.templates });
    if (result && !result.ok) bad = result.problems.map((p) => ({ ...whereInRows(group, map, p.path), fact: p.path || '(template)', message: p.message }));
    if (bad.length || !result?.ok) {
      for (const p of bad) io.stderr(line(shown, p));
      status = 1;
      return;
    }
    // named by the debtor (else the key): ningbo-lianhe-industrial-co-ltd.md
    const debtor = (own.debtor as { name?: unknown } | undefined)?.name;
    const base = slugOf(typeof debtor === 'string' ? debtor : group.key, `row-${group.rows[0]}`);
    let slug = base;
    for (let n = 2; names.has(slug); n++) slug = `${base}-${n}`;
    names.add(slug);
    if (options.caseFolders) {
      // a case folder: the debtor's facts in case.yaml, the letter with only its own facts
      const { date, deadline, ...caseData } = own;
      const letter = renderTemplate(
        options.template,
        { ...(date !== undefined ? { date } : {}), ...(deadline !== undefined ? { deadline } : {}) },
        { templates: options.templates, inherited: caseData },
      );
      const name = draftFileName({ stage: template?.stage, kind: template?.kind, id: options.template }, typeof date === 'string' ? date : undefined);
      writes.push({ file: path.join(outDir, slug, 'case.yaml'), text: stringify(caseData, { lineWidth: 0 }) });
      writes.push({ file: path.join(outDir, slug, name), text: letter.ok ? letter.text : result.text });
    } else writes.push({ file: path.join(outDir, `${slug}.md`), text: result.text });
  });
  progress.done();
  // a broken symbolic link is refused even with --force: writing would replace the link
  const existing = writes.filter((w) => isDanglingLink(w.file) || (!options.force && fs.existsSync(w.file)));
  for (const w of existing)
    io.stderr(
      `dunmark: ${show(w.file)}: ${isDanglingLink(w.file) ? 'a broken symbolic link; refusing to write through it' : 'file exists; refusing to overwrite it (use --force)'}\n`,
    );
  const refused = new Set(existing.map((w) => path.dirname(options.caseFolders ? w.file : `${w.file}/x`)));
  let written = 0;
  for (const w of writes) {
    if (refused.has(path.dirname(options.caseFolders ? w.file : `${w.file}/x`))) continue;
    try {
      fs.mkdirSync(path.dirname(w.file), { recursive: true });
      writeFileAtomic.sync(w.file, w.text, { encoding: 'utf8' });
      written++;
    } catch (error) {
      io.stderr(`dunmark: ${show(w.file)}: cannot write file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      status = 2;
    }
  }
  if (existing.length && status === 0) status = 1;
  io.stdout(
    `wrote ${written} file${written === 1 ? '' : 's'} to ${show(outDir) || '.'} (${groups.length} debtor${groups.length === 1 ? '' : 's'} in ${shown})\n`,
  );
  return status;
}
