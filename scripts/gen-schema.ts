// Builds the JSON Schema of `.dunmarkrc.json` from the rule registry: every key, every rule id
// as a property (with its options schema), so editors complete and check the config file.
// `npm run docs` writes it to schemas/dunmarkrc.schema.json (see gen-docs.ts).
import type { RuleMeta } from '../src/core/rule.js';
import { CATEGORIES } from '../src/core/types.js';
import { SEVERITY_SETTINGS } from '../src/core/config.js';

/** Where the generated schema lives, relative to the repository root. */
export const SCHEMA_PATH = 'schemas/dunmarkrc.schema.json';

/** The JSON Schema (draft-07) of `.dunmarkrc.json` for these rules. */
export function configSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  const severity = { $ref: '#/definitions/severity' };
  const ruleProperties: Record<string, unknown> = {};
  for (const meta of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const options = meta.options ?? { type: 'object', additionalProperties: false, maxProperties: 0 };
    ruleProperties[meta.id] = {
      description: `${meta.description} (${meta.category}, default \`${meta.defaultSeverity}\`)`,
      markdownDescription: `${meta.description}. Category \`${meta.category}\`, default \`${meta.defaultSeverity}\`. [Docs](docs/rules/${meta.id}.md)`,
      oneOf: [
        severity,
        { type: 'array', items: [severity, options], minItems: 2, maxItems: 2, additionalItems: false },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.invalid/dunmark/schemas/dunmarkrc.schema.json',
    title: 'Dunmark configuration (.dunmarkrc.json)',
    description: 'Looked up from the linted file\'s folder upward; the nearest wins. Every key is optional.',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: {
        type: 'string',
        enum: [...SEVERITY_SETTINGS],
        description: '`off` turns the rule off; the others set the severity of its findings.',
      },
    },
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file.' },
      today: {
        type: 'string',
        pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
        description: 'ISO date (YYYY-MM-DD) that deadline rules compare against; default the real date.',
      },
      rules: {
        type: 'object',
        description: 'Per-rule severity, or [severity, options].',
        additionalProperties: false,
        properties: ruleProperties,
      },
      vocabulary: {
        type: 'object',
        additionalProperties: false,
        description: 'Words the language rules accept (names) or reject (house bans).',
        properties: {
          accept: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          reject: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
      },
      templates: { type: 'string', minLength: 1, description: 'Folder of workspace templates, relative to this file.' },
      messageLanguage: { type: 'string', enum: ['auto', 'en', 'zh'], description: 'Language of rule messages; `auto` follows the letter.' },
      categories: {
        type: 'object',
        additionalProperties: false,
        description: 'Severity override for a whole category of rules.',
        properties: Object.fromEntries(CATEGORIES.map((c) => [c, severity])),
      },
      letterhead: { type: 'string', pattern: '\\.[dD][oO][cC][xX]$', description: 'The letterhead (.docx) that `dunmark export` lays letters out on, relative to this file.' },
      fonts: {
        type: 'object',
        additionalProperties: false,
        description: 'Fonts of exported Word and PDF documents.',
        properties: {
          latin: { type: 'string', minLength: 1, description: 'Font of English text (default Calibri).' },
          eastAsian: { type: 'string', minLength: 1, description: 'Font of Chinese text (default SimSun; PMingLiU for zh-TW and zh-HK).' },
        },
      },
    },
  };
}

/** The schema file's text (stable key order, trailing newline). */
export function configSchemaText(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify(configSchema(rules), null, 2)}\n`;
}
