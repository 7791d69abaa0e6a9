/** The one Markdown parser of the core: CommonMark, YAML front matter and GFM tables. */
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** GFM tables (invoice tables, instalment schedules): each cell is a block of its own, not one paragraph of pipes. */
export function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/** Parses a whole document, front matter included (the export reads it so). */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables);

/**
 * Parses a document's body, the same grammar without front matter: the lint engine splits the front
 * matter and reads its YAML once (front-matter.ts), and gives remark only what follows.
 */
export const bodyProcessor = unified().use(remarkParse).use(remarkTables);
