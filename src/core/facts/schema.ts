/**
 * The front-matter contract (shared/spec/facts.md) as data, with every fact's title, description
 * and examples in English and Chinese. It drives fact typing, editor completion, the facts form and
 * the published JSON Schema (`schemas/facts.schema.json`) that every template's facts `$ref`, so
 * none of them drift.
 */

/** What a person is told about a fact: a title, a one-line description and examples, in English and Chinese. */
export interface FactDocs {
  description: string;
  title?: string;
  zh?: { title: string; description: string; examples?: readonly (string | number)[] };
  examples?: readonly (string | number)[];
  /** Human names of enum values, English then Chinese. */
  labels?: Readonly<Record<string, readonly [string, string]>>;
  /**
   * A fact only templates ask for (goods, bank, seat, ...), not part of the front-matter contract of
   * shared/spec/facts.md: completion offers it and the form asks it, but a letter's front matter is
   * not checked against it (a letter may use the name for something else).
   */
  template?: boolean;
}

/** A fact's type, with what completion, the form and docs need. */
export type FactType = FactDocs &
  (
    | {
        type: 'string';
        enum?: readonly string[];
        pattern?: string;
        patternHint?: string;
        patternHintZh?: string;
        open?: boolean;
        format?: 'email';
        multiline?: boolean;
        /** A code a person may type in words: the form reads `USA`, `usd` or `CA` as `US`, `USD` or `California` (facts/codes.ts). */
        codes?: 'country' | 'currency' | 'us-state';
      }
    | { type: 'number'; minimum?: number; maximum?: number; integer?: boolean; enum?: readonly number[] }
    | { type: 'boolean' }
    | { type: 'date' }
    | { type: 'object'; properties: Record<string, FactType> }
    | { type: 'array'; items: FactType }
  );

export const KINDS = [
  'dunning-letter',
  'call-summary',
  'call-preparation',
  'clause',
  'repayment-plan',
  // the rest of the collection process: evaluate and accept the case, report on it, close it
  'case-evaluation',
  'commission-agreement',
  'progress-report',
  'closing-report',
  'acknowledgement',
  'settlement-confirmation',
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

/** Human names of the document kinds, stages and languages: pickers, the status bar and the form. */
export const KIND_LABELS: Readonly<Record<Kind, readonly [string, string]>> = {
  'dunning-letter': ['Dunning letter', '催款函'],
  'call-summary': ['Call summary', '通话纪要'],
  'call-preparation': ['Call preparation', '通话准备'],
  clause: ['Clause', '合同条款'],
  'repayment-plan': ['Repayment plan', '还款计划'],
  'case-evaluation': ['Case evaluation', '案件评估'],
  'commission-agreement': ['Commission agreement', '委托协议'],
  'progress-report': ['Progress report', '进展报告'],
  'closing-report': ['Closing report', '结案报告'],
  acknowledgement: ['Acknowledgement of debt', '债务确认书'],
  'settlement-confirmation': ['Settlement confirmation', '和解确认书'],
};
export const STAGE_LABELS: Readonly<Record<Stage, readonly [string, string]>> = {
  reminder: ['Reminder', '第一次付款提醒'],
  'second-reminder': ['Second reminder', '第二次付款提醒'],
  'final-demand': ['Final demand', '最后催款函'],
  'letter-before-action': ['Letter before action', '正式催告函'],
};
export const CLAUSE_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  arbitration: ['Arbitration clause', '仲裁条款'],
  guarantor: ['Guarantee clause', '保证条款'],
  jurisdiction: ['Jurisdiction clause', '管辖条款'],
  'prevailing-language': ['Prevailing-language clause', '语言效力条款'],
};
export const LANGUAGE_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  en: ['English', '英文'],
  'zh-CN': ['中文', '中文'],
  'en+zh-CN': ['English + 中文', '中英双语'],
  'zh-TW': ['中文 (繁體)', '中文（繁体）'],
  'zh-HK': ['中文 (香港)', '中文（香港）'],
};
const NEXT_STEP_LABELS: Record<NextStep, readonly [string, string]> = {
  arbitration: ['Arbitration under the contract', '依合同申请仲裁'],
  litigation: ['Court proceedings', '向法院起诉'],
  'credit-insurer-claim': ['Claim with our credit insurer', '向信用保险机构索赔'],
  'collection-agency': ['Refer to a collection agency', '委托催收机构'],
  'suspend-supply': ['Suspend further supply', '暂停供货'],
};
const GOVERNING_LAW_LABELS: Record<string, readonly [string, string]> = {
  PRC: ['Law of the PRC', '中华人民共和国法律'],
  'US-NY': ['New York law', '美国纽约州法律'],
  'US-CA': ['California law', '美国加利福尼亚州法律'],
  'US-DE': ['Delaware law', '美国特拉华州法律'],
  'US-TX': ['Texas law', '美国得克萨斯州法律'],
  HK: ['Hong Kong law', '香港法律'],
  SG: ['Singapore law', '新加坡法律'],
  EN: ['English law', '英格兰及威尔士法律'],
};
const INSTITUTION_LABELS: Record<string, readonly [string, string]> = {
  CIETAC: ['CIETAC (China International Economic and Trade Arbitration Commission)', '中国国际经济贸易仲裁委员会'],
  HKIAC: ['HKIAC (Hong Kong International Arbitration Centre)', '香港国际仲裁中心'],
  SIAC: ['SIAC (Singapore International Arbitration Centre)', '新加坡国际仲裁中心'],
  ICC: ['ICC International Court of Arbitration', '国际商会仲裁院'],
};
const DELIVERY_LABELS: Record<string, readonly [string, string]> = {
  courier: ['Courier', '快递'],
  'registered-mail': ['Registered mail', '挂号信'],
  email: ['E-mail', '电子邮件'],
  hand: ['By hand', '专人送达'],
};
const CHARGE_TYPE_LABELS: Record<string, readonly [string, string]> = {
  interest: ['Interest', '利息'],
  compensation: ['Fixed compensation', '固定赔偿'],
  fee: ['Fee', '费用'],
  cost: ['Cost', '成本'],
};
const REGIME_LABELS: Record<string, readonly [string, string]> = {
  contract: ['Rate in the contract', '合同约定利率'],
  'uk-late-payment': ['UK Late Payment Act', '英国逾期付款法'],
  'eu-late-payment': ['EU Late Payment Directive', '欧盟逾期付款指令'],
  'prc-lpr': ['PRC loan prime rate (LPR)', '中国贷款市场报价利率（LPR）'],
};
const DAY_COUNT_LABELS: Record<string, readonly [string, string]> = {
  'actual/365': ['Actual/365', '实际天数/365'],
  'actual/360': ['Actual/360', '实际天数/360'],
};
const EVENT_LABELS: Record<string, readonly [string, string]> = {
  demand: ['Demand', '催告'],
  acknowledgement: ['Acknowledgement of the debt', '确认债务'],
  promise: ['Promise to pay', '付款承诺'],
  'repayment-plan': ['Repayment plan', '还款计划'],
  call: ['Call', '通话'],
  delivery: ['Delivery', '交付'],
  email: ['E-mail', '电子邮件'],
  meeting: ['Meeting', '会面'],
  dispute: ['Dispute', '争议'],
  other: ['Other', '其他'],
};
export const OUTCOME_LABELS: Readonly<Record<(typeof OUTCOMES)[number], readonly [string, string]>> = {
  paid: ['Paid', '已付清'],
  settled: ['Settled', '已和解'],
  'written-off': ['Written off', '已核销'],
  arbitration: ['Sent to arbitration', '转入仲裁'],
  litigation: ['Sent to court', '转入诉讼'],
  withdrawn: ['Withdrawn', '已撤回'],
};
const CONTRACT_TYPE_LABELS: Record<string, readonly [string, string]> = {
  'sale-of-goods': ['Sale of goods', '货物买卖'],
  'technology-import-export': ['Technology import/export', '技术进出口'],
  services: ['Services', '服务'],
  other: ['Other', '其他'],
};
const LOCALE_LABELS: Record<string, readonly [string, string]> = {
  en: ['English', '英文'],
  'zh-CN': ['Simplified Chinese', '简体中文'],
  'zh-TW': ['Traditional Chinese (Taiwan)', '繁体中文（台湾）'],
  'zh-HK': ['Traditional Chinese (Hong Kong)', '繁体中文（香港）'],
};

