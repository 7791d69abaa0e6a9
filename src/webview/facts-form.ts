/**
 * The facts form's page, inside a VS Code webview (desktop and web alike): it draws the form model
 * the extension sends, keeps what the person types, and asks the extension to check it. No Node
 * API, no framework, no network: DOM and `acquireVsCodeApi` only; colours come from the theme.
 */
import type { Bilingual, FieldProblem, FormAnswers, FormField, FormList, FormNode } from '../core/drafting/form.js';

/** What the extension sends when the form opens. */
export interface FormInit {
  type: 'init';
  heading: Bilingual;
  intro: Bilingual;
  nodes: FormNode[];
  answers: FormAnswers;
  problems: FieldProblem[];
  lang: 'en' | 'zh';
  /** Where the result can go; the first is the default. */
  targets: { value: string; label: Bilingual }[];
  button: Bilingual;
}

/** The extension's answer to a change: the problems of that version of the answers. */
export interface FormProblems {
  type: 'problems';
  version: number;
  problems: FieldProblem[];
}

/** What the page sends: its answers after every change, and the person's press of the button. */
export type FormMessage =
  { type: 'ready' } | { type: 'change'; version: number; answers: FormAnswers } | { type: 'submit'; version: number; answers: FormAnswers; target: string };

declare function acquireVsCodeApi(): { postMessage(message: FormMessage): void };

const STRINGS = {
  required: { en: 'required', zh: '必填' },
  add: { en: 'Add', zh: '添加' },
  remove: { en: 'Remove', zh: '删除' },
  row: { en: 'Row', zh: '第' },
  rowSuffix: { en: '', zh: '行' },
  optional: { en: 'More facts (optional)', zh: '更多事实（选填）' },
  where: { en: 'Where it goes', zh: '输出位置' },
  language: { en: 'Form language', zh: '表单语言' },
  example: { en: 'e.g.', zh: '例如' },
  choose: { en: '— choose —', zh: '— 请选择 —' },
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },
  checking: { en: 'Checking…', zh: '正在检查…' },
  ready: { en: 'Every fact is valid.', zh: '所有事实均有效。' },
  remaining: { en: '{0} fact(s) still to fill in or correct.', zh: '还有 {0} 项事实需要填写或更正。' },
} satisfies Record<string, Bilingual>;

const vscode = acquireVsCodeApi();
let init: FormInit | undefined;
let lang: 'en' | 'zh' = 'en';
let answers: FormAnswers = { values: {}, rows: {} };
let problems: FieldProblem[] = [];
let version = 0;
let checkedVersion = -1;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Fields the person has been in: a missing fact is shown in red only there (elsewhere it is a quiet hint). */
const touched = new Set<string>();

const t = (b: Bilingual): string => b[lang];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** A node's instance path inside a row (`invoices.*.amount` in row 1 → `invoices.1.amount`). */
function instance(node: FormNode, prefix: string): string {
  return prefix ? `${prefix}${node.key}` : node.path;
}

const idOf = (path: string): string => `f-${path.replace(/[^\w-]/g, '_')}`;

function changed(): void {
  version++;
  clearTimeout(timer);
  setStatus();
  timer = setTimeout(() => vscode.postMessage({ type: 'change', version, answers }), 120);
}

function input(field: FormField, path: string): HTMLElement {
  const value = answers.values[path] ?? '';
  const common = { id: idOf(path), name: path, 'data-path': path, 'aria-describedby': `${idOf(path)}-d ${idOf(path)}-m` };
  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const extra: HTMLElement[] = [];
  if (field.kind === 'select' || field.kind === 'boolean') {
    const options =
      field.kind === 'boolean'
        ? [
            { value: 'true', label: STRINGS.yes },
            { value: 'false', label: STRINGS.no },
          ]
        : (field.options ?? []);
    control = el('select', common, el('option', { value: '' }, t(STRINGS.choose)), ...options.map((o) => el('option', { value: o.value }, t(o.label))));
  } else if (field.kind === 'textarea') {
    control = el('textarea', { ...common, rows: '2' });
    if (field.example) control.setAttribute('placeholder', `${t(STRINGS.example)} ${t(field.example)}`);
  } else {
    const type = field.kind === 'date' ? 'date' : field.kind === 'email' ? 'email' : 'text';
    control = el('input', { ...common, type, ...(field.kind === 'number' || field.kind === 'integer' ? { inputmode: 'decimal' } : {}) });
    if (field.example && field.kind !== 'date') control.setAttribute('placeholder', `${t(STRINGS.example)} ${t(field.example)}`);
    if (field.suggestions?.length) {
      const list = el('datalist', { id: `${idOf(path)}-s` }, ...field.suggestions.map((s) => el('option', { value: s.value }, t(s.label))));
      control.setAttribute('list', list.id);
      extra.push(list);
    }
  }
  if (field.required) control.setAttribute('aria-required', 'true');
  control.value = value;
  control.addEventListener('input', () => {
    answers.values[path] = control.value;
    touched.add(path);
    changed();
  });
  control.addEventListener('blur', () => {
    if (!touched.has(path)) {
      touched.add(path);
      showProblems();
    }
  });
  const label = el(
    'label',
    { for: common.id },
    t(field.title),
    ...(field.required ? [el('span', { class: 'required', title: t(STRINGS.required) }, ' *')] : []),
  );
  const help = el('div', { class: 'description', id: `${idOf(path)}-d` }, t(field.description));
  const message = el('div', { class: 'message', id: `${idOf(path)}-m`, role: 'alert', 'data-message-for': path });
  return el('div', { class: `field field-${field.kind}` }, label, control, ...extra, help, message);
}

