/** A template: a Markdown + Mustache body with the facts it needs. */
export interface Template {
  id: string;
  title: string;
  kind: string;
  stage?: string;
  clause?: string;
  language: string;
  description: string;
  /** JSON Schema of the facts the template needs. */
  facts: Record<string, unknown>;
  /** The Markdown + Mustache source of `template.md`, its own front matter included. */
  body: string;
  /** Where it comes from; a workspace template overrides a built-in one with the same id. */
  source?: 'builtin' | 'workspace';
}

/** One problem with the facts or the template, by key path (`debtor.name`, `invoices.0.amount`). */
export interface TemplateProblem {
  path: string;
  message: string;
}

/** The result of rendering: a letter, or every problem with the facts. */
export type RenderResult = { ok: true; text: string } | { ok: false; problems: TemplateProblem[] };