/** What a document is, in words: its stage, clause or kind ("Final demand", "最后催款函"). */
export function documentLabel(facts: { kind?: unknown; stage?: unknown; clause?: unknown }, lang: 'en' | 'zh'): string | undefined {
  const pick = (labels: Readonly<Record<string, readonly [string, string]>>, value: unknown): string | undefined =>
    typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value]![lang === 'zh' ? 1 : 0] : undefined;
  return pick(STAGE_LABELS, facts.stage) ?? pick(CLAUSE_LABELS, facts.clause) ?? pick(KIND_LABELS, facts.kind);
}

/** The name of a document language ("English", "中文", "English + 中文"). */
export function languageLabel(language: unknown, lang: 'en' | 'zh' = 'en'): string | undefined {
  return typeof language === 'string' && Object.hasOwn(LANGUAGE_LABELS, language) ? LANGUAGE_LABELS[language]![lang === 'zh' ? 1 : 0] : undefined;
}

type Examples = readonly (string | number)[];
/** A fact's words: English title and description, Chinese title and description, examples (Chinese ones when they differ). */
const d = (title: string, description: string, titleZh: string, descriptionZh: string, examples?: Examples, examplesZh?: Examples): FactDocs => ({
  title,
  description,
  zh: { title: titleZh, description: descriptionZh, ...(examplesZh ? { examples: examplesZh } : {}) },
  ...(examples ? { examples } : {}),
});
const text = (docs: FactDocs): FactType => ({ type: 'string', ...docs });
const prose = (docs: FactDocs): FactType => ({ type: 'string', multiline: true, ...docs });
const date = (docs: FactDocs): FactType => ({ type: 'date', ...docs });
const money = (docs: FactDocs): FactType => ({ type: 'number', minimum: 0, ...docs });
const country = (docs: FactDocs): FactType => ({
  type: 'string',
  pattern: '^[A-Z]{2}$',
  patternHint: 'two capital letters, e.g. US or CN',
  patternHintZh: '两个大写字母，如 US 或 CN',
  codes: 'country',
  ...docs,
});
const party = (who: string, whoZh: string, names: Examples, namesZh: Examples, contact: Examples, contactZh: Examples): Record<string, FactType> => ({
  name: text(d('Name', `Registered name of the ${who}`, '名称', `${whoZh}的登记名称`, names)),
  name_zh: text(d('Chinese name', `Registered Chinese name of the ${who}`, '中文名称', `${whoZh}的中文登记名称`, namesZh)),
  country: country(d('Country', 'ISO 3166-1 alpha-2 country code', '国家或地区', 'ISO 3166-1 两字母代码', [who === 'creditor' ? 'US' : 'CN'])),
  contact: text(d('Contact', `Who signs for, or is contacted at, the ${who}`, '联系人', `代表${whoZh}签字或接洽的人`, contact, contactZh)),
  email: {
    type: 'string',
    format: 'email',
    ...d('E-mail', 'E-mail address', '电子邮箱', '电子邮件地址', [who === 'creditor' ? 'ar@harborvalve.example' : 'finance@lianhe.example']),
  },
  address: text(
    d(
      'Address',
      'Postal address',
      '地址',
      '邮寄地址',
      [who === 'creditor' ? '1200 Marina Way, Oakland, CA 94607' : '88 Zhongshan West Road, Haishu District, Ningbo'],
      [who === 'creditor' ? '1200 Marina Way, Oakland, CA 94607' : '浙江省宁波市海曙区中山西路88号'],
    ),
  ),
});
const CREDITOR_NAMES = ['Harbor Valve Works LLC'];
const DEBTOR_NAMES = ['Ningbo Lianhe Industrial Co., Ltd.'];

