/** A date written in the text. */
export interface DateMention {
  start: number;
  end: number;
  raw: string;
  /** YYYY-MM-DD, absent when the date is ambiguous or not a real date. */
  iso?: string;
  /** True for forms such as 04/12/2026 that could be read two ways. */
  ambiguous: boolean;
  form: 'iso' | 'en-dmy' | 'en-mdy' | 'zh' | 'numeric';
}

/** Reads every date in `text`; offsets are shifted by `offset`. */
export function readDates(text: string, offset = 0): DateMention[] {
  void text;
  void offset;
  return [];
}
