// Where the case files sit for the rules: past the end of the document, one after another, so a
// finding about an inherited fact is reported at an offset that maps back into its case file.
import type { KeyLocation } from '../front-matter.js';
import { caseKey, type CaseFacts } from './case-file.js';

/**
 * Where the case files sit for the rules: past the end of the document, one after another, so a rule
 * that reports at an inherited key (through `key` or `relatedFact`) reports at an offset the engine
 * maps back to the case file. Rules never see the difference.
 */
export class CaseLayout {
  private readonly bases: number[] = [];

  constructor(
    textLength: number,
    readonly facts: CaseFacts,
  ) {
    let base = textLength + 1;
    for (const file of facts.files) {
      this.bases.push(base);
      base += file.text.length + 1;
    }
  }

  /** The location of an inherited key, in layout offsets. */
  key(path: string): KeyLocation | undefined {
    const found = caseKey(this.facts, path);
    if (!found) return undefined;
    const base = this.bases[found.file]!;
    const { key, value } = found.location;
    return { key: { start: key.start + base, end: key.end + base }, value: { start: value.start + base, end: value.end + base } };
  }

  /** The text of a span in layout offsets (empty when it is not inside one case file). */
  slice(span: { start: number; end: number }): string {
    const at = this.locate(span.start);
    return at ? this.facts.files[at.file]!.text.slice(at.offset, at.offset + Math.max(0, span.end - span.start)) : '';
  }

  /** The case file a layout offset is in, and the offset there. */
  locate(offset: number): { file: number; offset: number } | undefined {
    for (let i = this.bases.length - 1; i >= 0; i--) {
      const base = this.bases[i]!;
      if (offset >= base) return offset - base <= this.facts.files[i]!.text.length ? { file: i, offset: offset - base } : undefined;
    }
    return undefined;
  }
}
