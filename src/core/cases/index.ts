/** Cases: the case file every document of a case inherits, and the portfolio `dunmark cases` and the Cases view show. */
export {
  asCaseFacts,
  CASE_FILE_NAMES,
  caseFacts,
  caseKey,
  documentFacts,
  isCaseFacts,
  parseCaseFile,
  type CaseFacts,
  type CaseFile,
  type CaseFileSource,
} from './case-file.js';
export { readCaseFolders, type CaseFolder, type CaseFolderOptions } from './folders.js';
export {
  checkPromises,
  DEFAULT_SCHEDULE,
  dueGroup,
  scheduleOf,
  sortPortfolio,
  summarizeCase,
  type CaseDocument,
  type CaseDocumentSource,
  type CasePromise,
  type CaseSummary,
  type NextAction,
  type Schedule,
  type Step,
  type SummaryOptions,
} from './portfolio.js';
export { closeCase, DEADLINE_DAYS, nextDraft, recordCall, recordPayment, type CaseEdit, type NextDraft, type RecordedCall } from './edit.js';
export { asOfDate, caseAsOf, frozenFacts, HISTORY_KEYS, SENT_KINDS } from './as-of.js';
export { isSendable, markBefore, markSent, ownFrontMatter, setFrontMatter, type DocumentSource } from './sent.js';
export { limitationOf } from '../law/limitation.js';
export { addCaseFacts, CASE_KEYS, factPaths, newCaseFacts, type SaveFactsEdit } from './save-facts.js';
