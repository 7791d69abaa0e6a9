// Facts the command tests pass as answers (the case of Harbor Valve Works v. Ningbo Lianhe).
export const REMINDER_FACTS = {
  date: '2026-10-22',
  creditor: {
    name: 'Harbor Valve Works LLC',
    country: 'US',
    contact: 'Dana Whitfield',
    email: 'ar@harborvalve.example',
    address: '1200 Marina Way, Oakland, CA 94607',
  },
  debtor: { name: 'Ningbo Lianhe Industrial Co., Ltd.', country: 'CN', locale: 'zh-CN', contact: 'Mr. Zhou Peng' },
  amount: 18400,
  currency: 'USD',
  invoices: [
    { number: 'HVW-2026-1187', date: '2026-09-15', amount: 12000 },
    { number: 'HVW-2026-1203', date: '2026-09-15', amount: 6400 },
  ],
  due_date: '2026-10-15',
  goods: 'stainless steel ball valves and fittings',
  bank: {
    name: 'First Coastal Bank, Oakland',
    account_name: 'Harbor Valve Works LLC',
    account_number: '4417 0093 2285',
    swift: 'FCBKUS6S',
  },
};

export const GUARANTOR_FACTS = {
  guarantor: { name: 'Chen Li', address: '88 Harbor Road, Alameda, CA 94501', state: 'California' },
  contract: { reference: 'HVW-SA-2025-014' },
};
