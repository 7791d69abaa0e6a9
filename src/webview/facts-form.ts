/**
 * The facts form's page, inside a VS Code webview (desktop and web alike): it draws the form model
 * the extension sends, keeps what the person types, and asks the extension to check it. No Node
 * API, no framework, no network: DOM and `acquireVsCodeApi` only; colours come from the theme.
 *
 * Inputs are drawn once and never replaced while a person types: a check only changes messages,
 * notes and marks around them. A field says what is wrong once it has been left (or the button
 * pressed), and a fact the template needs is never inside the folded "more facts" section.
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
  /** Instance paths of the facts needed now (required, or made required by another answer). */
  required: string[];
  /** Instance paths of fields not asked with these answers (the letter would not print them). */
  hidden: string[];
  notes: Record<string, Bilingual>;
  lang: 'en' | 'zh';
  /** Where the result can go; the first is the default. */
  targets: { value: string; label: Bilingual }[];
  button: Bilingual;
  /** The checkbox that saves the facts typed to the case file, when the letter belongs to a case. */
  save?: { label: Bilingual; hint: Bilingual; checked: boolean };
}

/** The extension's answer to a change or a press of the button: what that version of the answers lacks. */
export interface FormProblems {
  type: 'problems';
  version: number;
  problems: FieldProblem[];
  required: string[];
  hidden: string[];
  /** What a field shows once left (`usa` → `US`, a date as the letter writes it). */
  normalised: Record<string, string>;
  notes: Record<string, Bilingual>;
  /** True when this answers a press of the button: every message is shown from now on. */
  submitted?: boolean;
}

/** What the page sends: its answers after every change, and the person's press of the button. */
export type FormMessage =
  | { type: 'ready' }
  | { type: 'change'; version: number; answers: FormAnswers }
  | { type: 'submit'; version: number; answers: FormAnswers; target: string; save: boolean };

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
  summary: { en: 'Before the letter can be made:', zh: '生成函件之前，请先处理：' },
  unprinted: { en: 'Not printed in this letter; kept in its facts.', zh: '本函正文不显示此项，仅保存在事实中。' },
} satisfies Record<string, Bilingual>;

const vscode = acquireVsCodeApi();
let init: FormInit | undefined;
let lang: 'en' | 'zh' = 'en';
let answers: FormAnswers = { values: {}, rows: {} };
let problems: FieldProblem[] = [];
let required = new Set<string>();
let hidden = new Set<string>();
let notes: Record<string, Bilingual> = {};
let normalised: Record<string, string> = {};
let version = 0;
let checkedVersion = -1;
let submitting = false;
/** The button was pressed while something was missing: every message shows from now on. */
let submitted = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Fields the person has left (or lists they changed): their messages show. */
const touched = new Set<string>();
/** Fields left before their check came back: their text is tidied (`usa` → `US`) when it does. */
const tidyWhenChecked = new Set<string>();

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

function controlAt(path: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  return document.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${CSS.escape(path)}"]`);
}

function changed(): void {
  version++;
  clearTimeout(timer);
  setStatus();
  timer = setTimeout(() => vscode.postMessage({ type: 'change', version, answers }), 120);
}

/** A star after a label, shown while the fact is needed. */
function star(path: string): HTMLElement {
  const mark = el('span', { class: 'required', title: t(STRINGS.required), 'data-required-for': path }, ' *');
  mark.hidden = !required.has(path);
  return mark;
}

