// Every rule carries everything about itself: meta, docs page (generated from meta), fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { listRules } from '../../src/index.js';
import { CATEGORIES, SEVERITIES } from '../../src/core/types.js';
import { RULES_PAGE, ruleDoc, ruleDocPath, withRulesTable } from '../../scripts/gen-docs.js';
import { ROOT } from './helpers.js';

describe('rule registry', () => {
  const rules = listRules();
  it('has unique kebab-case ids, sorted', () => {
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
  it(`${RULES_PAGE} lists every rule, up to date (npm run docs)`, () => {
    const page = fs.readFileSync(path.join(ROOT, RULES_PAGE), 'utf8');
    assert.equal(withRulesTable(page, rules), page);
    for (const meta of rules) assert.ok(page.includes(`[\`${meta.id}\`](rules/${meta.id}.md)`), `${meta.id} is in the table`);
  });
  for (const meta of rules) {
    describe(meta.id, () => {
      it('has complete meta', () => {
        assert.ok(CATEGORIES.includes(meta.category), `category ${meta.category}`);
        assert.ok(SEVERITIES.includes(meta.defaultSeverity), `severity ${meta.defaultSeverity}`);
        assert.ok(meta.description.length > 10 && !meta.description.endsWith('.'), 'one-line description without a full stop');
        assert.ok(meta.docs.en.length > 200, 'docs say what, why, wrong and right');
        assert.ok(meta.docs.zh.length > 100, 'Chinese docs say what, why, wrong and right');
        assert.ok(meta.languages.length > 0);
      });
      it('lives in a file named after its id, in its category folder', () => {
        assert.ok(fs.existsSync(path.join(ROOT, 'src/core/rules', meta.category, `${meta.id}.ts`)));
      });
      for (const lang of ['en', 'zh'] as const) {
        it(`has an up-to-date ${lang} docs page (npm run docs)`, () => {
          const file = path.join(ROOT, ruleDocPath(meta.id, lang));
          assert.ok(fs.existsSync(file), `missing ${ruleDocPath(meta.id, lang)}`);
          assert.equal(fs.readFileSync(file, 'utf8'), ruleDoc(meta, lang));
        });
      }
      it('cites its sources for users: no private notes, a public source or docs/law.md', () => {
        for (const lang of ['en', 'zh'] as const) {
          assert.doesNotMatch(meta.docs[lang], /domain notes|领域说明/i, `${lang} docs cite notes users do not have`);
          assert.match(
            meta.docs[lang],
            /Art\.|s\.\s?\d|第[一二三四五六七八九十百零\d]+条|Directive|Act|docs\/law\.md|U\.S\.C\.|C\.F\.R\.|GB\/T|Rules|规则|https?:\/\//,
            `${lang} docs cite a source`,
          );
        }
      });
      it('writes its Chinese docs in Chinese', () => {
        const han = (meta.docs.zh.match(/[\u4e00-\u9fff]/g) ?? []).length;
        const latin = (meta.docs.zh.replace(/`[^`]*`|```[\s\S]*?```|\[[^\]]*\]\([^)]*\)/g, '').match(/[A-Za-z]+/g) ?? []).length;
        assert.ok(han > 80 && han > latin, `${han} Han characters, ${latin} Latin words outside code`);
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
    const schema = JSON.parse(factsSchemaText()) as { properties: Record<string, { $ref?: string }>; $defs: Record<string, { enum?: string[] }> };
    assert.equal(schema.properties.stage?.$ref, '#/$defs/stage');
    assert.deepEqual(schema.$defs.stage?.enum, ['reminder', 'second-reminder', 'final-demand', 'letter-before-action']);
    assert.ok(schema.$defs.proceeding, 'proceeding is part of the contract');
  });
});
