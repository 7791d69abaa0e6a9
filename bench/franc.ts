import { franc } from 'franc';
import type { BlockLanguage } from '../src/core/rule.js';

/** franc's options, as the detector benchmark passes them. */
export interface FrancOptions {
  only?: string[];
  minLength?: number;
}

/**
 * Labels a block with franc's trigram guess, mapped to the engine's labels (`eng` → en, `cmn` → zh,
 * `und` → none, any other language → mixed). The engine does not use it: on short letter text the
 * script detector is more accurate and far cheaper (see bench/detector.ts).
 */
export function francLabel(text: string, options?: FrancOptions): BlockLanguage {
  const code = franc(text, options);
  if (code === 'eng') return 'en';
  if (code === 'cmn') return 'zh';
  if (code === 'und') return 'none';
  return 'mixed';
}