/** The facts every Dunmark document may carry in its front matter, and every template may ask for. */
export const FACTS_SCHEMA: Record<string, FactType> = {
  kind: { type: 'string', enum: KINDS, labels: KIND_LABELS, ...d('Kind of document', 'What the document is', '文件类型', '文件是什么') },
  stage: { type: 'string', enum: STAGES, labels: STAGE_LABELS, ...d('Stage', 'Stage of a dunning letter', '催款阶段', '催款函所处的阶段') },
  clause: {
    type: 'string',
    enum: CLAUSES,
    open: true,
    labels: CLAUSE_LABELS,
    ...d('Clause type', 'Clause type of a clause document', '条款类型', '条款文件的条款类型'),
  },
  date: date(d('Letter date', 'Date of the document (ISO 8601)', '函件日期', '文件日期（ISO 8601）', ['2026-11-20'])),
  language: { type: 'string', enum: LANGUAGES, labels: LANGUAGE_LABELS, ...d('Language', 'Language the document is written in', '语言', '文件所用语言') },
  creditor: {
    type: 'object',
    ...d('Creditor', 'Who is owed: your company', '债权人', '被欠款的一方：贵公司'),
    properties: party('creditor', '债权人', CREDITOR_NAMES, ['港湾阀门有限责任公司'], ['Dana Whitfield'], ['Dana Whitfield']),
  },
  debtor: {
    type: 'object',
    ...d('Debtor', 'Who owes: the buyer', '债务人', '欠款的一方：买方'),
    properties: {
      ...party('debtor', '债务人', DEBTOR_NAMES, ['宁波联合实业有限公司'], ['Mr. Zhou Peng'], ['周鹏先生']),
      contact_zh: text(d('Contact in Chinese', "The contact's name as written in Chinese", '联系人中文名', '联系人的中文写法', ['周鹏先生'])),
      locale: {
        type: 'string',
        enum: ['en', 'zh-CN', 'zh-TW', 'zh-HK'],
        labels: LOCALE_LABELS,
        ...d('Reads best', 'The language the debtor reads best', '阅读语言', '债务人最易阅读的语言'),
      },
      uscc: {
        type: 'string',
        pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$',
        patternHint: '18 characters',
        patternHintZh: '18 位统一社会信用代码',
        ...d('Unified Social Credit Code', 'Unified Social Credit Code (18 characters)', '统一社会信用代码', '18 位统一社会信用代码', ['91330203MA2H7XYZ0K']),
      },
    },
  },
  amount: money(d('Amount owed', 'Total now owed, in figures without the currency', '欠款金额', '现欠总额（数字，不含币种）', [18400])),
  currency: {
    type: 'string',
    enum: CURRENCIES,
    pattern: '^[A-Z]{3}$',
    patternHint: 'an ISO 4217 code such as USD or CNY',
    patternHintZh: 'ISO 4217 币种代码，如 USD 或 CNY',
    open: true,
    codes: 'currency',
    ...d('Currency', 'ISO 4217 currency code', '币种', 'ISO 4217 币种代码', ['USD', 'CNY']),
  },
  invoices: {
    type: 'array',
    ...d('Invoices', 'What the amount is made of', '发票', '欠款由哪些发票构成'),
    items: {
      type: 'object',
      ...d('Invoice', 'An invoice', '发票', '一张发票'),
      properties: {
        number: text(d('Invoice number', 'As printed on the invoice', '发票号', '发票上的编号', ['HVW-2026-1187'])),
        date: date(d('Invoice date', 'Date on the invoice', '发票日期', '发票上的日期', ['2026-09-15'])),
        amount: money(d('Amount', 'Invoice amount still owed', '金额', '该发票尚欠金额', [12000])),
      },
    },
  },
  due_date: date(d('Due date', 'When payment was originally due', '原到期日', '货款原定的付款日', ['2026-10-15'])),
  deadline: date(d('Payment deadline', 'The payment deadline this letter sets: a working day', '付款期限', '本函设定的付款期限（工作日）', ['2026-12-04'])),
  previous_letters: {
    type: 'array',
    template: true,
    ...d('Earlier letters', 'The letters already sent on this debt (Escalate fills it in)', '此前函件', '已就本笔欠款发出的函件（升级时自动填写）'),
    items: {
      type: 'object',
      ...d('Earlier letter', 'A letter already sent', '此前函件', '已发出的一封函件'),
      properties: {
        stage: { type: 'string', enum: STAGES, labels: STAGE_LABELS, ...d('Stage', 'Which letter it was', '阶段', '是哪一封函件') },
        date: date(d('Date', 'When it was sent', '日期', '发出日期', ['2026-10-22'])),
      },
    },
  },
  goods: {
    ...text(
      d(
        'Goods',
        'What was sold, as the letter names it',
        '货物',
        '所售货物（函件中的称呼）',
        ['stainless steel ball valves and fittings'],
        ['不锈钢球阀及配件'],
      ),
    ),
    template: true,
  },
  terms_zh: {
    ...text(
      d('Payment terms in Chinese', 'The payment terms agreed, in Chinese (bilingual documents)', '付款条件（中文）', '约定付款条件的中文表述（双语文件）', [
        '发票日起30天内电汇付款',
      ]),
    ),
    template: true,
  },
  // what the documents of the rest of the collection process ask for (case evaluation, commission agreement, reports)
  registration: {
    ...prose(
      d(
        'Registration',
        "What the debtor's business registration shows: registered capital, status, legal representative",
        '工商登记',
        '债务人工商登记显示的情况：注册资本、经营状态、法定代表人',
        ['Registered 2011 in Ningbo, capital CNY 10 million, in business'],
        ['2011年在宁波登记，注册资本1000万元，存续'],
      ),
    ),
    template: true,
  },
  assets: {
    ...prose(
      d(
        'Assets',
        "What is known of the debtor's assets and ability to pay",
        '资产情况',
        '已知的债务人资产及偿付能力',
        ['Owns its factory building; two bank accounts known from earlier payments'],
        ['拥有厂房产权；从以往付款中知悉两个银行账户'],
      ),
    ),
    template: true,
  },
  contacts: {
    ...prose(
      d(
        'Contacts',
        'Who at the debtor has been reached, and how',
        '联系情况',
        '已联系到的债务人人员及方式',
        ['Ms. Li Na, finance manager, answers e-mail within a week'],
        ['财务经理李娜女士，一周内回复邮件'],
      ),
    ),
    template: true,
  },
  contract_terms: {
    ...prose(
      d(
        'Contract terms',
        'What the contract says that matters for collection: payment, title, disputes',
        '合同条款',
        '合同中与收款有关的约定：付款、所有权、争议解决',
        ['Payment 30 days after the invoice; CIETAC arbitration in Shanghai'],
        ['发票后30天付款；上海 CIETAC 仲裁'],
      ),
    ),
    template: true,
  },
  evidence: {
    type: 'array',
    template: true,
    items: text(
      d(
        'Document',
        'One document that proves the claim',
        '证据',
        '一份证明债权的文件',
        ['Signed sales contract SC-2026-117'],
        ['已签署的销售合同 SC-2026-117'],
      ),
    ),
    ...d('Evidence', 'The documents that prove the claim', '证据清单', '证明债权的文件'),
  },
  recommendation: {
    ...prose(
      d(
        'Recommendation',
        'What the evaluation recommends, as one or two sentences',
        '建议',
        '评估结论（一两句话）',
        ['Accept the case: the debt is acknowledged and the debtor is trading'],
        ['建议受理：债务已获确认且债务人仍在经营'],
      ),
    ),
    template: true,
  },
  client: {
    type: 'object',
    template: true,
    ...d('Client', "Whom a report goes to: the creditor's person in charge", '委托人', '报告的接收人：债权人的负责人'),
    properties: {
      name: text(d('Name', "The client's company", '名称', '委托人公司名称', CREDITOR_NAMES)),
      contact: text(d('Contact', 'Who reads the report', '联系人', '报告的阅读人', ['Ms. Dana Reyes, credit manager'], ['信用经理 Dana Reyes 女士'])),
    },
  },
  paid_in_full: { type: 'boolean', template: true, ...d('Paid in full', 'Whether the debt was paid in full', '已全额付清', '债务是否已全额付清') },
  proposal: {
    ...prose(
      d(
        'Proposal',
        'What the report proposes next',
        '建议方案',
        '报告建议的下一步',
        ['Write off the remaining USD 400 of bank charges'],
        ['核销剩余的400美元银行手续费'],
      ),
    ),
    template: true,
  },
  summary: {
    ...prose(
      d(
        'Summary',
        'What happened in the case, in a few sentences',
        '案件概述',
        '用几句话概述案件经过',
        ['After two reminders and a call the debtor paid in two instalments'],
        ['经两次提醒和一次通话后，债务人分两期付清'],
      ),
    ),
    template: true,
  },
  agent: {
    type: 'object',
    template: true,
    ...d('Agent', 'The collection agent the commission agreement appoints', '代理人', '委托协议指定的催收代理人'),
    properties: {
      name: text(d('Name', "The agent's registered name", '名称', '代理人的登记名称', ['Pacific Recovery Partners Ltd.'])),
      address: text(d('Address', 'Postal address', '地址', '邮寄地址', ["Room 1201, 8 Queen's Road Central, Hong Kong"], ['香港皇后大道中8号1201室'])),
      contact: text(d('Contact', 'Who signs for the agent', '联系人', '代表代理人签字的人', ['Mr. Kevin Lau'], ['刘先生'])),
      email: { type: 'string', format: 'email', ...d('E-mail', 'E-mail address', '电子邮箱', '电子邮件地址', ['cases@pacificrecovery.example']) },
    },
  },
  commission_percent: {
    type: 'number',
    template: true,
    minimum: 0,
    maximum: 50,
    ...d('Commission (%)', "The agent's commission in percent of what is collected", '佣金比例（%）', '代理人按收回金额计算的佣金百分比', [15]),
  },
  report_days: {
    type: 'number',
    template: true,
    integer: true,
    minimum: 1,
    ...d('Report every (days)', 'How often the agent reports, in days', '报告周期（天）', '代理人每隔多少天报告一次', [14]),
  },
  payment_days: {
    type: 'number',
    template: true,
    integer: true,
    minimum: 1,
    ...d('Pay over within (days)', 'Days the agent has to pass on what it collects', '转付期限（天）', '代理人转付所收款项的天数', [10]),
  },
  term_months: {
    type: 'number',
    template: true,
    integer: true,
    minimum: 1,
    ...d('Term (months)', 'How long the appointment lasts', '委托期限（月）', '委托持续的月数', [6]),
  },
  next_action: {
    ...text(
      d(
        'Next action',
        'What happens next in the case, as one sentence',
        '下一步',
        '案件的下一步（一句话）',
        ['Send the final demand by courier on 10 December'],
        ['12月10日以快递寄出最后催款函'],
      ),
    ),
    template: true,
  },
  next_report: { ...date(d('Next report', 'When the next report is due', '下次报告', '下次报告的日期', ['2026-12-15'])), template: true },
  // what a call sheet prepares for (call-preparation templates)
  inspection_period: {
    ...text(
      d(
        'Inspection period',
        'What the contract says about inspecting the goods and raising a complaint, as one sentence',
        '检验期',
        '合同关于验货和提出异议的约定（一句话）',
        ['Clause 9 of the contract gives 30 days after arrival to report a defect in writing'],
        ['合同第9条约定到货后30日内书面提出质量异议'],
      ),
    ),
    template: true,
  },
  invoice_sent: {
    ...text(
      d(
        'Invoice sent',
        'When and how the invoice was sent, as one sentence',
        '发票寄送',
        '发票何时、以何种方式寄出（一句话）',
        ['The invoice went by e-mail to ap@example.cn on 25 September 2026'],
        ['发票已于2026年9月25日通过电子邮件发送至 ap@example.cn'],
      ),
    ),
    template: true,
  },
  approver: {
    ...text(
      d(
        'Approver',
        'Who approves payments at the debtor, if known',
        '付款审批人',
        '债务人处负责审批付款的人（如已知）',
        ['Mr. Wang Lei, finance director'],
        ['财务总监王磊先生'],
      ),
    ),
    template: true,
  },
  payment_method: {
    ...text(
      d(
        'Payment method',
        'How the debtor is to pay',
        '付款方式',
        '债务人应以何种方式付款',
        ['telegraphic transfer to the account on the invoice'],
        ['电汇至发票所列账户'],
      ),
    ),
    template: true,
  },
  instalment_amount: {
    type: 'number',
    minimum: 0,
    template: true,
    ...d(
      'Instalment offered',
      'The instalment the caller may offer, if the debtor cannot pay at once',
      '可接受的分期金额',
      '债务人无法一次付清时可提出的每期金额',
      [6000],
    ),
  },
  goods_zh: {
    ...text(d('Goods in Chinese', 'What was sold, in Chinese (bilingual letters)', '货物（中文）', '所售货物的中文名称（双语函件）', ['不锈钢球阀及配件'])),
    template: true,
  },
  delivery: {
    ...prose(
      d(
        'Delivery',
        'When and how the goods were delivered, as one sentence',
        '交付情况',
        '货物何时、如何交付（一句话）',
        ['The goods were delivered at the port of Ningbo on 20 September 2026 under bill of lading COSU6412873950'],
        ['货物已于2026年9月20日在宁波港交付，提单号 COSU6412873950'],
      ),
    ),
    template: true,
  },
  delivery_zh: {
    ...prose(
      d('Delivery in Chinese', 'The delivery sentence in Chinese (bilingual letters)', '交付情况（中文）', '交付情况的中文表述（双语函件）', [
        '货物已于2026年9月20日在宁波港交付，提单号 COSU6412873950',
      ]),
    ),
    template: true,
  },
  terms: {
    ...text(
      d(
        'Payment terms',
        'The payment terms agreed',
        '付款条件',
        '约定的付款条件',
        ['net 30 days from the invoice date, by bank transfer'],
        ['发票日起30天内电汇付款'],
      ),
    ),
    template: true,
  },
  bank: {
    type: 'object',
    template: true,
    ...d('Bank account', 'Where the debtor pays: your bank account', '收款账户', '债务人付款的银行账户'),
    properties: {
      name: text(d('Bank', 'Name and branch of the bank', '开户银行', '银行名称及分行', ['First Coastal Bank, Oakland'])),
      account_name: text(d('Account name', 'Name the account is held in', '账户名称', '账户户名', CREDITOR_NAMES)),
      account_number: text(d('Account number', 'Account number as the bank writes it', '账号', '银行账号', ['4417 0093 2285'])),
      swift: text(d('SWIFT', 'SWIFT/BIC code of the bank', 'SWIFT 代码', '银行的 SWIFT/BIC 代码', ['FCBKUS6S'])),
    },
  },
  guarantor: {
    type: 'object',
    ...d('Guarantor', 'Who guarantees the debt', '保证人', '为债务提供保证的人'),
    properties: {
      name: text(d('Name', 'Name of the guarantor', '姓名或名称', '保证人的姓名或名称', ['David Zhang'], ['陈立华'])),
      name_zh: text(d('Chinese name', 'Name of the guarantor in Chinese', '中文姓名', '保证人的中文姓名或名称', ['陈立华'])),
      id_number: text(d('ID number', 'Resident identity card or registration number', '身份证号码', '居民身份证号码或登记号', ['330203197805121234'])),
      country: country(d('Country', 'ISO 3166-1 alpha-2 country code', '国家或地区', 'ISO 3166-1 两字母代码', ['US', 'CN'])),
      state: {
        type: 'string',
        codes: 'us-state',
        ...d('US state', 'US state whose law governs the guaranty, written out', '美国州', '适用其法律的美国州（写全称）', ['California']),
      },
      address: text(
        d('Address', 'Address of the guarantor', '地址', '保证人的地址', ['48 Orchard Lane, Cupertino, CA 95014'], ['浙江省宁波市海曙区中山西路88号']),
      ),
    },
  },
  cap_amount: {
    ...money(d('Cap', 'The most the guarantor can be asked to pay (leave empty for no cap)', '保证上限', '保证人承担的最高金额（无上限则留空）', [250000])),
    template: true,
  },
  guarantee_period_months: {
    type: 'number',
    template: true,
    integer: true,
    minimum: 6,
    maximum: 120,
    ...d(
      'Guarantee period (months)',
      'How long after the debt falls due the creditor may call on the guarantor',
      '保证期间（月）',
      '主债务履行期届满后债权人可要求保证人承担责任的期间',
      [36],
    ),
  },
  call: {
    type: 'object',
    ...d('Call', 'The call a call summary records', '通话', '通话纪要记录的通话'),
    properties: {
      date: date(d('Call date', 'Date of the call', '通话日期', '通话的日期', ['2026-11-18'])),
      with: text(d('With', 'Who the call was with', '通话对象', '与谁通话', ['Mr. Zhou Peng'], ['周鹏先生'])),
      role: text(d('Their role', 'Their position at the debtor', '职务', '对方在债务人处的职务', ['Finance Director'], ['财务总监'])),
      decision_maker: { type: 'boolean', ...d('Decides on payment', 'Whether they decide on payment', '有付款决定权', '对方是否有权决定付款') },
    },
  },
  commitments: {
    type: 'array',
    ...d('Commitments', 'What the debtor promised, each with a date', '承诺', '债务人的承诺，每项附日期'),
    items: {
      type: 'object',
      ...d('Commitment', 'A commitment', '承诺', '一项承诺'),
      properties: {
        what: text(d('What', 'What was promised', '内容', '承诺的内容', ['Pay USD 9,200.00 by bank transfer'], ['电汇支付 9,200.00 美元'])),
        by: date(d('By', 'By when', '期限', '在何日之前', ['2026-11-30'])),
        amount: money(d('Amount', 'Amount promised', '金额', '承诺支付的金额', [9200])),
        date: date(
          d('Made on', 'When the promise was made (a case file: Record Call writes it)', '承诺日期', '作出承诺的日期（案件文件中由“记录通话”写入）', [
            '2026-11-18',
          ]),
        ),
      },
    },
  },
  last_promise: {
    ...prose(
      d(
        'Last promise',
        "The debtor's last promise to pay, and what came of it",
        '最近一次承诺',
        '债务人最近一次的付款承诺及结果',
        ['On 3 November 2026 Mr. Zhou wrote that payment would be made "next week"; nothing has arrived'],
        ['周先生于2026年11月3日来函称"下周"付款，至今未到账'],
      ),
    ),
    template: true,
  },
  payments: {
    type: 'array',
    ...d(
      'Payments received',
      'Payments received from the debtor on this account, each with its date (a part payment restarts PRC limitation)',
      '已收款项',
      '已从债务人处收到的款项，每笔附日期（部分付款使中国法下的诉讼时效重新计算）',
    ),
    items: {
      type: 'object',
      ...d('Payment', 'A payment received', '收款', '一笔已收款项'),
      properties: {
        date: date(d('Date', 'When it was received', '日期', '收款日期', ['2026-10-30'])),
        amount: money(d('Amount', 'Amount received', '金额', '收到的金额', [5000])),
        applied_to: text(d('Applied to', 'The invoice it was applied to', '冲抵发票', '所冲抵的发票', ['HVW-2026-1187'])),
        reference: text(d('Reference', 'The bank or remittance reference', '汇款参考号', '银行或汇款参考号', ['FT2630411778'])),
      },
    },
  },
  closed: {
    type: 'object',
    ...d('Closed', 'When and how the case was closed; a case without it is open', '结案', '案件何时、以何种方式结案；没有此项的案件为未结案件'),
    properties: {
      date: date(d('Date', 'When the case was closed', '日期', '结案日期', ['2027-01-15'])),
      outcome: { type: 'string', enum: OUTCOMES, labels: OUTCOME_LABELS, ...d('Outcome', 'How it ended', '结果', '案件如何了结') },
      note: text(
        d('Note', 'A sentence for the closing report', '说明', '写入结案报告的一句话', ['Paid in full after the final demand'], ['最后催款函后已全额付清']),
      ),
    },
  },
  charges: {
    type: 'array',
    ...d('Charges', 'Interest, fees or costs claimed on top of the amount; each needs a basis', '附加费用', '在欠款之外主张的利息、费用；每项须有依据'),
    items: {
      type: 'object',
      ...d('Charge', 'A charge', '费用', '一项费用'),
      properties: {
        what: text(d('What', 'What is charged', '项目', '收取的项目', ['Late-payment interest at 1% per month'], ['按每月1%计算的逾期利息'])),
        amount: money(d('Amount', 'Amount charged', '金额', '收取的金额', [368])),
        basis: text(d('Basis', 'Contract clause or statute', '依据', '合同条款或法律规定', ['clause 7.2 of the sales contract'], ['销售合同第7.2条'])),
        type: {
          type: 'string',
          enum: CHARGE_TYPES,
          open: true,
          labels: CHARGE_TYPE_LABELS,
          ...d('Type', 'Interest, fixed compensation, a fee or a cost', '类型', '利息、固定赔偿、费用或成本'),
        },
        regime: {
          type: 'string',
          enum: INTEREST_REGIMES,
          labels: REGIME_LABELS,
          ...d(
            'Rate from',
            'Where the interest rate comes from: the contract, or a statute with a reference rate',
            '利率来源',
            '利率的来源：合同，或规定参考利率的法律',
          ),
        },
        rate: {
          type: 'number',
          minimum: 0,
          ...d('Rate (% a year)', 'Interest rate in percent a year (1 % a month is 12)', '年利率（%）', '年利率百分数（每月1%即12）', [12]),
        },
        markup: {
          type: 'number',
          minimum: 0,
          ...d(
            'Markup (%)',
            'prc-lpr only: percent added to the one-year LPR (30 to 50)',
            '上浮（%）',
            '仅限 prc-lpr：在一年期 LPR 基础上上浮的百分比（30至50）',
            [50],
          ),
        },
        principal: money(d('Principal', 'Amount the interest runs on (default: the amount owed)', '本金', '计息本金（默认为欠款金额）', [18400])),
        from: date(d('From', 'Date interest runs from; the first day is not counted', '起算日', '利息起算日（当日不计）', ['2026-10-15'])),
        to: date(d('To', 'Date interest runs to (payment), counted', '截止日', '利息截止日（付款日，计入）', ['2026-12-04'])),
        as_of: date(d('Computed to', 'Date interest is computed to while it still runs', '计算至', '利息仍在计算时的计算截止日', ['2026-11-20'])),
        day_count: {
          type: 'string',
          enum: DAY_COUNTS,
          labels: DAY_COUNT_LABELS,
          ...d('Day count', 'Days in a year for the daily rate', '计息天数', '日利率所用的年天数'),
        },
      },
    },
  },
  events: {
    type: 'array',
    ...d(
      'Events',
      'What happened in the case besides its documents: demands that reached the debtor, acknowledgements, promises, repayment plans, calls, deliveries, disputes',
      '案件事件',
      '文件之外案件中发生的事：送达债务人的催告、债务确认、承诺、还款计划、通话、交付、争议',
    ),
    items: {
      type: 'object',
      ...d('Event', 'An event', '事件', '一项事件'),
      properties: {
        date: date(d('Date', 'When it happened (for a demand: when it reached the debtor)', '日期', '发生日期（催告为送达日）', ['2026-10-24'])),
        type: { type: 'string', enum: EVENT_TYPES, open: true, labels: EVENT_LABELS, ...d('What happened', 'What happened', '事件类型', '发生了什么') },
        with: text(d('With', 'Who it was with (a call, a meeting)', '对象', '与谁进行（通话、会面）', ['Ms. Li Na, finance manager'], ['财务经理李娜女士'])),
        note: text(
          d(
            'Note',
            'What was said or signed, and where the proof is',
            '说明',
            '所说或所签的内容及证据所在',
            ['Reminder delivered by courier, DHL 4417 0093 22'],
            ['提醒函已由快递送达，DHL 单号 4417 0093 22'],
          ),
        ),
      },
    },
  },
  disputes: {
    type: 'array',
    ...d(
      'Disputes',
      'Complaints or disputes the debtor raised (a case file): while one is open the schedule waits and no letter demands what it disputes',
      '争议',
      '债务人提出的异议或争议（案件文件）：争议未解决期间催款进度暂停，任何函件不得催讨有争议的款项',
    ),
    items: {
      type: 'object',
      ...d('Dispute', 'A dispute or complaint', '争议', '一项异议或争议'),
      properties: {
        date: date(d('Raised on', 'When the debtor raised it', '提出日期', '债务人提出的日期', ['2026-11-18'])),
        invoice: text(d('Invoice', 'The invoice disputed (none: the whole claim)', '发票', '有争议的发票（不填即整笔债权）', ['HVW-2026-1203'])),
        amount: money(d('Amount', 'The amount disputed, if only part of the invoice', '金额', '有争议的金额（如仅部分有争议）', [1200])),
        note: text(
          d('What they say', 'What the debtor complains of', '异议内容', '债务人的异议内容', ['12 valves leak at the flange'], ['12 台阀门法兰处渗漏']),
        ),
        resolved: date(d('Resolved on', 'When it was settled; an open dispute has none', '解决日期', '争议解决的日期；未解决的不填', ['2026-12-02'])),
      },
    },
  },
  sent: date(
    d(
      'Sent on',
      'When this document was sent to the debtor: it is then judged by the case as it stood, never by later facts (Export and Mark as Sent write it)',
      '发出日期',
      '本文件发给债务人的日期：此后只按当时的案件事实检查，不受之后事实影响（导出和“标记为已发出”会写入）',
      ['2026-11-18'],
    ),
  ),
  dispatch: {
    type: 'object',
    ...d(
      'Dispatch',
      'How this letter is sent to the debtor, so that its arrival can be proven (`delivery` is what was delivered under the contract)',
      '寄送方式',
      '本函如何寄送给债务人，以便证明送达（`delivery` 指合同项下的交货）',
    ),
    properties: {
      method: {
        type: 'string',
        enum: DELIVERY_METHODS,
        labels: DELIVERY_LABELS,
        ...d('Sent by', 'Courier, registered mail, e-mail or by hand', '寄送方式', '快递、挂号信、电子邮件或专人送达'),
      },
      to: text(d('Sent to', 'The address or e-mail address it is sent to', '寄送至', '寄送的地址或电子邮箱', ['finance@lianhe.example'])),
      tracking: text(d('Tracking number', 'Tracking or registration number, or the message id', '单号', '快递单号、挂号号码或邮件编号', ['SF1402 3377 5521'])),
      delivered: date(d('Delivered', 'Date it reached the debtor', '送达日期', '送达债务人的日期', ['2026-11-23'])),
    },
  },
  limitation: {
    type: 'object',
    ...d('Limitation period', 'The limitation period of the claim, when the contract is not under PRC law', '诉讼时效', '合同不适用中国法律时的诉讼时效'),
    properties: {
      years: { type: 'number', minimum: 0, ...d('Years', 'Length of the limitation period in years', '年数', '诉讼时效的年数', [6]) },
      from: date(d('Runs from', 'Date the period runs from (default: due_date)', '起算日', '时效起算日（默认为 due_date）', ['2026-10-15'])),
    },
  },
  instalments: {
    type: 'array',
    ...d(
      'Instalments',
      "A repayment plan's instalments, each an amount and the date it is due; together they equal the amount",
      '分期',
      '还款计划的各期金额与到期日；合计应等于欠款金额',
    ),
    items: {
      type: 'object',
      ...d('Instalment', 'An instalment', '一期', '一期还款'),
      properties: {
        amount: money(d('Amount', 'Amount of the instalment', '金额', '本期金额', [6400])),
        by: date(d('Due by', 'Date it must be paid by', '到期日', '本期须付款的日期', ['2026-12-15'])),
      },
    },
  },
  grace_days: {
    type: 'number',
    template: true,
    integer: true,
    minimum: 0,
    maximum: 30,
    ...d('Grace days', 'Days a late instalment may be paid in before the whole balance falls due', '宽限天数', '逾期一期后在全部余额到期前的宽限天数', [5]),
  },
  next_step: {
    type: 'string',
    enum: NEXT_STEPS,
    labels: NEXT_STEP_LABELS,
    ...d('Next step', 'What the creditor will really do if unpaid', '下一步', '若仍未付款，债权人确实会采取的措施'),
  },
  proceeding: {
    type: 'object',
    ...d(
      'Proceeding on file',
      'An arbitration or court case already on file, if any; without it no letter may cite a case number',
      '已立案程序',
      '已提起的仲裁或诉讼（如有）；没有则函件不得引用案号',
    ),
    properties: {
      case_number: text(d('Case number', 'Case number as the tribunal or court gave it', '案号', '仲裁机构或法院给出的案号', ['(2026)贸仲字第01234号'])),
      forum: text(d('Forum', 'The arbitral institution or court', '受理机构', '仲裁机构或法院', ['CIETAC'])),
      filed: date(d('Filed', 'Date the case was filed', '立案日期', '案件提起日期', ['2026-12-10'])),
    },
  },
  counsel: {
    type: 'object',
    ...d('Counsel', 'The lawyer or law firm acting, if any', '代理律师', '代理的律师或律师事务所（如有）'),
    properties: {
      name: text(d('Lawyer', 'Name of the lawyer', '律师姓名', '律师的姓名', ['Maria Chen'], ['陈律师'])),
      firm: text(d('Law firm', 'Law firm', '律师事务所', '律师事务所名称', ['Bayside Trade Law LLP'])),
    },
  },
  contract: {
    type: 'object',
    ...d('Contract', 'The contract the claim and any clause rest on', '合同', '主张和条款所依据的合同'),
    properties: {
      reference: text(d('Contract reference', 'Number or title of the contract', '合同编号', '合同编号或名称', ['HVW-SC-2026-044'])),
      governing_law: {
        type: 'string',
        enum: ['PRC', 'US-NY', 'US-CA', 'US-DE', 'US-TX', 'HK', 'SG', 'EN'],
        open: true,
        labels: GOVERNING_LAW_LABELS,
        ...d('Governing law', 'The law the contract chooses', '适用法律', '合同选择的法律'),
      },
      arbitration: {
        type: 'string',
        enum: INSTITUTIONS,
        open: true,
        labels: INSTITUTION_LABELS,
        ...d('Arbitration institution', 'Institution its dispute clause names', '仲裁机构', '争议解决条款约定的仲裁机构'),
      },
      type: {
        type: 'string',
        enum: CONTRACT_TYPES,
        open: true,
        labels: CONTRACT_TYPE_LABELS,
        ...d('Contract type', 'What the contract is about', '合同类型', '合同的标的类型'),
      },
      notice_email: {
        type: 'string',
        format: 'email',
        ...d('Notice e-mail', 'E-mail address the contract names for notices to the debtor', '通知邮箱', '合同约定的向债务人发送通知的电子邮箱', [
          'legal@lianhe.example',
        ]),
      },
      notice_address: text(
        d(
          'Notice address',
          'Postal address the contract names for notices to the debtor',
          '通知地址',
          '合同约定的向债务人发送通知的邮寄地址',
          ['88 Zhongshan West Road, Haishu District, Ningbo'],
          ['浙江省宁波市海曙区中山西路88号'],
        ),
      ),
    },
  },
  seat: {
    ...text(
      d(
        'Seat of arbitration',
        'The city (and country) where the arbitration is seated',
        '仲裁地',
        '仲裁地所在城市（及国家）',
        ['Beijing, China'],
        ['中国北京'],
      ),
    ),
    template: true,
  },
  arbitrators: {
    type: 'number',
    template: true,
    integer: true,
    enum: [1, 3],
    labels: { 1: ['A sole arbitrator', '一名独任仲裁员'], 3: ['Three arbitrators', '三名仲裁员'] },
    ...d('Arbitrators', 'How many arbitrators decide', '仲裁员人数', '由几名仲裁员裁决'),
  },
  arbitration_language: {
    type: 'string',
    template: true,
    enum: ['en', 'zh-CN'],
    labels: LOCALE_LABELS,
    ...d('Language of the arbitration', 'The language the arbitration is conducted in', '仲裁语言', '仲裁程序使用的语言'),
  },
  prevailing_language: {
    type: 'string',
    template: true,
    enum: ['en', 'zh-CN'],
    labels: LOCALE_LABELS,
    ...d('Prevailing language', 'Which version prevails if the two differ', '优先语言', '两种文本不一致时以哪一种为准'),
  },
  forum: {
    ...text(
      d('Court', 'The court the jurisdiction clause names', '管辖法院', '管辖条款指定的法院', ['the State of California sitting in San Francisco County']),
    ),
    template: true,
  },
};

