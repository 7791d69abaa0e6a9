/**
 * The facts form: one webview panel that asks a person for the facts a template needs. Its page
 * (dist/webview/facts-form.js, media/facts-form.css) loads only when a form opens; the checking is
 * the core's (`checkAnswers`: the template's Ajv schema, then the rendering), run here on every
 * change. Works on desktop and on the web: no Node API here or in the page.
 *
 * Other commands call `showFactsForm` with the facts they already have ("Draft Next Letter").
 */
import * as vscode from 'vscode';
import type { Bilingual, FormAnswers, FormCheck, FormNode } from '../core/drafting/form.js';
import type { Template } from '../core/templates/index.js';
import type { FormInit, FormMessage, FormProblems } from '../webview/facts-form.js';
import { drafting } from './core.js';

/** Where a form's result can go. */
export type FormTarget = 'untitled' | 'file' | 'insert' | 'preview';

/** What a form is opened with. */
export interface FactsFormOptions {
  template: Template;
  /** Workspace templates (they override built-in ones with the same id). */
  workspace?: Template[];
  /** The facts it opens with: front matter, case facts, what a command carried over. */
  facts: Record<string, unknown>;
  /** ISO date the letter is dated by default (the configured `today` first). */
  today: string;
  /** Where the result may go; the first is the default. */
  targets: readonly FormTarget[];
  /** The file a `file` target writes, when the command already knows it (a case folder's next letter): shown instead of "New file…". */
  fileName?: string;
  /** The panel's heading; the template's human title by default. */
  heading?: Bilingual;
  /** Language of the form; the `dunmark.messageLanguage` setting or the editor's display language by default. */
  lang?: 'en' | 'zh';
  /** The case facts the document inherits: the form opens with them, and the front matter keeps only what differs. */
  inherited?: Record<string, unknown>;
  /** The case file the facts typed can be saved to (shown as a checkbox, on by default). */
  caseFile?: string;
}

/** What the person made: the rendered document, the facts it was rendered from, and where it goes. */
export interface FactsFormResult {
  text: string;
  facts: Record<string, unknown>;
  target: FormTarget;
  /** The person left "save to the case file" ticked. */
  save: boolean;
}

const TARGET_LABELS: Record<FormTarget, Bilingual> = {
  untitled: { en: 'New untitled document', zh: '新建未命名文档' },
  file: { en: 'New file…', zh: '新文件…' },
  insert: { en: 'Insert at the cursor', zh: '插入到光标处' },
  preview: { en: 'Preview', zh: '预览' },
};
const BUTTONS: Record<FormTarget, Bilingual> = {
  untitled: { en: 'Create letter', zh: '生成函件' },
  file: { en: 'Create letter', zh: '生成函件' },
  insert: { en: 'Insert clause', zh: '插入条款' },
  preview: { en: 'Preview', zh: '预览' },
};

/**
 * The language a template's form speaks: the template's own (a Chinese letter's facts are asked in
 * Chinese, an English letter's in English); a bilingual template's follows the person's (`formLanguage`).
 */
export function templateFormLanguage(template: Template): 'en' | 'zh' {
  if (template.language.includes('+')) return formLanguage();
  return template.language.startsWith('zh') ? 'zh' : 'en';
}

