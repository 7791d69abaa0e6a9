// The editor settings, read once for every editor: the VS Code extension reads `dunmark.*`, the
// language server asks `workspace/configuration` for the `dunmark` section (as harper-ls does); both
// give the raw object to `readEditorSettings` and merge it with the nearest config file here.
import { CATEGORIES, type Category, type DunmarkConfig, type RuleSetting, type SeveritySetting } from '../types.js';
import { mergeConfig, severitiesOnly } from './merge.js';
import { SEVERITY_SETTINGS } from './names.js';

/** The editor settings that change how a document is checked. */
export interface EditorSettings {
  enable: boolean;
  lintOnType: boolean;
  lintOnSave: boolean;
  /** Milliseconds a check as you type may take before the document is left to the save-time check. */
  typingBudgetMs: number;
  /** Per category: a severity, or `off`. */
  severity: Partial<Record<Category, SeveritySetting>>;
  /** Per rule id: a severity, or `off` (a config file's setting of the same rule wins). */
  rules: Record<string, SeveritySetting>;
  /** Largest document (UTF-8 bytes) that is checked; a larger one gets one note instead. */
  maxFileSize: number;
  templatesFolder: string;
  today: string;
  messageLanguage: 'auto' | 'en' | 'zh';
}

/** The default budget of a check as you type. */
export const DEFAULT_TYPING_BUDGET_MS = 2000;
/** The default largest document checked (as the CLI's --max-size). */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const isSeverity = (value: unknown): value is SeveritySetting => typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);

/** A size as a number of bytes or `500KB`, `2MB`; undefined when it is neither. */
export function readSize(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.trunc(value);
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?) ?(B|KB|MB|GB)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? 'B').toUpperCase() as 'B'];
  return Math.trunc(Number(m[1]) * unit) || undefined;
}

/**
 * The settings in a raw `dunmark` section (what an editor's settings hold, untrusted input): every key
 * optional, a value of the wrong type ignored. `trusted`: a workspace that may name its own templates.
 */
export function readEditorSettings(raw: unknown, trusted = true): EditorSettings {
  const c = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const bool = (key: string, fallback: boolean): boolean => (typeof c[key] === 'boolean' ? (c[key] as boolean) : fallback);
  const text = (key: string): string => (typeof c[key] === 'string' ? (c[key] as string) : '');
  const severity: Partial<Record<Category, SeveritySetting>> = {};
  const rawSeverity = c.severity && typeof c.severity === 'object' ? (c.severity as Record<string, unknown>) : {};
  for (const category of CATEGORIES) if (isSeverity(rawSeverity[category])) severity[category] = rawSeverity[category];
  const rules: Record<string, SeveritySetting> = {};
  const rawRules = c.rules && typeof c.rules === 'object' && !Array.isArray(c.rules) ? (c.rules as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rawRules)) {
    if (isSeverity(value)) rules[id] = value;
    else if (value === false) rules[id] = 'off';
  }
  const budget = typeof c.typingBudgetMs === 'number' && Number.isFinite(c.typingBudgetMs) ? c.typingBudgetMs : DEFAULT_TYPING_BUDGET_MS;
  const lang = c.messageLanguage;
  return {
    enable: bool('enable', true),
    lintOnType: bool('lintOnType', true),
    lintOnSave: bool('lintOnSave', true),
    typingBudgetMs: Math.max(100, Math.trunc(budget)),
    severity,
    rules,
    maxFileSize: readSize(c.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE,
    // a workspace may not point the editor at its own templates until it is trusted
    templatesFolder: trusted ? text('templatesFolder') : '',
    today: /^\d{4}-\d{2}-\d{2}$/.test(text('today')) ? text('today') : '',
    messageLanguage: lang === 'en' || lang === 'zh' ? lang : 'auto',
  };
}

/**
 * The config the core gets: defaults ← editor settings ← nearest `.dunmarkrc.json`. An untrusted
 * workspace's config file sets severities only (no options, vocabulary, templates or dates).
 */
export function configFromSettings(settings: EditorSettings, rc: DunmarkConfig | undefined, trusted: boolean): DunmarkConfig {
  const fromSettings: DunmarkConfig = { messageLanguage: settings.messageLanguage, categories: { ...settings.severity } };
  if (Object.keys(settings.rules).length) fromSettings.rules = { ...(settings.rules as Record<string, RuleSetting>) };
  if (settings.today) fromSettings.today = settings.today;
  return mergeConfig(fromSettings, rc && !trusted ? severitiesOnly(rc) : rc);
}
