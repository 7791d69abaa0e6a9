// `.dunmarkrc.json`: parsing with positions, validation against the registry, merging, and the
// generated JSON Schema staying in step with the registry.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { configSchema, configSchemaText, mergeConfig, parseConfig, SCHEMA_PATH } from '../../src/core/config/index.js';
import { isIsoDate } from '../../src/core/facts/facts.js';
import { listRules } from '../../src/index.js';
import { ROOT } from './helpers.js';

const ruleIds = listRules().map((r) => r.id);
const someRule = ruleIds[0] ?? 'front-matter';

function error(text: string): { message: string; line: number; column: number } {
  const result = parseConfig(text, '.dunmarkrc.json');
  assert.equal(result.ok, false, `expected an error for ${text}`);
  return (result as { ok: false; error: { message: string; line: number; column: number } }).error;
}

describe('config: parseConfig', () => {
  it('accepts the spec example (every key), with comments and trailing commas', () => {
    const text = `{
  // the project's settings
  "$schema": "./node_modules/dunmark/schemas/dunmarkrc.schema.json",
  "today": "2026-11-20",
  "rules": { "${someRule}": "warning" },
  "vocabulary": { "accept": ["Lianhe"], "reject": ["deadbeat"] },
  "templates": ".dunmark/templates",
  "messageLanguage": "zh",
  "categories": { "tone": "error" },
}`;
    const result = parseConfig(text, 'x');
    assert.ok(result.ok);
    assert.deepEqual(result.config, {
      today: '2026-11-20',
      rules: { [someRule]: 'warning' },
      vocabulary: { accept: ['Lianhe'], reject: ['deadbeat'] },
      templates: '.dunmark/templates',
      messageLanguage: 'zh',
      categories: { tone: 'error' },
    });
  });

  it('accepts an empty object and a BOM', () => {
    assert.deepEqual(parseConfig('\uFEFF{}', 'x'), { ok: true, config: {} });
  });

  it('reports a JSON syntax error at its line', () => {
    const e = error('{\n  "today": "2026-11-20"\n  "rules": {}\n}');
    assert.equal(e.line, 3);
    assert.match(e.message, /CommaExpected/);
  });

  it('reports an empty file', () => {
    assert.match(error('').message, /empty/);
  });

  it('reports a top level that is not an object', () => {
    assert.match(error('[1, 2]').message, /^Unexpected an array for `the config`, expected an object$/);
  });

  it('reports an unknown top-level key at its line and column', () => {
    const e = error('{\n  "today": "2026-11-20",\n    "rulez": {}\n}');
    assert.deepEqual([e.line, e.column], [3, 5]);
    assert.match(e.message, /^Unexpected key `rulez`, expected one of /);
  });

  it('reports an unknown rule id at its line', () => {
    const e = error('{\n  "rules": {\n    "no-such-rule": "error"\n  }\n}');
    assert.equal(e.line, 3);
    assert.match(e.message, /`no-such-rule`/);
  });

  it('reports a bad severity, naming the key', () => {
    const e = error(`{\n  "rules": {\n    "${someRule}": "fatal"\n  }\n}`);
    assert.equal(e.line, 3);
    assert.match(e.message, new RegExp(`\`rules\\.${someRule}\``));
    assert.match(e.message, /`"fatal"`/);
  });

  it('reports a malformed [severity, options] pair and non-object options', () => {
    assert.match(error(`{"rules": {"${someRule}": ["error"]}}`).message, /expected a severity or `\[severity, options\]`/);
    assert.match(error(`{"rules": {"${someRule}": ["error", 3]}}`).message, /expected an object/);
    assert.match(error(`{"rules": {"${someRule}": ["loud", {}]}}`).message, /`"loud"`/);
  });

  it('accepts `off` and [severity, {}]', () => {
    const result = parseConfig(`{"rules": {"${someRule}": ["off", {}]}}`, 'x');
    assert.ok(result.ok);
    assert.deepEqual(result.config.rules, { [someRule]: ['off', {}] });
  });

  it('checks the options of a rule that declares them', () => {
    const withOptions = listRules().find((r) => r.options && (r.options as { properties?: object }).properties);
    if (!withOptions) {
      // No rule declares options yet: an option on a rule without any is an error.
      assert.match(error(`{"rules": {"${someRule}": ["error", {"days": 10}]}}`).message, /Unexpected option `days`/);
      return;
    }
    assert.match(error(`{"rules": {"${withOptions.id}": ["error", {"zzz-no-such-option": 1}]}}`).message, /Unexpected option `zzz-no-such-option`/);
  });

  it('rejects a `today` that is not a real ISO date', () => {
    for (const bad of ['"2026-02-30"', '"2026-13-01"', '"20 November 2026"', '"2026-11-20T00:00:00Z"', '20261120']) {
      const e = error(`{\n\n  "today": ${bad}\n}`);
      assert.equal(e.line, 3, bad);
      assert.match(e.message, /`today`/);
    }
    assert.ok(parseConfig('{"today": "2028-02-29"}', 'x').ok);
  });

  it('rejects bad vocabulary and templates types', () => {
    assert.match(error('{"vocabulary": ["Lianhe"]}').message, /`vocabulary`, expected an object/);
    assert.match(error('{"vocabulary": {"accept": "Lianhe"}}').message, /`vocabulary.accept`, expected an array of strings/);
    assert.match(error('{"vocabulary": {"accept": ["Lianhe", 7]}}').message, /`vocabulary.accept\[1\]`, expected a string/);
    assert.match(error('{"vocabulary": {"allow": []}}').message, /`vocabulary.allow`/);
    assert.match(error('{"templates": 3}').message, /`templates`, expected a folder path/);
    assert.match(error('{"templates": ""}').message, /`templates`/);
    assert.match(error('{"categories": {"style": "off"}}').message, /category `style`/);
    assert.match(error('{"messageLanguage": "fr"}').message, /`messageLanguage`/);
  });

  it('never throws on odd input', () => {
    for (const text of ['{', '}', 'null', '"x"', '{"a":', '\u0000\u0001', '{"rules": null}', '{"today": null}', '/* only a comment */']) {
      const result = parseConfig(text, 'x');
      assert.equal(result.ok, false, text);
    }
  });
});

