/** The names the CLI, the editor and the published schema share. Light: the editor loads it at activation. */
import type { SeveritySetting } from '../types.js';

/** The file name the CLI and the editor look for, from a document's folder upward. */
export const CONFIG_FILE_NAME = '.dunmarkrc.json';

/** The folder of workspace templates found upward when no config names one. */
export const DEFAULT_TEMPLATES_FOLDER = '.dunmark/templates';

/** Every severity a config may set, `off` included. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** The languages rule messages may be written in (`auto`: the letter's). */
export const MESSAGE_LANGUAGES = ['auto', 'en', 'zh'] as const;

/** The names a case file may have, in the order they are looked for in a folder (see cases/case-file.ts). */
export const CASE_FILE_NAMES = ['case.yaml', 'case.yml'] as const;

/** The steps of a collection schedule (`.dunmarkrc.json` `schedule`): the four letters, then the legal step. */
export const SCHEDULE_STEPS = ['reminder', 'second-reminder', 'final-demand', 'letter-before-action', 'legal-action'] as const;
