// Writes docs/rules/<id>.md from each rule's `meta` (the only source of rule docs), and the
// rules table between the markers in README.md, and the config schema (src/core/config/schema.ts). `npm run docs`; `--check` fails on drift.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRules } from '../src/index.js';
import type { RuleMeta } from '../src/core/rule.js';
import { configSchemaText, SCHEMA_PATH } from '../src/core/config/schema.js';
import { factsJsonSchema } from '../src/core/facts/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGUAGE_NAMES: Record<string, string> = { eng: 'English', cmn: 'Chinese (Mandarin)' };

/** The Markdown page of one rule. */
export function ruleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    `> ${meta.description}`,
    '',
    '| category | default severity | languages | fixable |',
    '| --- | --- | --- | --- |',
    `| \`${meta.category}\` | \`${meta.defaultSeverity}\` | ${meta.languages.map((l) => LANGUAGE_NAMES[l] ?? l).join(', ')} | ${meta.fixable ? 'yes' : 'no'} |`,
    '',
    meta.docs.trim(),
    '',
  ];
  if (meta.options) {
    lines.push('## Options', '', '```json', JSON.stringify(meta.options, null, 2), '```', '');
  }
  lines.push('## Turning it off', '', '```json', JSON.stringify({ rules: { [meta.id]: 'off' } }, null, 2), '```', '',
    `or, for one line, \`<!-- dunmark-disable-next-line ${meta.id} -->\`.`, '');
  return lines.join('\n');
}

/** The rules table of the README. */
export function rulesTable(rules: RuleMeta[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.category} | ${r.defaultSeverity} | ${r.description} |`);
  return ['| rule | category | severity | what it catches |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Where the JSON Schema of the front-matter facts is published (for YAML tooling and other editors). */
export const FACTS_SCHEMA_PATH = 'schemas/facts.schema.json';

/** The facts schema file's text, from the one contract in src/core/facts/schema.ts. */
export function factsSchemaText(): string {
  return `${JSON.stringify(factsJsonSchema(), null, 2)}\n`;
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

function main(): void {
  const check = process.argv.includes('--check');
  const rules = listRules();
  const outputs = new Map<string, string>();
  for (const meta of rules) outputs.set(path.join(ROOT, 'docs/rules', `${meta.id}.md`), ruleDoc(meta));
  outputs.set(path.join(ROOT, SCHEMA_PATH), configSchemaText(rules));
  outputs.set(path.join(ROOT, FACTS_SCHEMA_PATH), factsSchemaText());
  const readmePath = path.join(ROOT, 'README.md');
  if (fs.existsSync(readmePath)) {
    const readme = fs.readFileSync(readmePath, 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    if (a !== -1 && b > a) outputs.set(readmePath, `${readme.slice(0, a + START.length)}\n${rulesTable(rules)}\n${readme.slice(b)}`);
  }
  let drift = 0;
  for (const [file, content] of outputs) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    drift++;
    if (check) console.error(`out of date: ${path.relative(ROOT, file)}`);
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  if (check && drift) {
    console.error('run `npm run docs`');
    process.exit(1);
  }
  console.log(`${rules.length} rules, ${drift} file(s) ${check ? 'out of date' : 'written'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