describe('config: isIsoDate', () => {
  it('knows leap years and month lengths', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2100-02-29'));
    assert.ok(isIsoDate('2000-02-29'));
    assert.ok(!isIsoDate('2026-04-31'));
    assert.ok(!isIsoDate('2026-00-10'));
  });
});

describe('config: mergeConfig', () => {
  it('lets the override win key by key and merges rules, categories and vocabulary', () => {
    const merged = mergeConfig(
      { today: '2026-01-01', rules: { a: 'error', b: 'warning' }, vocabulary: { accept: ['Lianhe'] }, categories: { tone: 'warning' }, templates: 'x' },
      { today: '2026-11-20', rules: { b: 'off' }, vocabulary: { accept: ['Lianhe', 'Harbor'], reject: ['deadbeat'] }, categories: { facts: 'hint' } },
    );
    assert.deepEqual(merged, {
      today: '2026-11-20',
      templates: 'x',
      rules: { a: 'error', b: 'off' },
      vocabulary: { accept: ['Lianhe', 'Harbor'], reject: ['deadbeat'] },
      categories: { tone: 'warning', facts: 'hint' },
    });
  });
  it('handles missing sides without sharing objects', () => {
    const base = { rules: { a: 'error' as const } };
    const merged = mergeConfig(base, undefined);
    assert.deepEqual(merged, base);
    assert.notEqual(merged.rules, base.rules);
    assert.deepEqual(mergeConfig(undefined, undefined), {});
  });
});

describe('config: JSON Schema (schemas/dunmarkrc.schema.json)', () => {
  const file = path.join(ROOT, SCHEMA_PATH);
  it('is up to date with the registry (npm run docs)', () => {
    assert.equal(fs.readFileSync(file, 'utf8'), configSchemaText(listRules()));
  });
  it('lists exactly the registry rule ids', () => {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...ruleIds].sort());
  });
  it('is a valid draft-07 schema that strict Ajv compiles (parseConfig trusts it and skips that check)', () => {
    const ajv = new Ajv({ strict: true, validateSchema: true });
    ajv.addVocabulary(['markdownDescription']);
    ajv.addFormat('date', isIsoDate);
    assert.doesNotThrow(() => ajv.compile(configSchema(listRules())));
  });
  it('accepts what parseConfig accepts and rejects unknown keys and rules', () => {
    const ajv = new Ajv({ strict: false });
    ajv.addFormat('date', isIsoDate);
    const validate = ajv.compile(configSchema(listRules()));
    assert.ok(
      validate({ $schema: 'x', today: '2026-11-20', rules: { [someRule]: 'off' }, vocabulary: { accept: ['Lianhe'] }, templates: 't' }),
      JSON.stringify(validate.errors),
    );
    assert.ok(validate({ rules: { [someRule]: ['warning', {}] } }), JSON.stringify(validate.errors));
    assert.ok(!validate({ rulez: {} }));
    assert.ok(!validate({ rules: { 'no-such-rule': 'error' } }));
    assert.ok(!validate({ rules: { [someRule]: 'fatal' } }));
    assert.ok(!validate({ today: '2026-13-01' }));
  });
});