/** Looks up the schema of a dotted fact path (`invoices.0.amount` → the invoice amount's type; `*` for any item). */
export function schemaAt(path: string): FactType | undefined {
  let node: FactType | undefined = { type: 'object', description: '', properties: FACTS_SCHEMA };
  for (const part of path.split('.')) {
    if (!node) return undefined;
    if (node.type === 'object') node = Object.hasOwn(node.properties, part) ? node.properties[part] : undefined;
    else if (node.type === 'array' && (/^\d+$/.test(part) || part === '*')) node = node.items;
    else return undefined;
  }
  return node;
}

/** The `$id` of the shared facts schema: templates write `"$ref": "facts.schema.json#/$defs/creditor"`. */
export const FACTS_SCHEMA_ID = 'facts.schema.json';

function docsOf(t: FactType): Record<string, unknown> {
  return {
    ...(t.title ? { title: t.title } : {}),
    description: t.description,
    ...(t.examples ? { examples: t.examples } : {}),
    ...(t.zh ? { 'x-zh': t.zh } : {}),
    ...(t.labels ? { 'x-labels': Object.fromEntries(Object.entries(t.labels).map(([k, [en, zh]]) => [k, { en, zh }])) } : {}),
  };
}

function toJsonSchema(t: FactType): Record<string, unknown> {
  switch (t.type) {
    case 'string': {
      const closed = t.enum && !t.open;
      const examples = t.enum && t.open ? [...new Set([...(t.examples ?? []), ...t.enum])] : t.examples;
      return {
        type: 'string',
        ...docsOf({ ...t, ...(examples ? { examples } : {}) }),
        ...(closed ? { enum: t.enum } : { minLength: 1 }),
        ...(t.pattern && !closed ? { pattern: t.pattern } : {}),
        ...(t.format ? { format: t.format } : {}),
        ...(t.codes ? { 'x-codes': t.codes } : {}),
      };
    }
    case 'number':
      return {
        type: t.integer ? 'integer' : 'number',
        ...docsOf(t),
        ...(t.enum ? { enum: t.enum } : {}),
        ...(t.minimum !== undefined ? { minimum: t.minimum } : {}),
        ...(t.maximum !== undefined ? { maximum: t.maximum } : {}),
      };
    case 'boolean':
      return { type: 'boolean', ...docsOf(t) };
    case 'date':
      return { type: 'string', format: 'date', ...docsOf(t) };
    case 'object':
      return { type: 'object', ...docsOf(t), properties: Object.fromEntries(Object.entries(t.properties).map(([k, v]) => [k, toJsonSchema(v)])) };
    case 'array':
      return { type: 'array', ...docsOf(t), items: toJsonSchema(t.items) };
  }
}

let jsonSchema: Record<string, unknown> | undefined;

/**
 * The facts contract as one JSON Schema (draft-07): every fact under `$defs`, with its title,
 * description and examples (`x-zh` holds the Chinese ones, `x-labels` the names of enum values).
 * Editors validate front matter with it; every template's facts `$ref` its definitions; the core's
 * Ajv instance has it registered under `FACTS_SCHEMA_ID`. Built once.
 */
export function factsJsonSchema(): Record<string, unknown> {
  jsonSchema ??= {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: FACTS_SCHEMA_ID,
    title: 'Dunmark case facts (front matter)',
    type: 'object',
    properties: Object.fromEntries(Object.keys(FACTS_SCHEMA).map((k) => [k, { $ref: `#/$defs/${k}` }])),
    $defs: Object.fromEntries(Object.entries(FACTS_SCHEMA).map(([k, v]) => [k, toJsonSchema(v)])),
  };
  return jsonSchema;
}
