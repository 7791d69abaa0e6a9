// `dunmark templates`: the built-in templates (minimal version; the templates part may extend it).
import { parseArgs } from 'node:util';
import { describeTemplate, listTemplates } from '../core/templates/index.js';
import type { Command } from './io.js';
import { UsageError } from './usage.js';

/** Runs `dunmark templates [--format text|json]`. */
export const runTemplates: Command = async (argv, io) => {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { format: { type: 'string', short: 'f', default: 'text' } } });
  const templates = listTemplates().map(describeTemplate);
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(templates, null, 2)}\n`);
    return 0;
  }
  if (values.format !== 'text') throw new UsageError(`unknown format \`${values.format}\`, expected text or json`);
  const rows = [['template', 'kind', 'stage/clause', 'language', 'title'], ...templates.map((t) => [t.id, t.kind, t.stage ?? t.clause ?? '', t.language, t.title])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  io.stdout(`${rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`);
  return 0;
};
