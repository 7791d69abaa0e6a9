/** Cases: the case file every document of a case inherits, and the portfolio `dunmark cases` and the Cases view show. */
export { asCaseFacts, CASE_FILE_NAMES, caseFacts, caseKey, documentFacts, isCaseFacts, parseCaseFile, type CaseFacts, type CaseFile, type CaseFileSource } from './case-file.js';