function list(node: FormList, path: string): HTMLElement {
  const box = el('fieldset', { class: 'list', 'data-path': path });
  box.append(el('legend', {}, t(node.title), ...(node.required ? [el('span', { class: 'required' }, ' *')] : [])));
  box.append(el('div', { class: 'description' }, t(node.description)));
  const count = answers.rows[path] ?? 0;
  for (let i = 0; i < count; i++) {
    const rowPrefix = `${path}.${i}.`;
    const name = `${t(node.itemTitle)} ${i + 1}`;
    const row = el(
      'fieldset',
      { class: 'row', 'data-row': `${path}.${i}` },
      el('legend', {}, lang === 'zh' ? `${t(node.itemTitle)}（${STRINGS.row.zh} ${i + 1} ${STRINGS.rowSuffix.zh}）` : name),
    );
    const fields = el('div', { class: 'row-fields' }, ...node.item.map((child) => draw(child, rowPrefix)));
    const remove = el('button', { type: 'button', class: 'secondary', 'aria-label': `${t(STRINGS.remove)} ${name}` }, t(STRINGS.remove));
    remove.addEventListener('click', () => {
      removeRow(path, i);
      redraw(path);
      changed();
    });
    row.append(fields, remove);
    box.append(row);
  }
  const add = el('button', { type: 'button', class: 'secondary add', 'data-add': path }, `+ ${t(STRINGS.add)} ${t(node.itemTitle)}`);
  add.addEventListener('click', () => {
    answers.rows[path] = count + 1;
    redraw(path, `${path}.${count}.`);
    changed();
  });
  box.append(add, el('div', { class: 'message', role: 'alert', 'data-message-for': path }));
  return box;
}

/** Removes row `i` of a list, moving the answers of the rows after it up by one. */
function removeRow(path: string, i: number): void {
  const count = answers.rows[path] ?? 0;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers.values)) {
    if (!k.startsWith(`${path}.`)) values[k] = v;
    else {
      const rest = k.slice(path.length + 1);
      const n = Number(rest.slice(0, rest.indexOf('.')));
      if (n < i) values[k] = v;
      else if (n > i) values[`${path}.${n - 1}${rest.slice(rest.indexOf('.'))}`] = v;
    }
  }
  answers.values = values;
  answers.rows[path] = Math.max(0, count - 1);
}

function draw(node: FormNode, prefix: string): HTMLElement {
  const path = instance(node, prefix);
  if (node.kind === 'list') return list(node, path);
  if (node.kind === 'group') {
    return el(
      'fieldset',
      { class: 'group', 'data-path': path },
      el('legend', {}, t(node.title), ...(node.required ? [el('span', { class: 'required' }, ' *')] : [])),
      el('div', { class: 'description' }, t(node.description)),
      el('div', { class: 'group-fields' }, ...node.children.map((child) => draw(child, `${path}.`))),
      el('div', { class: 'message', role: 'alert', 'data-message-for': path }),
    );
  }
  return input(node, path);
}

/** Draws a list again after a row was added or removed, keeping the focus sensible. */
function redraw(path: string, focusRow?: string): void {
  const old = document.querySelector(`fieldset.list[data-path="${CSS.escape(path)}"]`);
  const node = findList(init?.nodes ?? [], path);
  if (!old || !node) return;
  const fresh = list(node, path);
  old.replaceWith(fresh);
  const target = focusRow ? fresh.querySelector<HTMLElement>(`[data-path^="${CSS.escape(focusRow)}"]`) : fresh.querySelector<HTMLElement>('button.add');
  target?.focus();
  showProblems();
}

function findList(nodes: readonly FormNode[], path: string): FormList | undefined {
  for (const n of nodes) {
    if (n.kind === 'list' && n.path === path.replace(/\.\d+\./g, '.*.')) return n;
    if (n.kind === 'group') {
      const found = findList(n.children, path);
      if (found) return found;
    }
  }
  return undefined;
}

