/** `.dunmarkrc.json`: its schema, parsing, merging and discovery. */
export { CASE_FILE_NAMES, CONFIG_FILE_NAME, DEFAULT_TEMPLATES_FOLDER, MESSAGE_LANGUAGES, SEVERITY_SETTINGS } from './names.js';
export { mergeConfig, severitiesOnly } from './merge.js';
export { parseConfig, type ConfigError, type ParseConfigResult } from './parse.js';
export {
  ConfigResolver,
  readConfigAt,
  readTemplateFolders,
  type FileSystemPort,
  type FoundCaseFile,
  type FoundConfig,
  type TemplateFolderFiles,
} from './resolve.js';
export { configSchema, configSchemaText, SCHEMA_PATH } from './schema.js';