function input(field: FormField, path: string): HTMLElement {
  const value = answers.values[path] ?? '';
  const common = {
    id: idOf(path),
    name: path,
    'data-path': path,
    'aria-describedby': `${idOf(path)}-d ${idOf(path)}-n ${idOf(path)}-m`,
  };
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
    // a date is a text field: the browser's date input writes dates in the browser's locale (mm/dd/yyyy),
    // while the letter writes them in its own language; the extension reads what is typed and shows it back
    const type = field.kind === 'email' ? 'email' : 'text';
    control = el('input', {
      ...common,
      type,
      autocomplete: 'off',
      spellcheck: 'false',
      ...(field.kind === 'number' || field.kind === 'integer' ? { inputmode: 'decimal' } : {}),
    });
    if (field.example) control.setAttribute('placeholder', `${t(STRINGS.example)} ${t(field.example)}`);
    if (field.suggestions?.length) {
      const list = el('datalist', { id: `${idOf(path)}-s` }, ...field.suggestions.map((s) => el('option', { value: s.value }, t(s.label))));
      control.setAttribute('list', list.id);
      extra.push(list);
    }
  }
  control.value = value;
  control.addEventListener('input', () => {
    answers.values[path] = control.value;
    changed();
  });
  if (control instanceof HTMLSelectElement) control.addEventListener('change', () => left(path));
  control.addEventListener('blur', () => left(path));
  const label = el('label', { for: common.id }, t(field.title), star(path));
  const help = el('div', { class: 'description', id: `${idOf(path)}-d` }, t(field.description), ...(field.unprinted ? [` ${t(STRINGS.unprinted)}`] : []));
  const note = el('div', { class: 'note', id: `${idOf(path)}-n`, 'data-note-for': path });
  const message = el('div', { class: 'message', id: `${idOf(path)}-m`, role: 'alert', 'data-message-for': path });
  return el('div', { class: `field field-${field.kind}`, 'data-node': path }, label, control, ...extra, note, help, message);
}

/** The person left a field: from now on it says what is wrong with it, and its text is tidied once checked. */
function left(path: string): void {
  touched.add(path);
  if (checkedVersion === version) tidy(path);
  else tidyWhenChecked.add(path);
  redrawMessages();
}

// A field is left when the person presses the mouse on something else (a button, "More facts"): a message
// appearing then would move what they are clicking before the button comes up, and the click would be
// lost. While a pointer is down, messages wait for it to come up (and for the click it makes).
let pointerDown = false;
let messagesWaiting = false;
function pointerReleased(): void {
  pointerDown = false;
  if (messagesWaiting) {
    messagesWaiting = false;
    setTimeout(showProblems, 0);
  }
}
document.addEventListener('pointerdown', () => (pointerDown = true), true);
// released over the page, or anywhere else (outside the webview, a drag the browser took over)
document.addEventListener('pointerup', pointerReleased, true);
document.addEventListener('pointercancel', pointerReleased, true);
window.addEventListener('blur', pointerReleased);

/** Shows the messages now, or once the pointer is up. */
function redrawMessages(): void {
  if (pointerDown) messagesWaiting = true;
  else showProblems();
}

/** Writes a field's value as the letter writes it (`usa` → `US`, `2026-12-04` → `4 December 2026`), unless the person is in it. */
function tidy(path: string): void {
  const control = controlAt(path);
  const shown = normalised[path];
  if (!control || shown === undefined || document.activeElement === control || control.value === shown) return;
  control.value = shown;
  // the same fact, written the way the form writes it: no new check needed
  answers.values[path] = shown;
}

function list(node: FormList, path: string): HTMLElement {
  const box = el('fieldset', { class: 'list', 'data-path': path, 'data-node': path });
  box.append(el('legend', {}, t(node.title), star(path)));
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
      touched.add(path);
      redraw(path);
      changed();
    });
    row.append(fields, remove);
    box.append(row);
  }
  const add = el('button', { type: 'button', class: 'secondary add', 'data-add': path }, `+ ${t(STRINGS.add)} ${t(node.itemTitle)}`);
  add.addEventListener('click', () => {
    answers.rows[path] = count + 1;
    touched.add(path);
    redraw(path, `${path}.${count}.`);
    changed();
  });
  box.append(add, el('div', { class: 'message', role: 'alert', 'data-message-for': path }));
  return box;
}

/** Removes row `i` of a list, moving the answers (and what was left) of the rows after it up by one. */
function removeRow(path: string, i: number): void {
  const count = answers.rows[path] ?? 0;
  const moved = (k: string): string | undefined => {
    if (!k.startsWith(`${path}.`)) return k;
    const rest = k.slice(path.length + 1);
    const n = Number(rest.slice(0, rest.indexOf('.')));
    return n < i ? k : n > i ? `${path}.${n - 1}${rest.slice(rest.indexOf('.'))}` : undefined;
  };
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers.values)) {
    const to = moved(k);
    if (to !== undefined) values[to] = v;
  }
  const left = [...touched].map(moved).filter((k): k is string => k !== undefined);
  touched.clear();
  for (const k of left) touched.add(k);
  answers.values = values;
  answers.rows[path] = Math.max(0, count - 1);
}

