/**
 * A Word letter as a Dunmark document: its own facts (from a facts file, a YAML block at the start, or
 * the document's custom properties — the first that is there) as front matter, then the body as
 * Markdown; and, for each finding, the paragraph of the Word document it is in. Like any document
 * in a case folder it inherits the facts of its case files: the caller lints `text` with
 * `facts: caseFacts(caseFiles)`, the one merge. Pure.
 */
import type { Finding } from '../types.js';
import type { DocxReading } from './read-docx.js';

/** Where the facts of a Word letter came from. */
export type FactsOrigin = 'facts-file' | 'yaml-block' | 'properties' | 'case-file' | 'none';

/** A facts file the caller read: its name (as shown) and text. */
export interface FactsFile {
  name: string;
  text: string;
}

/** A Word letter ready to lint. */
export interface DocxLetter {
  /** Front matter + Markdown body: what `lint()` reads. */
  text: string;
  origin: FactsOrigin;
  /** The file the facts came from (facts file, or the nearest case file when the letter has none of its own). */
  factsFile: string | undefined;
  /** The paragraph of the Word document a finding is in, and its text; `paragraph` is null for a finding in the facts. */
  locate(finding: Finding): DocxLocation;
}

/** Where a finding sits in a Word letter. */
export interface DocxLocation {
  /** 1-based paragraph number (see `DocxParagraph.number`), or null when the finding is in the facts. */
  paragraph: number | null;
  /** The paragraph's text, or the facts' source. */
  quote: string;
  /** For a finding in a facts file: its 1-based line there. */
  factsLine?: number;
}

function trimYaml(yaml: string): string {
  return yaml.replace(/^\uFEFF/, '').trimEnd();
}

/** Builds the document to lint from a reading of the .docx and the facts the caller found. */
export function docxLetter(reading: DocxReading, options: { factsFile?: FactsFile; caseFiles?: readonly FactsFile[] } = {}): DocxLetter {
  const caseFiles = options.caseFiles ?? [];
  let origin: FactsOrigin = 'none';
  let yaml: string | undefined;
  let factsFile: string | undefined;
  if (options.factsFile) {
    origin = 'facts-file';
    yaml = options.factsFile.text;
    factsFile = options.factsFile.name;
  } else if (reading.yamlBlock) {
    origin = 'yaml-block';
    yaml = reading.yamlBlock.yaml;
  } else if (reading.propertiesYaml !== undefined) {
    origin = 'properties';
    yaml = reading.propertiesYaml;
  } else if (caseFiles.length) {
    // every fact is inherited: an empty front matter of its own
    origin = 'case-file';
    yaml = '';
    factsFile = caseFiles[caseFiles.length - 1]!.name;
  }
  const own = yaml === undefined ? undefined : trimYaml(yaml);
  const head = own === undefined ? '' : own === '' ? '---\n---\n\n' : `---\n${own}\n---\n\n`;
  const text = head + reading.markdown;
  const yamlStart = 4; // after `---\n`
  const describe: Record<FactsOrigin, string> = {
    'facts-file': factsFile ?? 'the facts file',
    'yaml-block': 'the YAML block at the start of the document',
    properties: 'the document properties (Dunmark facts)',
    'case-file': factsFile ?? 'the case file',
    none: 'the facts (none found: give --facts FILE)',
  };
  const locate = (finding: Finding): DocxLocation => {
    if (finding.file !== undefined) return { paragraph: null, quote: finding.file, factsLine: finding.line };
    const offset = finding.span.start - head.length;
    if (offset < 0 || (head === '' && finding.ruleId === 'front-matter')) {
      if (origin === 'yaml-block' && reading.yamlBlock) {
        // the YAML lines are paragraphs of the document (line 1 of the text is the fence)
        const line = Math.max(0, finding.line - 2);
        return { paragraph: reading.yamlBlock.lineParagraphs[line] ?? null, quote: yaml?.split('\n')[line] ?? '' };
      }
      const factsLine = finding.span.start >= yamlStart && (origin === 'facts-file' || origin === 'case-file') ? finding.line - 1 : undefined;
      return { paragraph: null, quote: describe[origin], ...(factsLine ? { factsLine } : {}) };
    }
    let best = reading.paragraphs[0];
    for (const p of reading.paragraphs) {
      if (p.start <= offset) best = p;
      else break;
    }
    return best ? { paragraph: best.number, quote: best.text } : { paragraph: null, quote: '' };
  };
  return { text, origin, factsFile, locate };
}