function showProblems(): void {
  const byPath = new Map(problems.map((p) => [p.path, p]));
  const shown = new Set<string>();
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('[data-message-for]'))) {
    const path = box.dataset.messageFor ?? '';
    const problem = byPath.get(path);
    box.textContent = problem ? t(problem.message) : '';
    if (problem) shown.add(path);
    const control = document.querySelector<HTMLInputElement>(`[name="${CSS.escape(path)}"]`);
    control?.setAttribute('aria-invalid', problem ? 'true' : 'false');
    // not yet filled in and not yet visited: what is missing is said quietly, not as an error
    const quiet = !!problem && !touched.has(path) && (!control || control.value === '');
    box.classList.toggle('pending', quiet);
    control?.classList.toggle('pending', quiet);
  }
  // an optional fact that is wrong (an institution an arbitration needs) opens its section
  for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.optional'))) {
    if (!details.open && details.querySelector('[aria-invalid="true"]')) details.open = true;
  }
  const top = document.getElementById('top-message');
  if (top)
    top.textContent = problems
      .filter((p) => !shown.has(p.path))
      .map((p) => t(p.message))
      .join('\n');
  setStatus();
}

function setStatus(): void {
  const button = document.getElementById('render') as HTMLButtonElement | null;
  const status = document.getElementById('status');
  const current = checkedVersion === version;
  if (button) button.disabled = !current || problems.length > 0;
  if (status)
    status.textContent = !current ? t(STRINGS.checking) : problems.length ? t(STRINGS.remaining).replace('{0}', String(problems.length)) : t(STRINGS.ready);
  document.body.dataset.valid = String(current && problems.length === 0);
  document.body.dataset.checking = String(!current);
}

function submit(): void {
  const button = document.getElementById('render') as HTMLButtonElement | null;
  const target = (document.getElementById('target') as HTMLSelectElement | null)?.value ?? init?.targets[0]?.value ?? 'untitled';
  if (!button || button.disabled) return;
  button.disabled = true;
  vscode.postMessage({ type: 'submit', version, answers, target });
}

function drawAll(): void {
  if (!init) return;
  const root = document.getElementById('root')!;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const languages = el(
    'select',
    { id: 'lang', 'aria-label': t(STRINGS.language) },
    el('option', { value: 'en' }, 'English'),
    el('option', { value: 'zh' }, '中文'),
  );
  languages.value = lang;
  languages.addEventListener('change', () => {
    lang = languages.value === 'zh' ? 'zh' : 'en';
    drawAll();
    document.getElementById('lang')?.focus();
  });
  const required = init.nodes.filter((n) => n.required);
  const optional = init.nodes.filter((n) => !n.required);
  const more = el('details', { class: 'optional' }, el('summary', {}, t(STRINGS.optional)), ...optional.map((n) => draw(n, '')));
  if (optional.some((n) => hasAnswer(n.path))) more.open = true;
  const targets = el('select', { id: 'target', 'aria-label': t(STRINGS.where) }, ...init.targets.map((o) => el('option', { value: o.value }, t(o.label))));
  const button = el('button', { type: 'submit', id: 'render', class: 'primary' }, t(init.button));
  const form = el(
    'form',
    { novalidate: '' },
    ...required.map((n) => draw(n, '')),
    ...(optional.length ? [more] : []),
    el('div', { id: 'top-message', class: 'message', role: 'alert' }),
    el('div', { class: 'actions' }, el('label', { for: 'target' }, t(STRINGS.where)), targets, button, el('span', { id: 'status', role: 'status' })),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  root.replaceChildren(el('header', {}, el('h1', {}, t(init.heading)), languages), el('p', { class: 'intro' }, t(init.intro)), form);
  showProblems();
}

function hasAnswer(path: string): boolean {
  return Object.keys(answers.values).some((k) => (k === path || k.startsWith(`${path}.`)) && answers.values[k] !== '') || (answers.rows[path] ?? 0) > 0;
}

window.addEventListener('message', (event: MessageEvent<FormInit | FormProblems>) => {
  const message = event.data;
  if (message.type === 'init') {
    init = message;
    lang = message.lang;
    answers = structuredClone(message.answers);
    problems = message.problems;
    checkedVersion = version;
    drawAll();
    (document.querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.querySelector<HTMLElement>('input, select, textarea'))?.focus();
  } else if (message.type === 'problems' && message.version === version) {
    problems = message.problems;
    checkedVersion = message.version;
    showProblems();
  }
});

// Ctrl+Enter (Cmd+Enter) renders from anywhere in the form once everything is valid
window.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
});

vscode.postMessage({ type: 'ready' });
