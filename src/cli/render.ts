// `dunmark render`: fill a template from a facts file (minimal version; the templates part may extend it).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { parse as parseYaml } from 'yaml';
import { renderTemplate } from '../core/templates/index.js';
import type { Command } from './io.js';
import { UsageError } from './usage.js';

/** Runs `dunmark render TEMPLATE_ID --facts FACTS.yaml [--out FILE]`. */
export const runRender: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: { facts: { type: 'string' }, out: { type: 'string', short: 'o' } },
  });
  const [id, extra] = positionals;
  if (!id || extra !== undefined) throw new UsageError('render needs exactly one TEMPLATE_ID (see `dunmark templates`)');
  if (!values.facts) throw new UsageError('render needs --facts FACTS.yaml');
  let facts: unknown;
  try {
    facts = parseYaml(fs.readFileSync(path.resolve(io.cwd, values.facts), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`dunmark: ${values.facts}: ${code ? `cannot read file (${code})` : `cannot parse YAML (${String((error as Error).message).split('\n')[0]})`}\n`);
    return 2;
  }
  const result = renderTemplate(id, facts);
  if (!result.ok) {
    for (const p of result.problems) io.stderr(`dunmark: ${values.facts}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
    return 1;
  }
  if (values.out) {
    try {
      writeFileAtomic.sync(path.resolve(io.cwd, values.out), result.text, { encoding: 'utf8' });
    } catch (error) {
      io.stderr(`dunmark: ${values.out}: cannot write file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      return 2;
    }
  } else {
    io.stdout(result.text);
  }
  return 0;
};
