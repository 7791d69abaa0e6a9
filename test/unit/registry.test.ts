// Every rule carries everything about itself: meta, docs page (generated from meta), fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { listRules } from '../../src/index.js';
import { CATEGORIES, SEVERITIES } from '../../src/core/types.js';
import { ruleDoc } from '../../scripts/gen-docs.js';
import { ROOT } from './helpers.js';

describe('rule registry', () => {
  const rules = listRules();
  it('has unique kebab-case ids, sorted', () => {
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
  for (const meta of rules) {
    describe(meta.id, () => {
      it('has complete meta', () => {
        assert.ok(CATEGORIES.includes(meta.category), `category ${meta.category}`);
        assert.ok(SEVERITIES.includes(meta.defaultSeverity), `severity ${meta.defaultSeverity}`);
        assert.ok(meta.description.length > 10 && !meta.description.endsWith('.'), 'one-line description without a full stop');
        assert.ok(meta.docs.length > 200, 'docs say what, why, wrong and right');
        assert.ok(meta.languages.length > 0);
      });
      it('lives in a file named after its id, in its category folder', () => {
        assert.ok(fs.existsSync(path.join(ROOT, 'src/core/rules', meta.category, `${meta.id}.ts`)));
      });
      it('has an up-to-date docs page (npm run docs)', () => {
        const file = path.join(ROOT, 'docs/rules', `${meta.id}.md`);
        assert.ok(fs.existsSync(file), `missing docs/rules/${meta.id}.md`);
        assert.equal(fs.readFileSync(file, 'utf8'), ruleDoc(meta));
      });
      it('has fixtures', () => {
        const dir = path.join(ROOT, 'test/fixtures/rules', meta.id);
        assert.ok(fs.existsSync(dir), `missing test/fixtures/rules/${meta.id}/`);
        assert.ok(fs.readdirSync(dir).some((f) => f.endsWith('.md')));
      });
    });
  }
});

describe('published facts schema', () => {
  it('schemas/facts.schema.json is generated from the facts contract (npm run docs)', async () => {
    const { factsSchemaText, FACTS_SCHEMA_PATH } = await import('../../scripts/gen-docs.js');
    assert.equal(fs.readFileSync(path.join(ROOT, FACTS_SCHEMA_PATH), 'utf8'), factsSchemaText());
    const schema = JSON.parse(factsSchemaText()) as { properties: Record<string, { enum?: string[] }> };
    assert.deepEqual(schema.properties.stage?.enum, ['reminder', 'second-reminder', 'final-demand', 'letter-before-action']);
    assert.ok(schema.properties.proceeding, 'proceeding is part of the contract');
  });
});
