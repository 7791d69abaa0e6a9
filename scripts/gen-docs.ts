// Writes docs/rules/<id>.md (English) and docs/rules/zh/<id>.md (Chinese) from each rule's `meta`
// (the only source of rule docs), the rules table between the markers in docs/rules.md, and the config
// schema (src/core/config/schema.ts). `npm run docs`; `--check` fails on drift.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRules } from '../src/index.js';
import type { RuleMeta } from '../src/core/rule.js';
import { configSchemaText, SCHEMA_PATH } from '../src/core/config/schema.js';
import { factsJsonSchema } from '../src/core/facts/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGUAGE_NAMES: Record<string, { en: string; zh: string }> = { eng: { en: 'English', zh: '英文' }, cmn: { en: 'Chinese (Mandarin)', zh: '中文' } };
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

/** Where a rule's page is written, relative to the repository: `docs/rules/<id>.md` or `docs/rules/zh/<id>.md`. */
export function ruleDocPath(id: string, lang: 'en' | 'zh'): string {
  return lang === 'en' ? `docs/rules/${id}.md` : `docs/rules/zh/${id}.md`;
}

/** The Markdown page of one rule, in English or in Chinese. */
export function ruleDoc(meta: RuleMeta, lang: 'en' | 'zh' = 'en'): string {
  const en = lang === 'en';
  const languages = meta.languages.map((l) => LANGUAGE_NAMES[l]?.[lang] ?? l).join(en ? ', ' : '、');
  const other = en ? `[中文](zh/${meta.id}.md)` : `[English](../${meta.id}.md)`;
  const lines = [
    `# ${meta.id}`,
    '',
    ...(en ? [`> ${meta.description}`, ''] : []),
    en ? '| category | default severity | languages | fixable |' : '| 类别 | 默认级别 | 适用语言 | 可自动修复 |',
    '| --- | --- | --- | --- |',
    `| \`${meta.category}\` | \`${meta.defaultSeverity}\`${en ? '' : `（${SEVERITY_ZH[meta.defaultSeverity] ?? ''}）`} | ${languages} | ${meta.fixable ? (en ? 'yes' : '是') : en ? 'no' : '否'} |`,
    '',
    meta.docs[lang].trim(),
    '',
  ];
  if (meta.options) {
    lines.push(en ? '## Options' : '## 选项', '', '```json', JSON.stringify(meta.options, null, 2), '```', '');
  }
  lines.push(
    en ? '## Turning it off' : '## 关闭本规则',
    '',
    '```json',
    JSON.stringify({ rules: { [meta.id]: 'off' } }, null, 2),
    '```',
    '',
    en ? `or, for one line, \`<!-- dunmark-disable-next-line ${meta.id} -->\`.` : `或者只对下一行关闭：\`<!-- dunmark-disable-next-line ${meta.id} -->\`。`,
    '',
    en ? `The law behind the rules: [docs/law.md](../law.md). ${other}` : `规则背后的法律：[docs/law.md](../../law.md)（英文）。${other}`,
    '',
  );
  return lines.join('\n');
}

/** The page that lists every rule (a table between the markers, the rest written by hand). */
export const RULES_PAGE = 'docs/rules.md';

/** A rule page's link from the rules page (which sits in docs/). */
function fromRulesPage(id: string, lang: 'en' | 'zh'): string {
  return path.posix.relative(path.posix.dirname(RULES_PAGE), ruleDocPath(id, lang));
}

/** The rules table of docs/rules.md. */
export function rulesTable(rules: RuleMeta[]): string {
  const rows = rules.map(
    (r) => `| [\`${r.id}\`](${fromRulesPage(r.id, 'en')}) | ${r.category} | ${r.defaultSeverity} | ${r.description} | [中文](${fromRulesPage(r.id, 'zh')}) |`,
  );
  return ['| rule | category | severity | what it catches | 中文 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Where the JSON Schema of the front-matter facts is published (for YAML tooling and other editors). */
export const FACTS_SCHEMA_PATH = 'schemas/facts.schema.json';

/** The facts schema file's text, from the one contract in src/core/facts/schema.ts. */
export function factsSchemaText(): string {
  return `${JSON.stringify(factsJsonSchema(), null, 2)}\n`;
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** `page` with the rules table between its markers replaced, or undefined when it has no markers. */
export function withRulesTable(page: string, rules: RuleMeta[]): string | undefined {
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  return a !== -1 && b > a ? `${page.slice(0, a + START.length)}\n${rulesTable(rules)}\n${page.slice(b)}` : undefined;
}

function main(): void {
  const check = process.argv.includes('--check');
  const rules = listRules();
  const outputs = new Map<string, string>();
  for (const meta of rules) {
    for (const lang of ['en', 'zh'] as const) outputs.set(path.join(ROOT, ruleDocPath(meta.id, lang)), ruleDoc(meta, lang));
  }
  outputs.set(path.join(ROOT, SCHEMA_PATH), configSchemaText(rules));
  outputs.set(path.join(ROOT, FACTS_SCHEMA_PATH), factsSchemaText());
  const rulesPage = path.join(ROOT, RULES_PAGE);
  const page = fs.existsSync(rulesPage) ? withRulesTable(fs.readFileSync(rulesPage, 'utf8'), rules) : undefined;
  if (page === undefined) {
    console.error(`${RULES_PAGE}: no ${START} … ${END} markers for the rules table`);
    process.exit(1);
  }
  outputs.set(rulesPage, page);
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
