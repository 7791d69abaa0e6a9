// `dunmark templates`: the built-in templates merged with the workspace's own
// (`.dunmark/templates/<id>/`, or the folder config `templates` names), which override by id.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME } from '../core/config.js';
import { describeTemplate, listTemplates, parseTemplateFolder, type Template, type TemplateProblem } from '../core/templates/index.js';
import { readConfigFile } from './config-files.js';
import type { CliIo, Command } from './io.js';
import { UsageError } from './usage.js';

/** The default folder of workspace templates, relative to the workspace root. */
export const WORKSPACE_TEMPLATES_DIR = '.dunmark/templates';

/** A problem with one workspace template folder. */
export interface WorkspaceTemplateProblem extends TemplateProblem {
  /** The template folder. */
  folder: string;
  /** The template id when `template.json` names one. */
  id: string | undefined;
}

/** Reads every template folder under `dir`; a broken one is reported, never thrown. Missing `dir`: none. */
export function loadWorkspaceTemplates(dir: string): { templates: Template[]; problems: WorkspaceTemplateProblem[] } {
  const templates: Template[] = [];
  const problems: WorkspaceTemplateProblem[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return { templates, problems };
  }
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const folder = path.join(dir, entry.name);
    const files: Record<string, string> = {};
    for (const name of ['template.json', 'template.md']) {
      try {
        files[name] = fs.readFileSync(path.join(folder, name), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') problems.push({ folder, id: undefined, path: name, message: `Unreadable \`${name}\` (${code ?? 'unknown error'})` });
      }
    }
    const parsed = parseTemplateFolder(files, 'workspace');
    if (parsed.ok) templates.push(parsed.template);
    else for (const p of parsed.problems) problems.push({ folder, id: parsed.id ?? entry.name, ...p });
  }
  return { templates, problems };
}

/** The workspace template folder for `cwd`: config `templates` of the nearest config, else the nearest `.dunmark/templates`. */
export function findWorkspaceTemplatesDir(cwd: string): string | undefined {
  let folder = path.resolve(cwd);
  for (;;) {
    const config = path.join(folder, CONFIG_FILE_NAME);
    if (fs.existsSync(config)) {
      const templates = readConfigFile(config, config).templates;
      if (templates) return path.resolve(folder, templates);
    }
    const candidate = path.join(folder, WORKSPACE_TEMPLATES_DIR);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Workspace templates for `cwd` with their problems (none when there is no template folder). */
export function workspaceTemplatesFor(cwd: string): { dir: string | undefined; templates: Template[]; problems: WorkspaceTemplateProblem[] } {
  const dir = findWorkspaceTemplatesDir(cwd);
  return dir ? { dir, ...loadWorkspaceTemplates(dir) } : { dir, templates: [], problems: [] };
}

/** One problem of a workspace template as a stderr line. */
export function formatWorkspaceProblem(cwd: string, p: WorkspaceTemplateProblem): string {
  const where = path.relative(cwd, path.join(p.folder, p.path.split('#')[0] ?? '')) || p.folder;
  return `dunmark: ${where}: ${p.message}\n`;
}

/** The workspace templates for the command's folder, or undefined after a one-line error (exit 2). */
export function loadWorkspace(io: CliIo): ReturnType<typeof workspaceTemplatesFor> | undefined {
  try {
    return workspaceTemplatesFor(io.cwd);
  } catch (error) {
    io.stderr(`dunmark: ${(error as Error).message}\n`);
    return undefined;
  }
}

/** Runs `dunmark templates [--format text|json]`. */
export const runTemplates: Command = async (argv, io) => {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { format: { type: 'string', short: 'f', default: 'text' } } });
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`unknown format \`${values.format}\`, expected text or json`);
  const workspace = loadWorkspace(io);
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
