/**
 * An accounts-receivable aging report as facts: the rows of an ERP export (CSV or a sheet of an
 * XLSX, read by the caller), one row per open invoice, gathered into one set of facts per debtor
 * by a small mapping file (column → fact path). Every problem names its row, column and fact.
 * Pure: `dunmark render --facts aging.csv --map map.json` reads the files.
 */
import { isIsoDate } from '../facts/facts.js';
import { schemaAt } from '../facts/schema.js';
import { isObject, mergeFacts, setPath } from '../drafting/facts.js';

/** A cell as the readers give it: text (CSV), or a number, a boolean or a date (XLSX). */
export type Cell = string | number | boolean | Date | null | undefined;

/** The mapping file (`--map map.json`). */
export interface AgingMap {
  /** Column header → fact path; `invoices.*.x` collects one invoice per row. */
  columns: Record<string, string>;
  /** The column whose value groups rows into one debtor, mapped or not (default: the column mapped to `debtor.name`). */
  key?: string;
  /** Facts every document gets (creditor, bank, goods, ...); a column overrides them. */
  facts?: Record<string, unknown>;
  /** How dates written as text are ordered: `YYYY-MM-DD` (default, also 2026/10/15), `MM/DD/YYYY` or `DD/MM/YYYY` (also with `.` or `-`). */
  dateFormat?: 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY';
  /** The sheet of an XLSX to read (default: the first). */
  sheet?: string;
}

/** A problem of one row: its 1-based row number in the file, the column and the fact. */
export interface AgingProblem {
  row: number;
  column: string | undefined;
  fact: string;
  message: string;
}

/** One debtor's facts and the rows they came from. */
export interface AgingGroup {
  key: string;
  /** 1-based row numbers in the file (the header is row 1). */
  rows: number[];
  facts: Record<string, unknown>;
  problems: AgingProblem[];
  /** Where each invoice came from: `invoices.N` → row. */
  invoiceRows: number[];
}

/** The mapping file checked: a one-line reason when it cannot be used. */
export function checkAgingMap(value: unknown): { ok: true; map: AgingMap } | { ok: false; reason: string } {
  if (!isObject(value)) return { ok: false, reason: 'expected a JSON object with `columns`' };
  if (!isObject(value.columns) || Object.keys(value.columns).length === 0)
    return { ok: false, reason: 'expected `columns`: an object of column header → fact path' };
  for (const [column, fact] of Object.entries(value.columns)) {
    if (typeof fact !== 'string' || !/^[a-z_][a-z0-9_]*(\.(\*|[a-z_][a-z0-9_]*))*$/.test(fact))
      return {
        ok: false,
        reason: `unexpected fact path \`${String(fact)}\` for column \`${column}\`, expected a dotted path such as debtor.name or invoices.*.amount`,
      };
    if (!schemaAt(fact.replace(/\.\*/g, '.0')))
      return {
        ok: false,
        reason: `unexpected fact \`${fact}\` for column \`${column}\`, expected a fact of the facts contract (see schemas/facts.schema.json)`,
      };
  }
  if (value.key !== undefined && (typeof value.key !== 'string' || value.key.trim() === ''))
    return { ok: false, reason: 'expected `key` to be the header of the column that tells debtors apart' };
  if (value.facts !== undefined && !isObject(value.facts)) return { ok: false, reason: 'expected `facts` to be an object of facts' };
  if (value.dateFormat !== undefined && !['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'].includes(String(value.dateFormat)))
    return { ok: false, reason: 'expected `dateFormat` to be YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY' };
  if (value.sheet !== undefined && typeof value.sheet !== 'string') return { ok: false, reason: 'expected `sheet` to be the name of a sheet' };
  return { ok: true, map: value as unknown as AgingMap };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A cell as an ISO date, or undefined. Excel serial numbers count too (days since 1899-12-30). */
function toDate(cell: Cell, format: AgingMap['dateFormat']): string | undefined {
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? undefined : `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  if (typeof cell === 'number' && cell > 20000 && cell < 80000 && Number.isInteger(cell))
    return toDate(new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000), format);
  if (typeof cell !== 'string') return undefined;
  const s = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  let iso: string | undefined;
  if (m) iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s)) && format && format !== 'YYYY-MM-DD') {
    const [month, day] = format === 'MM/DD/YYYY' ? [m[1], m[2]] : [m[2], m[1]];
    iso = `${m[3]}-${pad(Number(month))}-${pad(Number(day))}`;
  }
  return iso && isIsoDate(iso) ? iso : undefined;
}

/** A cell as a number: figures with thousands separators, a currency code or sign around them. */
function toNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  // a code before or after the figure, each stripped on its own (one pattern for both backtracks over spaces)
  const s = cell
    .trim()
    .replace(/^[A-Z]{3}/, '')
    .replace(/[A-Z]{3}$/, '')
    .trim()
    .replace(/^[$¥€£]\s*/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

function isBlank(cell: Cell): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A cell as the value of a fact, by the fact's type; undefined with a reason when it does not fit. */
function convert(cell: Cell, fact: string, format: AgingMap['dateFormat']): { value: unknown } | { reason: string } {
  const type = schemaAt(fact.replace(/\.\*/g, '.0'));
  switch (type?.type) {
    case 'number': {
      const n = toNumber(cell);
      return n === undefined || n < 0 ? { reason: `Unexpected \`${String(cell)}\`, expected an amount such as 18400.00` } : { value: n };
    }
    case 'date': {
      const d = toDate(cell, format);
      if (d) return { value: d };
      const hint =
        typeof cell === 'string' && /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(cell.trim()) && !format
          ? ' (set `dateFormat` in the mapping file: MM/DD/YYYY or DD/MM/YYYY)'
          : '';
      return { reason: `Unexpected \`${String(cell)}\`, expected a date such as 2026-10-15${hint}` };
    }
    case 'boolean':
      return typeof cell === 'boolean'
        ? { value: cell }
        : /^(true|yes|y|1)$/i.test(String(cell).trim())
          ? { value: true }
          : /^(false|no|n|0)$/i.test(String(cell).trim())
            ? { value: false }
            : { reason: `Unexpected \`${String(cell)}\`, expected yes or no` };
    default:
      return { value: cell instanceof Date ? toDate(cell, format) : String(cell).trim() };
  }
}

