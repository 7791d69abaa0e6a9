import type { Rule } from '../../rule.js';
import ambiguousDate from './ambiguous-date.js';
import amountMatchesFacts from './amount-matches-facts.js';
import currencySymbol from './currency-symbol.js';
import daxieMatches from './daxie-matches.js';
import deadlineAfterDate from './deadline-after-date.js';
import deadlineMatches from './deadline-matches.js';
import deadlineMinDays from './deadline-min-days.js';
import deadlineWeekend from './deadline-weekend.js';
import disputedInvoice from './disputed-invoice.js';
import dueDateMatches from './due-date-matches.js';
import factTypes from './fact-types.js';
import institutionMatchesFacts from './institution-matches-facts.js';
import interestAmount from './interest-amount.js';
import invoiceMatchesFacts from './invoice-matches-facts.js';
import invoiceTotal from './invoice-total.js';
import invoicesAddUp from './invoices-add-up.js';
import requiredContent from './required-content.js';
import requiredFacts from './required-facts.js';

/** Rules of the `facts` category, sorted by id. */
export const factsRules: Rule[] = [
  ambiguousDate,
  amountMatchesFacts,
  currencySymbol,
  daxieMatches,
  deadlineAfterDate,
  deadlineMatches,
  deadlineMinDays,
  deadlineWeekend,
  disputedInvoice,
  dueDateMatches,
  factTypes,
  institutionMatchesFacts,
  interestAmount,
  invoiceMatchesFacts,
  invoiceTotal,
  invoicesAddUp,
  requiredContent,
  requiredFacts,
];
