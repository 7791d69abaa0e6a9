/**
 * The front-matter contract (shared/spec/facts.md) as data. It drives fact typing,
 * editor completion and the published JSON Schema, so the three never drift.
 */

/** A fact's type, with what completion and docs need. */
export type FactType =
  | { type: 'string'; description: string; enum?: readonly string[]; pattern?: string; patternHint?: string; patternHintZh?: string; open?: boolean }
  | { type: 'number'; description: string; minimum?: number }
  | { type: 'boolean'; description: string }
  | { type: 'date'; description: string }
  | { type: 'object'; description: string; properties: Record<string, FactType> }
  | { type: 'array'; description: string; items: FactType };

export const KINDS = [
  'dunning-letter', 'call-summary', 'call-preparation', 'clause', 'repayment-plan',
  // the rest of the collection process: evaluate and accept the case, report on it, close it
  'case-evaluation', 'commission-agreement', 'progress-report', 'closing-report', 'acknowledgement', 'settlement-confirmation',
] as const;
export const STAGES = ['reminder', 'second-reminder', 'final-demand', 'letter-before-action'] as const;
export const CLAUSES = ['arbitration', 'guarantor', 'jurisdiction', 'prevailing-language'] as const;
export const LANGUAGES = ['en', 'zh-CN', 'en+zh-CN', 'zh-TW', 'zh-HK'] as const;
export const NEXT_STEPS = ['arbitration', 'litigation', 'credit-insurer-claim', 'collection-agency', 'suspend-supply'] as const;
/** ISO 4217 codes offered in completion; any three capital letters are accepted. */
export const CURRENCIES = ['USD', 'CNY', 'EUR', 'HKD', 'SGD', 'JPY', 'GBP'] as const;
export const INSTITUTIONS = ['CIETAC', 'HKIAC', 'SIAC', 'ICC'] as const;
/** How a letter is delivered; a demand interrupts PRC limitation only when its arrival can be proven. */
export const DELIVERY_METHODS = ['courier', 'registered-mail', 'email', 'hand'] as const;
/** What a charge is; `interest` charges with a rate and dates are computed. */
export const CHARGE_TYPES = ['interest', 'compensation', 'fee', 'cost'] as const;
/** Where an interest rate comes from: the contract, or a statute with a reference rate. */
export const INTEREST_REGIMES = ['contract', 'uk-late-payment', 'eu-late-payment', 'prc-lpr'] as const;
/** Day-count conventions for simple interest. */
export const DAY_COUNTS = ['actual/365', 'actual/360'] as const;
/** What happened in a case; some of these interrupt the limitation period. */
export const EVENT_TYPES = ['demand', 'acknowledgement', 'promise', 'repayment-plan', 'call', 'delivery', 'email', 'meeting', 'dispute', 'other'] as const;
/** What the contract is about (PRC Civil Code Art. 594 gives 4 years to international sales of goods and technology import/export). */
export const CONTRACT_TYPES = ['sale-of-goods', 'technology-import-export', 'services', 'other'] as const;
/** How a case was closed (a case file's `closed.outcome`). */
export const OUTCOMES = ['paid', 'settled', 'written-off', 'arbitration', 'litigation', 'withdrawn'] as const;

export type Kind = (typeof KINDS)[number];
export type Stage = (typeof STAGES)[number];
export type Language = (typeof LANGUAGES)[number];
export type NextStep = (typeof NEXT_STEPS)[number];
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export type InterestRegime = (typeof INTEREST_REGIMES)[number];
export type DayCount = (typeof DAY_COUNTS)[number];

const text = (description: string): FactType => ({ type: 'string', description });
const date = (description: string): FactType => ({ type: 'date', description });
const money = (description: string): FactType => ({ type: 'number', description, minimum: 0 });
const party = (who: string): Record<string, FactType> => ({
  name: text(`Registered name of the ${who}`),
  name_zh: text(`Registered Chinese name of the ${who}`),
  country: { type: 'string', description: 'ISO 3166-1 alpha-2 country code', pattern: '^[A-Z]{2}$', patternHint: 'two capital letters, e.g. US or CN', patternHintZh: '两个大写字母，如 US 或 CN' },
  contact: text(`Who signs for, or is contacted at, the ${who}`),
  email: text('E-mail address'),
  address: text('Postal address'),
});

