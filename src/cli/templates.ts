// `dunmark templates`: the built-in templates and the workspace's own, found by the core's discovery
// (the `templates` folder of the nearest .dunmarkrc.json, else the nearest .dunmark/templates); a
// workspace template with a built-in id is `workspace:<id>`. Read here with real paths, so that a
// link out of the templates folder is refused.
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { ConfigResolver } from '../core/config/index.js';
import {
  describeTemplate,
  isBuiltinId,
  listTemplates,
  parseTemplateFolder,
  WORKSPACE_PREFIX,
  type Template,
  type TemplateProblem,
} from '../core/templates/index.js';
import { TEMPLATE_LIMITS } from '../core/templates/parse.js';
import { ConfigFileError, nodeFileSystem, usable } from './config-files.js';
import { displayPath } from './files.js';
import type { CliIo, Command } from './io.js';
import { UsageError } from './usage.js';
import { formatTable } from './format/table.js';

/** A problem with one workspace template folder. */
export interface WorkspaceTemplateProblem extends TemplateProblem {
  /** The template folder. */
  folder: string;
  /** The template id when `template.json` names one. */
  id: string | undefined;
  /** A warning leaves the template usable (an id a built-in template has); anything else makes it unusable. */
  warning?: boolean;
}

/** Reads one file of a template folder: a regular file inside the templates folder (real paths), not too large. */
function readTemplateFile(realRoot: string, file: string, name: 'template.json' | 'template.md'): { text: string } | { missing: true } | { problem: string } {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      let dangling = false;
      try {
        dangling = fs.lstatSync(file).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      return dangling ? { problem: `Unexpected \`${name}\` that is a broken symbolic link, expected a file` } : { missing: true };
    }
    return { problem: `Unreadable \`${name}\` (${code ?? 'unknown error'})` };
  }
  if (!real.startsWith(realRoot + path.sep))
    return { problem: `Unexpected \`${name}\` that links to a file outside the templates folder, expected a file inside it` };
  try {
    const stat = fs.statSync(real);
    if (!stat.isFile()) return { problem: `Unexpected \`${name}\` that is not a regular file` };
    if (stat.size > TEMPLATE_LIMITS[name] * 4)
      return { problem: `Unexpected \`${name}\` of ${Math.round(stat.size / 1024)} KB, expected at most ${TEMPLATE_LIMITS[name] / 1024} KB` };
    return { text: fs.readFileSync(real, 'utf8') };
  } catch (error) {
    return { problem: `Unreadable \`${name}\` (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
}

/** Reads every template folder under `dir`; a broken one is reported, never thrown. Missing `dir`: none. */
export async function loadWorkspaceTemplates(dir: string): Promise<{ templates: Template[]; problems: WorkspaceTemplateProblem[] }> {
  const templates: Template[] = [];
  const problems: WorkspaceTemplateProblem[] = [];
  let entries: fs.Dirent[];
  let realRoot: string;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
    realRoot = fs.realpathSync(dir);
  } catch {
    return { templates, problems };
  }
  for (const entry of entries.filter((e) => e.isDirectory() || e.isSymbolicLink()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const folder = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      let inside = false;
      try {
        const real = fs.realpathSync(folder);
        inside = real.startsWith(realRoot + path.sep) && fs.statSync(real).isDirectory();
      } catch {
        // A broken link: reported below.
      }
      if (!inside) {
        problems.push({
          folder,
          id: entry.name,
          path: '',
          message: 'Unexpected template folder that is a symbolic link to a place outside the templates folder, expected a folder inside it',
        });
        continue;
      }
    }
    const files: Record<string, string> = {};
    let unreadable = false;
    for (const name of ['template.json', 'template.md'] as const) {
      const read = readTemplateFile(realRoot, path.join(folder, name), name);
      if ('text' in read) files[name] = read.text;
      else if ('problem' in read) {
        problems.push({ folder, id: entry.name, path: name, message: read.problem });
        unreadable = true;
      }
    }
    if (unreadable) continue;
    const parsed = parseTemplateFolder(files, 'workspace');
    if (!parsed.ok) {
      for (const p of parsed.problems) problems.push({ folder, id: parsed.id ?? entry.name, ...p });
      continue;
    }
    templates.push(parsed.template);
    if (isBuiltinId(parsed.template.id)) {
      problems.push({
        folder,
        id: parsed.template.id,
        path: 'template.json#id',
        warning: true,
        message: `Unexpected id \`${parsed.template.id}\`, which a built-in template has, expected an id of its own; this one is \`${WORKSPACE_PREFIX}${parsed.template.id}\``,
      });
    }
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
  const rows = [
    ['template', 'kind', 'stage/clause', 'language', 'title'],
    ...templates.map((t) => [t.id, t.kind, t.stage ?? t.clause ?? '', t.language, t.title]),
  ];
  io.stdout(formatTable(rows));
  return 0;
};
