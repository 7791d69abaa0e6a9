// The institutions' data: valid against its schema, and every example read as it says.
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import data from '../../src/core/rules/data/institutions.json';
import schema from '../../src/core/rules/data/institutions.schema.json';
import { INSTITUTIONS, institutionById, institutionMentions, isCityCommission } from '../../src/core/rules/clause/institutions.js';

describe('arbitration institutions (data)', () => {
  it('is valid against its schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });

  it('has unique ids and names', () => {
    const ids = INSTITUTIONS.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length);
    const names = INSTITUTIONS.flatMap((i) => i.names.map((n) => n.toLowerCase()));
    assert.equal(new Set(names).size, names.length);
  });

  for (const institution of INSTITUTIONS) {
    describe(institution.id, () => {
      for (const example of data.institutions.find((i) => i.id === institution.id)!.examples) {
        it(`names the institution: ${example}`, () => {
          const found = institutionMentions(example).filter((m) => !m.rulesOnly);
          assert.ok(
            found.some((m) => m.institution.id === institution.id),
            JSON.stringify(found),
          );
        });
      }
      for (const example of data.institutions.find((i) => i.id === institution.id)!.rulesExamples) {
        it(`names its rules only: ${example}`, () => {
          const found = institutionMentions(example);
          assert.ok(found.length > 0 && found.every((m) => m.rulesOnly && m.institution.id === institution.id), JSON.stringify(found));
        });
      }
      it('is found by its id and by each name', () => {
        assert.equal(institutionById(institution.id), institution);
        for (const name of institution.names)
          assert.ok(
            institutionMentions(` ${name} `).some((m) => m.institution === institution),
            name,
          );
      });
    });
  }

  it('reads a PRC city commission as one that exists, and a national-sounding one as none', () => {
    for (const example of data.cityCommission.examples) {
      const name = /[\u4e00-\u9fff]{2,4}仲裁委员会|[A-Z][a-z]+ Arbitration Commission/.exec(example)![0];
      assert.ok(isCityCommission(name), name);
    }
    for (const example of data.cityCommission.counterExamples) {
      const name = /[\u4e00-\u9fff]{2,4}仲裁委员会|[A-Z][a-z]+ Arbitration Commission/.exec(example)![0];
      assert.ok(!isCityCommission(name), name);
    }
  });

  it('does not read a lower-case abbreviation as an institution', () => {
    assert.deepEqual(institutionMentions('the icc and the siac are mentioned in lower case'), []);
  });
});