/** The facts every Dunmark document may carry in its front matter. */
export const FACTS_SCHEMA: Record<string, FactType> = {
  kind: { type: 'string', description: 'What the document is', enum: KINDS },
  stage: { type: 'string', description: 'Stage of a dunning letter', enum: STAGES },
  clause: { type: 'string', description: 'Clause type of a clause document', enum: CLAUSES, open: true },
  date: date('Date of the document (ISO 8601)'),
  language: { type: 'string', description: 'Language the document is written in', enum: LANGUAGES },
  creditor: { type: 'object', description: 'Who is owed', properties: party('creditor') },
  debtor: {
    type: 'object',
    description: 'Who owes',
    properties: {
      ...party('debtor'),
      locale: { type: 'string', description: 'The language the debtor reads best', enum: ['en', 'zh-CN', 'zh-TW', 'zh-HK'] },
      uscc: { type: 'string', description: 'Unified Social Credit Code (18 characters)', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', patternHint: '18 characters', patternHintZh: '18 位统一社会信用代码' },
    },
  },
  amount: money('Total now owed'),
  currency: { type: 'string', description: 'ISO 4217 currency code', enum: CURRENCIES, pattern: '^[A-Z]{3}$', patternHint: 'an ISO 4217 code such as USD or CNY', patternHintZh: 'ISO 4217 币种代码，如 USD 或 CNY', open: true },
  invoices: {
    type: 'array',
    description: 'What the amount is made of',
    items: {
      type: 'object',
      description: 'An invoice',
      properties: { number: text('Invoice number'), date: date('Invoice date'), amount: money('Invoice amount still owed') },
    },
  },
  due_date: date('When payment was originally due'),
  deadline: date('The payment deadline this letter sets'),
  guarantor: {
    type: 'object',
    description: 'A guarantor named in a clause',
    properties: {
      name: text('Name of the guarantor'),
      country: { type: 'string', description: 'ISO 3166-1 alpha-2 country code', pattern: '^[A-Z]{2}$', patternHint: 'two capital letters', patternHintZh: '两个大写字母' },
      state: text('US state whose law governs the guaranty'),
      address: text('Address of the guarantor'),
    },
  },
  call: {
    type: 'object',
    description: 'The call a call summary records',
    properties: {
      date: date('Date of the call'),
      with: text('Who the call was with'),
      role: text('Their role'),
      decision_maker: { type: 'boolean', description: 'Whether they decide on payment' },
    },
  },
  commitments: {
    type: 'array',
    description: 'What the debtor promised, each with a date',
    items: {
      type: 'object',
      description: 'A commitment',
      properties: { what: text('What was promised'), by: date('By when'), amount: money('Amount promised') },
    },
  },
  payments: {
    type: 'array',
    description: 'Payments received from the debtor on this account, each with its date (a part payment restarts PRC limitation)',
    items: {
      type: 'object',
      description: 'A payment received',
      properties: {
        date: date('When it was received'), amount: money('Amount received'),
        applied_to: text('The invoice it was applied to'), reference: text('The bank or remittance reference'),
      },
    },
  },
  closed: {
    type: 'object',
    description: 'When and how the case was closed; a case without it is open',
    properties: {
      date: date('When the case was closed'),
      outcome: { type: 'string', description: 'How it ended', enum: OUTCOMES },
      note: text('A sentence for the closing report'),
    },
  },
  charges: {
    type: 'array',
    description: 'Interest, fees or costs claimed on top of the amount; each needs a basis',
    items: {
      type: 'object',
      description: 'A charge',
      properties: {
        what: text('What is charged'),
        amount: money('Amount charged'),
        basis: text('Contract clause or statute'),
        type: { type: 'string', description: 'Interest, fixed compensation, a fee or a cost', enum: CHARGE_TYPES, open: true },
        regime: { type: 'string', description: 'Where the interest rate comes from: the contract, or a statute with a reference rate', enum: INTEREST_REGIMES },
        rate: { type: 'number', description: 'Interest rate in percent a year (1 % a month is 12)', minimum: 0 },
        markup: { type: 'number', description: 'prc-lpr only: percent added to the one-year LPR (30 to 50)', minimum: 0 },
        principal: money('Amount the interest runs on (default: the amount owed)'),
        from: date('Date interest runs from; the first day is not counted'),
        to: date('Date interest runs to (payment), counted'),
        as_of: date('Date interest is computed to while it still runs'),
        day_count: { type: 'string', description: 'Days in a year for the daily rate', enum: DAY_COUNTS },
      },
    },
  },
  events: {
    type: 'array',
    description: 'What happened in the case besides its documents: demands that reached the debtor, acknowledgements, promises, repayment plans, calls, deliveries, disputes',
    items: {
      type: 'object',
      description: 'An event',
      properties: {
        date: date('When it happened (for a demand: when it reached the debtor)'),
        type: { type: 'string', description: 'What happened', enum: EVENT_TYPES, open: true },
        with: text('Who it was with (a call, a meeting)'),
        note: text('What was said or signed, and where the proof is'),
      },
    },
  },
  dispatch: {
    type: 'object',
    description: 'How this letter is sent to the debtor, so that its arrival can be proven (`delivery` is what was delivered under the contract)',
    properties: {
      method: { type: 'string', description: 'Courier, registered mail, e-mail or by hand', enum: DELIVERY_METHODS },
      to: text('The address or e-mail address it is sent to'),
      tracking: text('Tracking or registration number, or the message id'),
      delivered: date('Date it reached the debtor'),
    },
  },
  limitation: {
    type: 'object',
    description: 'The limitation period of the claim, when the contract is not under PRC law',
    properties: {
      years: { type: 'number', description: 'Length of the limitation period in years', minimum: 0 },
      from: date('Date the period runs from (default: due_date)'),
    },
  },
  instalments: {
    type: 'array',
    description: 'A repayment plan\'s instalments, each an amount and the date it is due; together they equal the amount',
    items: {
      type: 'object',
      description: 'An instalment',
      properties: { amount: money('Amount of the instalment'), by: date('Date it must be paid by') },
    },
  },
  next_step: { type: 'string', description: 'What the creditor will really do if unpaid', enum: NEXT_STEPS },
  proceeding: {
    type: 'object',
    description: 'An arbitration or court case already on file, if any; without it no letter may cite a case number',
    properties: {
      case_number: text('Case number as the tribunal or court gave it'),
      forum: text('The arbitral institution or court'),
      filed: date('Date the case was filed'),
    },
  },
  counsel: {
    type: 'object',
    description: 'The lawyer or law firm acting, if any',
    properties: { name: text('Name of the lawyer'), firm: text('Law firm') },
  },
  contract: {
    type: 'object',
    description: 'The contract the claim and any clause rest on',
    properties: {
      reference: text('Contract reference'),
      governing_law: { type: 'string', description: 'Governing law', enum: ['PRC', 'US-NY', 'US-CA', 'US-DE', 'US-TX', 'HK', 'SG', 'EN'], open: true },
      arbitration: { type: 'string', description: 'Institution its dispute clause names', enum: INSTITUTIONS, open: true },
      type: { type: 'string', description: 'What the contract is about', enum: CONTRACT_TYPES, open: true },
      notice_email: text('E-mail address the contract names for notices to the debtor'),
      notice_address: text('Postal address the contract names for notices to the debtor'),
    },
  },
};

/** Looks up the schema of a dotted fact path (`invoices.0.amount` → the invoice amount's type). */
export function schemaAt(path: string): FactType | undefined {
  let node: FactType | undefined = { type: 'object', description: '', properties: FACTS_SCHEMA };
  for (const part of path.split('.')) {
    if (!node) return undefined;
    if (node.type === 'object') node = node.properties[part];
    else if (node.type === 'array' && /^\d+$/.test(part)) node = node.items;
    else return undefined;
  }
  return node;
}

/** The facts schema as a JSON Schema (draft 2020-12), for editors and other tools. */
export function factsJsonSchema(): Record<string, unknown> {
  const convert = (t: FactType): Record<string, unknown> => {
    switch (t.type) {
      case 'string':
        return {
          type: 'string',
          description: t.description,
          ...(t.enum && !t.open ? { enum: t.enum } : {}),
          ...(t.enum && t.open ? { examples: t.enum } : {}),
          ...(t.pattern && !(t.enum && !t.open) ? { pattern: t.pattern } : {}),
        };
      case 'number':
        return { type: 'number', description: t.description, ...(t.minimum !== undefined ? { minimum: t.minimum } : {}) };
      case 'boolean':
        return { type: 'boolean', description: t.description };
      case 'date':
        return { type: 'string', format: 'date', description: t.description };
      case 'object':
        return {
          type: 'object',
          description: t.description,
          properties: Object.fromEntries(Object.entries(t.properties).map(([k, v]) => [k, convert(v)])),
        };
      case 'array':
        return { type: 'array', description: t.description, items: convert(t.items) };
    }
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Dunmark case facts (front matter)',
    type: 'object',
    properties: Object.fromEntries(Object.entries(FACTS_SCHEMA).map(([k, v]) => [k, convert(v)])),
  };
}