/** The language the form speaks: the setting when it names one, else the editor's display language. */
export function formLanguage(): 'en' | 'zh' {
  const setting = vscode.workspace.getConfiguration('dunmark').get<string>('messageLanguage');
  if (setting === 'en' || setting === 'zh') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** What a check shows on the page. */
function shownOf(result: FormCheck): Omit<FormProblems, 'type' | 'version'> {
  return { problems: result.problems, required: result.required, hidden: result.hidden, normalised: result.normalised, notes: result.notes };
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let open: { panel: vscode.WebviewPanel; settle: (result: FactsFormResult | undefined) => void } | undefined;

/** The form now open, if any (tests and other commands). */
export function activeFactsForm(): vscode.WebviewPanel | undefined {
  return open?.panel;
}

/**
 * Opens the facts form for a template, pre-filled with `facts` and sensible defaults; resolves with
 * the rendered document when the person presses the button (only possible once every fact is valid),
 * or undefined when they close the form. A form opened while another is open replaces it.
 */
export function showFactsForm(extensionUri: vscode.Uri, options: FactsFormOptions): Promise<FactsFormResult | undefined> {
  open?.panel.dispose();
  const draft = drafting();
  const lang = options.lang ?? templateFormLanguage(options.template);
  // dates are written as the letter writes them, and read back to ISO 8601 (never the browser's mm/dd/yyyy)
  const style = draft.dateStyleOf(options.template.language, lang);
  const nodes: FormNode[] = draft.localiseDates(draft.templateForm(options.template), style);
  const base = draft.draftDefaults(nodes, options.facts, { today: options.today });
  const answers: FormAnswers = draft.answersFromFacts(nodes, base, style);
  const workspace = options.workspace ?? [];
  const check = (a: FormAnswers): ReturnType<typeof draft.checkAnswers> =>
    draft.checkAnswers(options.template, nodes, a, base, workspace, options.inherited, style);
  const label = draft.templateLabel(options.template);
  const roots = [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
  const panel = vscode.window.createWebviewPanel(
    'dunmark.factsForm',
    label,
    { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
    {
      enableScripts: true,
      localResourceRoots: roots,
      retainContextWhenHidden: true,
    },
  );
  const webview = panel.webview;
  const id = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'facts-form.js'));
  const sheet = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'facts-form.css'));
  webview.html = `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${id}'; img-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${sheet.toString()}">
<title>${label.replace(/[<&"]/g, '')}</title>
</head>
<body>
<main id="root" data-dunmark-form="${options.template.id}"></main>
<script nonce="${id}" src="${script.toString()}"></script>
</body>
</html>`;
  const named = (l: 'en' | 'zh'): string =>
    [draft.documentLabel(options.template, l) ?? options.template.title, draft.languageLabel(options.template.language, l)].filter(Boolean).join(' — ');
  const heading = options.heading ?? { en: `${named('en')}: the facts`, zh: `${named('zh')}：填写事实` };
  const intro: Bilingual = {
    en: 'Fill in the facts the letter states. Every field says what it needs; the button renders the letter once every fact is valid.',
    zh: '请填写函件所述的事实。每个字段都说明了需要填写的内容；所有事实有效后即可生成。',
  };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: FactsFormResult | undefined): void => {
      if (settled) return;
      settled = true;
      if (open?.panel === panel) open = undefined;
      resolve(result);
    };
    open = { panel, settle };
    const post = (message: FormInit | FormProblems): void => void webview.postMessage(message);
    const subscriptions = [
      webview.onDidReceiveMessage((message: FormMessage) => {
        if (message.type === 'ready') {
          const first = check(answers);
          post({
            type: 'init',
            heading,
            intro,
            nodes,
            answers,
            problems: first.problems,
            required: first.required,
            hidden: first.hidden,
            notes: first.notes,
            lang,
            targets: options.targets.map((value) => ({
              value,
              label: value === 'file' && options.fileName ? { en: `New file ${options.fileName}`, zh: `新文件 ${options.fileName}` } : TARGET_LABELS[value],
            })),
            button: BUTTONS[options.targets[0] ?? 'untitled'],
            ...(options.caseFile
              ? {
                  save: {
                    label: { en: `Save new facts to ${options.caseFile}`, zh: `将新填写的事实保存到 ${options.caseFile}` },
                    hint: {
                      en: 'Facts the case file does not have yet are added to it, so that the next letter does not ask for them again. Nothing already in it is changed.',
                      zh: '案件文件中尚无的事实将被添加进去，下一封函件便无需再次填写。文件中已有的内容不会改动。',
                    },
                    checked: true,
                  },
                }
              : {}),
          });
        } else if (message.type === 'change') {
          const result = check(message.answers);
          post({ type: 'problems', version: message.version, ...shownOf(result) });
        } else if (message.type === 'submit') {
          const result = check(message.answers);
          const target = options.targets.find((t) => t === message.target) ?? options.targets[0] ?? 'untitled';
          if (result.text === undefined) {
            post({ type: 'problems', version: message.version, ...shownOf(result), submitted: true });
            return;
          }
          settle({ text: result.text, facts: result.facts, target, save: !!options.caseFile && message.save });
          panel.dispose();
        }
      }),
      panel.onDidDispose(() => {
        for (const s of subscriptions) s.dispose();
        settle(undefined);
      }),
    ];
  });
}