/** A name for a file or folder from a debtor's key: letters, digits and Chinese characters, hyphens between. */
export function slugOf(key: string, fallback: string): string {
  const slug = key
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9\u3400-\u9fff]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return slug || fallback;
}

/**
 * The facts of each debtor of an aging report: `rows[0]` is the header. Rows of the same key are
 * one debtor: each row adds an invoice (`invoices.*` columns), the other columns must agree (a date
 * takes the earliest), and `amount` is the sum of the invoices unless a column gives it. The
 * mapping's constant `facts` are under every debtor's. Blank rows are skipped.
 */
export function agingGroups(rows: readonly (readonly Cell[])[], map: AgingMap): { groups: AgingGroup[]; problems: AgingProblem[] } {
  const header = (rows[0] ?? []).map((c) => String(c ?? '').trim());
  const problems: AgingProblem[] = [];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  for (const column of Object.keys(map.columns)) {
    if (!index.has(column))
      problems.push({
        row: 1,
        column,
        fact: map.columns[column]!,
        message: `Unexpected header row without the column \`${column}\`, expected it (the mapping file maps it to \`${map.columns[column]!}\`)`,
      });
  }
  const keyColumn = map.key ?? Object.entries(map.columns).find(([, f]) => f === 'debtor.name')?.[0] ?? Object.keys(map.columns)[0]!;
  if (!index.has(keyColumn) && !problems.length)
    problems.push({
      row: 1,
      column: keyColumn,
      fact: 'key',
      message: `Unexpected header row without the column \`${keyColumn}\`, expected it (the mapping file's \`key\`)`,
    });
  if (problems.length) return { groups: [], problems };
  const groups = new Map<string, AgingGroup>();
  // in the order of the file's columns, so a row's problems read left to right
  const mapped = Object.entries(map.columns).sort((a, b) => index.get(a[0])! - index.get(b[0])!);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every(isBlank)) continue;
    const number = r + 1;
    const keyCell = row[index.get(keyColumn)!];
    const key = isBlank(keyCell) ? `row ${number}` : String(keyCell).trim();
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, rows: [], facts: {}, problems: [], invoiceRows: [] }));
    group.rows.push(number);
    const invoice: Record<string, unknown> = {};
    for (const [column, fact] of mapped) {
      const cell = row[index.get(column)!];
      if (isBlank(cell)) continue;
      const converted = convert(cell, fact, map.dateFormat);
      if ('reason' in converted) {
        group.problems.push({ row: number, column, fact: fact.replace('*', String(group.invoiceRows.length)), message: converted.reason });
        continue;
      }
      if (fact.startsWith('invoices.*.')) {
        invoice[fact.slice('invoices.*.'.length)] = converted.value;
        continue;
      }
      const before = fact.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), group.facts);
      if (before === undefined) setPath(group.facts, fact, converted.value);
      else if (before !== converted.value) {
        const type = schemaAt(fact)?.type;
        if (type === 'date' && typeof before === 'string' && typeof converted.value === 'string')
          setPath(group.facts, fact, before < converted.value ? before : converted.value);
        else
          group.problems.push({
            row: number,
            column,
            fact,
            message: `Unexpected \`${String(converted.value)}\` for \`${fact}\`, expected \`${String(before)}\` as in row ${group.rows[0]} of the same debtor`,
          });
      }
    }
    if (Object.keys(invoice).length) {
      const invoices = (group.facts.invoices as Record<string, unknown>[] | undefined) ?? [];
      invoices.push(invoice);
      group.facts.invoices = invoices;
      group.invoiceRows.push(number);
    }
  }
  const out: AgingGroup[] = [];
  for (const group of groups.values()) {
    const invoices = (group.facts.invoices as { amount?: unknown; date?: unknown; due_date?: unknown }[] | undefined) ?? [];
    const mapped = new Set(Object.values(map.columns));
    if (!mapped.has('amount') && invoices.length && invoices.every((i) => typeof i.amount === 'number')) {
      group.facts.amount = Math.round(invoices.reduce((t, i) => t + Math.round((i.amount as number) * 100), 0)) / 100;
    }
    group.facts = mergeFacts(map.facts ?? {}, group.facts);
    out.push(group);
  }
  return { groups: out, problems };
}

/** The row and column a problem at a fact path of a group's facts comes from (for render problems). */
export function whereInRows(group: AgingGroup, map: AgingMap, path: string): { row: number; column: string | undefined } {
  const m = /^invoices\.(\d+)\.(.+)$/.exec(path);
  if (m) {
    const column = Object.entries(map.columns).find(([, f]) => f === `invoices.*.${m[2]}`)?.[0];
    return { row: group.invoiceRows[Number(m[1])] ?? group.rows[0]!, column };
  }
  const column = Object.entries(map.columns).find(([, f]) => f === path || f.startsWith(`${path}.`) || path.startsWith(`${f}.`))?.[0];
  return { row: group.rows[0]!, column };
}
