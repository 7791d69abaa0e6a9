// `dunmark templates`: the built-in templates merged with the workspace's own, found by the core's
// discovery (the `templates` folder of the nearest .dunmarkrc.json, else the nearest .dunmark/templates),
// which override by id.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigResolver, readTemplateFolders } from '../core/config/index.js';
import { describeTemplate, listTemplates, parseTemplateFolder, type Template, type TemplateProblem } from '../core/templates/index.js';
import { ConfigFileError, nodeFileSystem, usable } from './config-files.js';
import { displayPath } from './files.js';
import type { CliIo, Command } from './io.js';
import { UsageError } from './usage.js';

/** A problem with one workspace template folder. */
export interface WorkspaceTemplateProblem extends TemplateProblem {
  /** The template folder. */
  folder: string;
  /** The template id when `template.json` names one. */
  id: string | undefined;
}

/** Reads every template folder under `dir`; a broken one is reported, never thrown. Missing `dir`: none. */
export async function loadWorkspaceTemplates(dir: string): Promise<{ templates: Template[]; problems: WorkspaceTemplateProblem[] }> {
  const templates: Template[] = [];
  const problems: WorkspaceTemplateProblem[] = [];
  for (const { name, folder, files, unreadable } of await readTemplateFolders(nodeFileSystem, dir)) {
    for (const [file, reason] of Object.entries(unreadable)) problems.push({ folder, id: undefined, path: file, message: `Unreadable \`${file}\` (${reason})` });
    const parsed = parseTemplateFolder(files, 'workspace');
    if (parsed.ok) templates.push(parsed.template);
    else for (const p of parsed.problems) problems.push({ folder, id: parsed.id ?? name, ...p });
  }
  return { templates, problems };
}

/** Workspace templates for `cwd` with their problems (none when there is no template folder); throws `ConfigFileError` for a bad config. */
export async function workspaceTemplatesFor(cwd: string): Promise<{ dir: string | undefined; templates: Template[]; problems: WorkspaceTemplateProblem[] }> {
  const resolver = new ConfigResolver(nodeFileSystem);
  const folder = path.resolve(cwd);
  const found = await resolver.configFor(folder);
  if (found) usable(found, (file) => displayPath(cwd, file)); // a config that cannot be used stops the command
  const dir = await resolver.templatesFolder(folder);
  return dir ? { dir, ...(await loadWorkspaceTemplates(dir)) } : { dir, templates: [], problems: [] };
}

/** One problem of a workspace template as a stderr line. */
export function formatWorkspaceProblem(cwd: string, p: WorkspaceTemplateProblem): string {
  const where = path.relative(cwd, path.join(p.folder, p.path.split('#')[0] ?? '')) || p.folder;
  return `dunmark: ${where}: ${p.message}\n`;
}

/** The workspace templates for the command's folder, or undefined after a one-line error naming the file, line and column (exit 2). */
export async function loadWorkspace(io: CliIo): Promise<Awaited<ReturnType<typeof workspaceTemplatesFor>> | undefined> {
  try {
    return await workspaceTemplatesFor(io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
    return undefined;
  }
}

/** Runs `dunmark templates [--format text|json]`. */
export const runTemplates: Command = async (argv, io) => {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { format: { type: 'string', short: 'f', default: 'text' } } });
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`unknown format \`${values.format}\`, expected text or json`);
  const workspace = await loadWorkspace(io);
  if (!workspace) return 2;
  for (const p of workspace.problems) io.stderr(formatWorkspaceProblem(io.cwd, p));
  const templates = listTemplates(workspace.templates).map(describeTemplate);
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(templates, null, 2)}\n`);
    return 0;
  }
  const rows = [['template', 'kind', 'stage/clause', 'language', 'title'], ...templates.map((t) => [t.id, t.kind, t.stage ?? t.clause ?? '', t.language, t.title])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  io.stdout(`${rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`);
  return 0;
};
