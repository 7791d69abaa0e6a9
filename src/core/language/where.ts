import type { RuleContext } from '../rule.js';
import type { Span } from '../types.js';

/** The span a document-level language finding points at: the `language` value, else the first line of the body. */
export function languageSpan(context: Pick<RuleContext, 'key' | 'text' | 'body'>, path = 'language'): Span {
  const value = context.key(path)?.value;
  if (value) return value;
  const start = context.body.start;
  const nl = context.text.indexOf('\n', start);
  return { start, end: nl === -1 ? context.text.length : nl };
}

/** True for the declared languages written in Chinese script. */
export function isChineseLocale(value: string | undefined): value is 'zh-CN' | 'zh-TW' | 'zh-HK' {
  return value === 'zh-CN' || value === 'zh-TW' || value === 'zh-HK';
}
