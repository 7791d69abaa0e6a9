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
  /** The Markdown + Mustache source. */
  body: string;
}

/** The result of rendering: a letter, or every problem with the facts. */
export type RenderResult = { ok: true; text: string } | { ok: false; problems: { path: string; message: string }[] };

/** Lists the built-in templates. */
export function listTemplates(): Template[] {
  return [];
}

/** Renders a template after validating the facts; on failure renders nothing. */
export function renderTemplate(template: Template | string, facts: unknown): RenderResult {
  void facts;
  return { ok: false, problems: [{ path: '', message: `Unknown template \`${typeof template === 'string' ? template : template.id}\`` }] };
}
