// `dunmark rules`: the built-in rules, as a table or as each rule's meta in JSON.
import { parseArgs } from 'node:util';
import { listRules } from '../index.js';
import type { Command } from './io.js';
import { UsageError } from './usage.js';
import { formatTable } from './format/table.js';

const LANGUAGES: Record<string, string> = { eng: 'en', cmn: 'zh' };

/** Runs `dunmark rules [--format text|json]`. */
export const runRules: Command = async (argv, io) => {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { format: { type: 'string', short: 'f', default: 'text' } } });
  const rules = listRules();
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  if (values.format !== 'text') throw new UsageError(`unknown format \`${values.format}\`, expected text or json`);
  const rows = [
    ['rule', 'category', 'severity', 'languages', 'fixable'],
    ...rules.map((r) => [r.id, r.category, r.defaultSeverity, r.languages.map((l) => LANGUAGES[l] ?? l).join('+'), r.fixable ? 'yes' : '']),
  ];
  io.stdout(formatTable(rows));
  return 0;
};