function draw(node: FormNode, prefix: string): HTMLElement {
  const path = instance(node, prefix);
  if (node.kind === 'list') return list(node, path);
  if (node.kind === 'group') {
    return el(
      'fieldset',
      { class: 'group', 'data-path': path, 'data-node': path },
      el('legend', {}, t(node.title), star(path)),
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

/** Whether a path's message is shown: after the button was pressed, or once the person has left that field (or changed that list). */
function shown(path: string): boolean {
  if (submitted || touched.has(path)) return true;
  // a group's message (a fact it lacks) once any of its fields was left
  const inside = `${path}.`;
  return !controlAt(path) && [...touched].some((p) => p.startsWith(inside));
}

/**
 * Puts every fact the template needs where it can be seen: a section that holds one is taken out of
 * the folded "more facts" (or, while the person is typing in it, the fold is opened instead).
 */
function reveal(): void {
  const more = document.querySelector<HTMLDetailsElement>('details.optional');
  if (!more) return;
  for (const section of Array.from(more.querySelectorAll<HTMLElement>(':scope > [data-node]'))) {
    const path = section.dataset.node ?? '';
    const needed =
      [...required].some((p) => p === path || p.startsWith(`${path}.`)) ||
      problems.some((p) => shown(p.path) && (p.path === path || p.path.startsWith(`${path}.`)));
    if (!needed) continue;
    if (section.contains(document.activeElement)) more.open = true;
    else more.before(section);
  }
  if (!more.querySelector(':scope > [data-node]')) more.hidden = true;
}

function showProblems(): void {
  const byPath = new Map(problems.map((p) => [p.path, p]));
  const placed = new Set<string>();
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('[data-message-for]'))) {
    const path = box.dataset.messageFor ?? '';
    const problem = byPath.get(path);
    if (problem) placed.add(path);
    const visible = !!problem && shown(path);
    box.textContent = visible ? t(problem.message) : '';
    controlAt(path)?.setAttribute('aria-invalid', visible ? 'true' : 'false');
  }
  for (const mark of Array.from(document.querySelectorAll<HTMLElement>('[data-required-for]'))) mark.hidden = !required.has(mark.dataset.requiredFor ?? '');
  for (const control of Array.from(document.querySelectorAll<HTMLElement>('[data-path][name]'))) {
    if (required.has(control.dataset.path ?? '')) control.setAttribute('aria-required', 'true');
    else control.removeAttribute('aria-required');
  }
  // a fact the letter would not print with these answers is not asked (a proposal once the debt is paid in full)
  for (const control of Array.from(document.querySelectorAll<HTMLElement>('.field > [data-path][name]'))) {
    const field = control.parentElement!;
    field.hidden = hidden.has(control.dataset.path ?? '') && !field.contains(document.activeElement);
  }
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('[data-note-for]'))) {
    const note = notes[box.dataset.noteFor ?? ''];
    box.textContent = note ? t(note) : '';
  }
  reveal();
  const unplaced = problems.filter((p) => !placed.has(p.path));
  const top = document.getElementById('top-message');
  // what belongs to no field (the rendering's own problems) is said once nothing else is wrong, or after the button
  if (top) top.textContent = submitted || unplaced.length === problems.length ? unplaced.map((p) => t(p.message)).join('\n') : '';
  drawSummary();
  setStatus();
}

/** After the button was pressed with something missing: a list at the top, each entry a link to its field. */
function drawSummary(): void {
  const box = document.getElementById('summary');
  if (!box) return;
  const fields = problems.filter((p) => p.path && document.querySelector(`[data-message-for="${CSS.escape(p.path)}"]`));
  box.hidden = !submitted || fields.length === 0;
  if (box.hidden) return box.replaceChildren();
  const items = fields.map((p) => {
    const link = el('a', { href: `#${idOf(p.path)}`, 'data-goes-to': p.path }, t(p.message));
    link.addEventListener('click', (e) => {
      e.preventDefault();
      goTo(p.path);
    });
    return el('li', {}, link);
  });
  box.replaceChildren(el('p', { class: 'summary-title' }, t(STRINGS.summary)), el('ul', {}, ...items));
}

/** Focuses the field of a path (a list's add button for a list), opening the fold it is in. */
function goTo(path: string): void {
  const target = controlAt(path) ?? document.querySelector<HTMLElement>(`[data-add="${CSS.escape(path)}"]`);
  const fold = target?.closest('details');
  if (fold) fold.open = true;
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}

