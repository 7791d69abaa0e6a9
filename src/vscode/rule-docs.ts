/**
 * Rule documentation, read-only and formatted: the pages `npm run docs` writes (docs/rules/<id>.md,
 * docs/rules/zh/<id>.md), served from the extension's folder as virtual documents of the
 * `dunmark-docs` scheme and shown in the Markdown preview, in the letter's language. Nothing is
 * opened for editing in the install folder.
 */
import * as vscode from 'vscode';
import { ruleRegistry } from './core.js';

/** The URI scheme of rule documentation. */
export const DOCS_SCHEME = 'dunmark-docs';

/** The page of a rule in a language: `dunmark-docs:/zh/no-threat.md`. */
export function ruleDocsUri(ruleId: string, lang: 'en' | 'zh' = 'en'): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${lang}/${ruleId}.md` });
}

/** Serves the rule pages from the extension's `docs/rules/` folder (the rule's own docs when a page is missing). */
export class RuleDocsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly extensionUri: vscode.Uri) {
    // a page opened as text (the code link in the Problems panel) is shown formatted instead
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.scheme !== DOCS_SCHEME) return;
        const uri = editor.document.uri;
        void vscode.commands.executeCommand('workbench.action.closeActiveEditor').then(() => showRuleDocsPage(uri));
      }),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const m = /^\/(en|zh)\/([a-z0-9-]+)\.md$/.exec(uri.path);
    if (!m) return '';
    const [, lang, id] = m as unknown as [string, 'en' | 'zh', string];
    const files =
      lang === 'zh'
        ? [
            ['docs', 'rules', 'zh', `${id}.md`],
            ['docs', 'rules', `${id}.md`],
          ]
        : [['docs', 'rules', `${id}.md`]];
    for (const parts of files) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...parts)));
        // the pages link each other relatively (`[中文](zh/x.md)`): inside the preview, link the virtual pages
        return text.replace(/\]\((?:\.\.\/|zh\/)?([a-z0-9-]+)\.md\)/g, (all, target: string) =>
          target === id ? `](${ruleDocsUri(id, lang === 'en' ? 'zh' : 'en').toString()})` : all,
        );
      } catch {
        // not there: the next file, or the rule's own docs
      }
    }
    const meta = ruleRegistry().find((r) => r.meta.id === id)?.meta;
    if (!meta) return `# ${id}\n`;
    const docs: unknown = meta.docs;
    const text = typeof docs === 'string' ? docs : ((docs as Record<string, string>)[lang] ?? (docs as Record<string, string>).en ?? '');
    return `# ${id}\n\n> ${meta.description}\n\n${text}\n`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Shows a rule page formatted, beside the letter. */
export async function showRuleDocsPage(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
}

/** `dunmark.showRuleDocs`: the page of a rule (`id`, and `en` or `zh`), formatted. */
export function showRuleDocs(ruleId: unknown, lang: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return Promise.resolve();
  return showRuleDocsPage(ruleDocsUri(ruleId, lang === 'zh' ? 'zh' : 'en'));
}
