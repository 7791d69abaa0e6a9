/**
 * The JSON Schema of `.dunmarkrc.json`, generated from the rule registry: the one description of the
 * format. `npm run docs` publishes it as schemas/dunmarkrc.schema.json for editors; parseConfig checks
 * config files against the same schema with Ajv.
 */
import type { RuleMeta } from '../rule.js';
import { CATEGORIES } from '../types.js';
import { MESSAGE_LANGUAGES, SCHEDULE_STEPS, SEVERITY_SETTINGS } from './names.js';

/** Where the generated schema is published, relative to the repository root. */
export const SCHEMA_PATH = 'schemas/dunmarkrc.schema.json';

/** A rule's setting: a severity, or `[severity, options]` with options as the schema gives them (no undeclared key). */
function settingSchema(options: Record<string, unknown> | undefined): Record<string, unknown> {
  const severity = { $ref: '#/definitions/severity' };
  return {
    if: { type: 'array' },
    then: {
      type: 'array',
      items: [severity, { additionalProperties: false, properties: {}, ...options, type: 'object' }],
      minItems: 2,
      maxItems: 2,
      additionalItems: false,
    },
    else: severity,
  };
}

/** The JSON Schema (draft-07) of `.dunmarkrc.json` for these rules. */
export function configSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  const severity = { $ref: '#/definitions/severity' };
  const ruleProperties: Record<string, unknown> = {};
  for (const meta of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    ruleProperties[meta.id] = {
      description: `${meta.description} (${meta.category}, default \`${meta.defaultSeverity}\`)`,
      markdownDescription: `${meta.description}. Category \`${meta.category}\`, default \`${meta.defaultSeverity}\`. [Docs](docs/rules/${meta.id}.md)`,
      // one shared definition for the rules without options keeps the compiled validator small
      ...(meta.options ? settingSchema(meta.options) : { allOf: [{ $ref: '#/definitions/setting' }] }),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.invalid/dunmark/schemas/dunmarkrc.schema.json',
    title: 'Dunmark configuration (.dunmarkrc.json)',
    description: "Looked up from the linted file's folder upward; the nearest wins. Every key is optional.",
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: {
        type: 'string',
        enum: [...SEVERITY_SETTINGS],
        description: '`off` turns the rule off; the others set the severity of its findings.',
      },
      setting: { description: 'A severity, or `[severity, {}]` for a rule without options.', ...settingSchema(undefined) },
    },
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file.' },
      today: {
        type: 'string',
        format: 'date',
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
          accept: { type: 'array', items: { type: 'string' } },
          reject: { type: 'array', items: { type: 'string' } },
        },
      },
      templates: { type: 'string', pattern: '\\S', description: 'Folder of workspace templates, relative to this file.' },
      messageLanguage: { type: 'string', enum: [...MESSAGE_LANGUAGES], description: 'Language of rule messages; `auto` follows the letter.' },
      categories: {
        type: 'object',
        additionalProperties: false,
        description: 'Severity override for a whole category of rules.',
        properties: Object.fromEntries(CATEGORIES.map((c) => [c, severity])),
      },
      letterhead: {
        type: 'string',
        pattern: '\\.[dD][oO][cC][xX]$',
        description: 'The letterhead (.docx) that `dunmark export` lays letters out on, relative to this file.',
      },
      documentProperties: {
        type: 'boolean',
        description:
          "Write the letter's stated facts (what it is, date, deadline, parties, amount, invoices, contract reference) into the custom properties of exported Word and PDF documents, so that `dunmark lint letter.docx` can check them (default true). Never events, payments, notes or outcomes.",
      },
      schedule: {
        type: 'object',
        additionalProperties: false,
        description:
          'When each dunning stage is due, in days after the original due date (`dunmark cases`, the Cases view). Default: reminder 7, second-reminder 14, final-demand 28, letter-before-action 42.',
        properties: Object.fromEntries(
          SCHEDULE_STEPS.map((step) => [
            step,
            {
              type: 'integer',
              minimum: 0,
              maximum: 3650,
              description:
                step === 'legal-action'
                  ? "Days after the letter before action's deadline when the legal step it names is due (default 7)."
                  : `Days after the due date when the ${step} is due.`,
            },
          ]),
        ),
      },
      fonts: {
        type: 'object',
        additionalProperties: false,
        description: 'Fonts of exported Word and PDF documents.',
        properties: {
          latin: { type: 'string', pattern: '\\S', description: 'Font of English text (default Calibri).' },
          eastAsian: { type: 'string', pattern: '\\S', description: 'Font of Chinese text (default SimSun; PMingLiU for zh-TW and zh-HK).' },
        },
      },
    },
  };
}

/** The schema file's text (stable key order, trailing newline). */
export function configSchemaText(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify(configSchema(rules), null, 2)}\n`;
}