function setStatus(): void {
  const button = document.getElementById('render') as HTMLButtonElement | null;
  const status = document.getElementById('status');
  const current = checkedVersion === version;
  // the button is always there to press: pressing it with something missing says what
  if (button) button.disabled = submitting;
  if (status)
    status.textContent = !current ? t(STRINGS.checking) : problems.length ? t(STRINGS.remaining).replace('{0}', String(problems.length)) : t(STRINGS.ready);
  document.body.dataset.valid = String(current && problems.length === 0);
  document.body.dataset.checking = String(!current);
}

function submit(): void {
  if (submitting) return;
  const target = (document.getElementById('target') as HTMLSelectElement | null)?.value ?? init?.targets[0]?.value ?? 'untitled';
  const save = (document.getElementById('save-case') as HTMLInputElement | null)?.checked ?? false;
  submitting = true;
  clearTimeout(timer);
  setStatus();
  vscode.postMessage({ type: 'submit', version, answers, target, save });
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
  // what the template needs, and what is already known, is in view; the rest is folded
  const inView = (n: FormNode): boolean => n.required || [...required].some((p) => p === n.path || p.startsWith(`${n.path}.`)) || hasAnswer(n.path);
  const first = init.nodes.filter(inView);
  const optional = init.nodes.filter((n) => !inView(n));
  const more = el('details', { class: 'optional' }, el('summary', {}, t(STRINGS.optional)), ...optional.map((n) => draw(n, '')));
  const targets = el('select', { id: 'target', 'aria-label': t(STRINGS.where) }, ...init.targets.map((o) => el('option', { value: o.value }, t(o.label))));
  const button = el('button', { type: 'submit', id: 'render', class: 'primary' }, t(init.button));
  const save = init.save
    ? [
        el(
          'label',
          { class: 'save', title: t(init.save.hint) },
          el('input', { type: 'checkbox', id: 'save-case', ...(init.save.checked ? { checked: '' } : {}) }),
          ` ${t(init.save.label)}`,
        ),
      ]
    : [];
  const form = el(
    'form',
    { novalidate: '' },
    el('div', { id: 'summary', class: 'summary', role: 'alert', tabindex: '-1', hidden: '' }),
    ...first.map((n) => draw(n, '')),
    ...(optional.length ? [more] : []),
    el('div', { id: 'top-message', class: 'message', role: 'alert' }),
    el('div', { class: 'actions' }, el('label', { for: 'target' }, t(STRINGS.where)), targets, ...save, button, el('span', { id: 'status', role: 'status' })),
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
    required = new Set(message.required);
    hidden = new Set(message.hidden);
    notes = message.notes;
    checkedVersion = version;
    drawAll();
    document.querySelector<HTMLElement>('input, select, textarea')?.focus();
  } else if (message.type === 'problems') {
    if (message.submitted) {
      submitting = false;
      submitted = true;
    }
    if (message.version !== version) return setStatus();
    problems = message.problems;
    required = new Set(message.required);
    hidden = new Set(message.hidden);
    normalised = message.normalised;
    notes = message.notes;
    checkedVersion = message.version;
    for (const path of tidyWhenChecked) tidy(path);
    tidyWhenChecked.clear();
    if (message.submitted) showProblems();
    else redrawMessages();
    if (message.submitted) {
      const summary = document.getElementById('summary');
      if (summary && !summary.hidden) summary.focus();
      else goTo(problems[0]?.path ?? '');
    }
  }
});

// VS Code hands Ctrl+A, Ctrl+Z and Ctrl+Y pressed in a webview to the workbench, whose Select All, Undo and
// Redo send the command back to the page a moment later: by then the person has typed on, and the late
// "select all" selects their first keystroke, which the next one replaces. In a text field the browser
// does these itself at once; the keys never leave the page.
document.addEventListener('keydown', (e) => {
  const field = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
  if (field && (e.ctrlKey || e.metaKey) && !e.altKey && ['a', 'z', 'y'].includes(e.key.toLowerCase())) e.stopPropagation();
});

// Ctrl+Enter (Cmd+Enter) presses the button from anywhere in the form
window.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
});

vscode.postMessage({ type: 'ready' });
