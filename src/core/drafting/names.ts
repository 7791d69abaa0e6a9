// How a new document of a case is named, decided once for the editor's drafting commands, the Cases
// view's Draft Next Letter and `dunmark render --case-folders`: its date and what it is
// (`2026-11-25-final-demand.md`), so a case folder lists its letters in the order they were written.

/** What a draft is: its stage for a letter (`final-demand`), else its kind (`call-summary`), else its template's id. */
export interface DraftKind {
  stage?: string | undefined;
  kind?: string | undefined;
  id?: string | undefined;
}

/** The file name of a draft dated `date` (`YYYY-MM-DD`; none: the name has no date). */
export function draftFileName(what: DraftKind, date: string | undefined): string {
  const name = what.stage ?? what.kind ?? what.id ?? 'draft';
  return `${date ? `${date}-` : ''}${name}.md`;
}
