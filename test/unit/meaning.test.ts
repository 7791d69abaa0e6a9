// The one generic test of the meaning layer (src/core/meaning): its data validates against its
// schemas, every frame catches each of its `examples` and leaves each of its `innocent`
// sentences alone, and every class a frame names exists. Adding a frame or a class member never
// needs a new test: its examples are the test.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import frames from '../../src/core/meaning/frames.json';
import framesSchema from '../../src/core/meaning/frames.schema.json';
import { FRAMES, framesIn, LEXICON, statedSteps } from '../../src/core/meaning/index.js';
import lexicon from '../../src/core/meaning/lexicon.json';
import lexiconSchema from '../../src/core/meaning/lexicon.schema.json';

describe('meaning layer', () => {
  it('lexicon.json and frames.json follow their schemas', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    for (const [data, schema] of [
      [lexicon, lexiconSchema],
      [frames, framesSchema],
    ] as const) {
      const validate = ajv.compile(schema);
      assert.ok(validate(data), ajv.errorsText(validate.errors));
    }
  });

  it('every class a frame names is in the lexicon', () => {
    for (const f of FRAMES) for (const cls of [f.trigger, ...(f.with ?? []).flat()]) assert.ok(LEXICON.classes[cls], `${f.id}: ${cls}`);
  });

  for (const frame of FRAMES) {
    describe(`frame ${frame.id} (${frame.rule})`, () => {
      for (const example of frame.examples) {
        it(`catches: ${example}`, () => {
          assert.ok(
            framesIn(example).some((m) => m.frame.id === frame.id),
            `found ${JSON.stringify(framesIn(example).map((m) => m.frame.id))}`,
          );
        });
      }
      for (const sentence of frame.innocent) {
        it(`leaves alone: ${sentence}`, () => {
          const found = framesIn(sentence).filter((m) => m.frame.rule === frame.rule);
          assert.deepEqual(
            found.map((m) => m.frame.id),
            [],
          );
        });
      }
    });
  }

  describe('lawful next steps in any words', () => {
    const cases: [string, string][] = [
      ['If we do not hear from you, we will proceed with a claim without further notice.', 'litigation'],
      ['Failing payment, we will turn this account over for collection.', 'collection-agency'],
      ['Our next step is to take legal action.', 'litigation'],
      ['逾期未付，我司将依法向人民法院起诉。', 'litigation'],
      ['We will refer the account to our counsel to begin arbitration as provided in our contract.', 'arbitration'],
      ['Further shipments will be held until the balance is cleared.', 'suspend-supply'],
    ];
    for (const [text, step] of cases) it(`${step}: ${text}`, () => assert.ok(statedSteps(text).has(step as never), [...statedSteps(text)].join(',')));
    it('a step said not to be taken is not stated', () => assert.equal(statedSteps('We do not intend to sue.').has('litigation'), false));
  });
});
