// SARIF 2.1.0 for code-scanning tools: the rules from the registry, one result per finding,
// regions in lines/columns (UTF-16) and character offsets, fixes as replacements.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { RuleMeta } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import { DOCS_BASE, VERSION } from '../package-info.js';
import type { FileResult } from './stylish.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log of a lint run; `cwd` is the base the artifact URIs are relative to. */
export function sarifLog(results: FileResult[], rules: RuleMeta[], cwd: string): Sarif.Log {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const sarifResults: Sarif.Result[] = [];
  for (const r of results) {
    const artifactLocation: Sarif.ArtifactLocation = { uri: encodeUri(r.file), uriBaseId: '%SRCROOT%' };
    for (const f of r.findings) {
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                charOffset: f.span.start,
                charLength: f.span.end - f.span.start,
              },
            },
          },
        ],
      };
      if (r.locate) {
        const at = r.locate(f);
        result.properties = { paragraph: at.paragraph };
        result.locations![0]!.physicalLocation!.region!.snippet = { text: at.quote };
      } else if (f.related?.length) {
        // (related places are offsets into the Markdown; a Word letter's findings are located by paragraph instead)
        result.relatedLocations = f.related.map((place, id) => ({
          id,
          message: { text: place.message },
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: place.line,
              startColumn: place.column,
              endLine: place.endLine,
              endColumn: place.endColumn,
              charOffset: place.span.start,
              charLength: place.span.end - place.span.start,
            },
          },
        }));
      }
      const ruleIndex = index.get(f.ruleId);
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
      if (f.fixes.length > 0) {
        result.fixes = f.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation,
              replacements: fix.edits.map((e) => ({
                deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                insertedContent: { text: e.text },
              })),
            },
          ],
        }));
      }
      sarifResults.push(result);
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dunmark',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((meta) => ({
              id: meta.id,
              name: meta.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: meta.description },
              fullDescription: { text: meta.docs.en.trim(), markdown: meta.docs.en.trim() },
              ...(DOCS_BASE ? { helpUri: `${DOCS_BASE}${meta.id}.md` } : {}),
              defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
              properties: { category: meta.category, languages: [...meta.languages], tags: [meta.category] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({
          location: { uri: encodeUri(r.file), uriBaseId: '%SRCROOT%' },
          mimeType: r.locate ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/markdown',
        })),
        results: sarifResults,
      },
    ],
  };
}

/** The SARIF log as text. */
export function formatSarif(results: FileResult[], rules: RuleMeta[], cwd: string): string {
  return `${JSON.stringify(sarifLog(results, rules, cwd), null, 2)}\n`;
}
