// The `dunmark` command: dispatches to the subcommands; every failure is one line on stderr.
import { isMainThread } from 'node:worker_threads';
import type { CliIo, Command } from './io.js';
import { VERSION } from './package-info.js';
import { UsageError } from './usage.js';

/** Help of `dunmark`. */
export const HELP = `Usage: dunmark <command> [options]

Drafts and lints collection letters, call summaries and contract clauses (Markdown with
YAML front matter), in English and Simplified Chinese.

Commands:
  dunmark lint [--format stylish|json|sarif] [--config FILE] [--fix] FILE|DIR|GLOB ...
  dunmark render TEMPLATE_ID --facts FACTS.yaml|AGING.csv|AGING.xlsx [--map MAP.json] [--out FILE|--out-dir DIR] [--force]
  dunmark cases [DIR] [--format text|json|csv] [--as-of DATE]   the portfolio: next action per case
  dunmark export LETTER.md [--to docx|pdf|eml] [--attach pdf|docx] [--out FILE] [--letterhead FILE.docx] [--force]
                                           Word, PDF, or an e-mail draft (eml) ready to send
  dunmark approve LETTER.md [--by NAME] | --check [DIR]   a reviewer's sign-off that any later change breaks
  dunmark templates [--format text|json]   template ids, titles, kinds, stages, languages
  dunmark lsp --stdio                      the language server (any editor; see docs/editors.md)
  dunmark rules [--format text|json]       rule ids, categories, default severities, languages

Options:
  -h, --help       show this help (\`dunmark lint --help\` for lint's options)
  -v, --version    print the version

Exit status: 0 no errors, 1 errors found (or render facts missing), 2 usage, file or config problem.
Not legal advice: Dunmark checks wording and facts; a lawyer decides legal steps.
`;

// Each command is a chunk of its own, loaded only when it runs: `dunmark lint` on one letter loads
// neither the template catalogue nor the cases, export or approval code.
const COMMANDS: Record<string, Command> = {
  lint: async (argv, io) => (await import('./lint.js')).runLint(argv, io),
  render: async (argv, io) => (await import('./render.js')).runRender(argv, io),
  templates: async (argv, io) => (await import('./templates.js')).runTemplates(argv, io),
  rules: async (argv, io) => (await import('./rules.js')).runRules(argv, io),
  cases: async (argv, io) => (await import('./cases.js')).runCases(argv, io),
  approve: async (argv, io) => (await import('./approve.js')).runApprove(argv, io),
  export: async (argv, io) => (await import('./export.js')).runExport(argv, io),
  // the language server runs until its client says exit (vscode-languageserver reads --stdio, --node-ipc, --socket=N)
  lsp: async (argv, io) => {
    if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
      io.stderr('dunmark: lsp needs a transport: --stdio (what editors start), --node-ipc or --socket=PORT\n');
      return 2;
    }
    const [{ runNodeServer }, { cliThreads }] = await Promise.all([import('../node/server-host.js'), import('./pool.js')]);
    runNodeServer(cliThreads(), new URL(import.meta.url).pathname);
    return new Promise<number>(() => undefined);
  },
};

/** Help of the subcommands that do not print their own. */
const COMMAND_HELP: Record<string, string> = {
  render: `Usage: dunmark render TEMPLATE_ID --facts FACTS.yaml [--out FILE [--force]]
       dunmark render TEMPLATE_ID --facts AGING.csv|AGING.xlsx [--map MAP.json] --out-dir DIR [--case-folders] [--force]

Renders a template with the facts in FACTS.yaml (built-in templates, and workspace templates from
.dunmark/templates or the folder \`templates\` names in .dunmarkrc.json). The facts are validated first:
when one is missing or ill-typed, every problem is printed with its key path and nothing is rendered
(exit 1). The letter goes to stdout, or to --out, which is never overwritten unless --force is given.

From an accounts-receivable aging report (CSV, or the first sheet of an XLSX; one row per open
invoice), one document per debtor goes to --out-dir (with --case-folders: a folder per debtor with
its case.yaml and the letter). MAP.json (default: the report's name with .map.json) maps columns to
facts; see examples/aging/. Every debtor whose facts do not satisfy the template is reported by row,
column and fact and not written (exit 1); the others are written.
`,
  templates: `Usage: dunmark templates [--format text|json]

Lists the templates: id, title, kind, stage or clause, language, and the facts each requires.
`,
  lsp: `Usage: dunmark lsp --stdio
       dunmark-ls

Dunmark's language server, for any editor that speaks the Language Server Protocol (Neovim, Helix,
Zed, Emacs eglot, Sublime LSP, VS Code): diagnostics as you type (pushed, or pulled with LSP 3.17),
quick fixes and source.fixAll.dunmark, disable comments, hovers and front-matter completion. Settings
come from workspace/configuration (section \`dunmark\`) or the initializationOptions' \`settings\`. See
docs/editors.md for each editor's setup.
`,
  rules: `Usage: dunmark rules [--format text|json]

Lists the rules: id, category, default severity, languages (json: each rule's meta).
`,
};

/** Runs the CLI with `argv` (without node and the script); returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(HELP);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.stderr(`dunmark: unknown command \`${first}\`, expected lint, render, cases, export, approve, templates, rules or lsp (see \`dunmark --help\`)\n`);
    return 2;
  }
  const help = COMMAND_HELP[first];
  if (help && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(help);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`dunmark: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

function isEntry(): boolean {
  // The lint and cases workers load this bundle too: only the main thread runs the command.
  return isMainThread && typeof process !== 'undefined' && Array.isArray(process.argv) && !process.env.DUNMARK_NO_MAIN;
}

if (isEntry()) {
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
  const fail = (error: unknown): void => {
    process.stderr.write(`dunmark: internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
    process.exitCode = 2;
  };
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit(2);
  });
  main(process.argv.slice(2), io).then((status) => {
    process.exitCode = status;
  }, fail);
}
