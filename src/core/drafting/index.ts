/**
 * Drafting logic: from a template's facts schema to the fields a prompt or a form asks for, from
 * answers to facts, and from a rendering to what goes into a letter. Pure (no editor, no file
 * system): the editor's commands and any facts form call these.
 */
export { contractFacts } from './contract-facts.js';
export { draftFileName, type DraftKind } from './names.js';
export { clauseFacts, escalationFacts, isObject, mergeFacts, newLetterFacts, nextStage, setPath } from './facts.js';
export { convertAnswer, factShape, schemaFields, type FactField, type FactShape } from './fields.js';
export { arbitrationInstitution, bodyOf, clauseInsertion, clauseTemplates, inLanguageOf, nextLetterLanguage, seriesOrder, templateLabel } from './choose.js';
export { documentLabel, languageLabel } from '../facts/schema.js';
export {
  answersFromFacts,
  buildForm,
  checkAnswers,
  dateStyleOf,
  DEADLINE_DAYS,
  displayOf,
  draftDefaults,
  factsFromAnswers,
  localiseDates,
  nodeAt,
  readDate,
  templateForm,
  workingDayFrom,
  type Bilingual,
  type DateStyle,
  type FieldProblem,
  type FormAnswers,
  type FormCheck,
  type FormField,
  type FormGroup,
  type FormList,
  type FormNode,
} from './form.js';
