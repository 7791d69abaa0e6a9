/**
 * A letter as an e-mail: the subject (stage and reference, in the letter's languages), the sender
 * and the recipient (the creditor's and the debtor's e-mail facts), a plain-text part and an HTML
 * part that keeps the bilingual layout (the halves one after the other, or side by side). Only what
 * the letter states goes in: never the case history, notes or the approval record. Pure; the MIME
 * message itself is built in src/node/eml.ts.
 */
import { STAGE_LABELS, KIND_LABELS } from '../facts/schema.js';
import type { Facts } from '../facts/facts.js';
import type { Align, ExportBlock, ExportDocument, Inline } from './model.js';

/** A mailbox: a display name and an address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** What the e-mail says, before it is a MIME message. */
export interface EmailContent {
  subject: string;
  from: Mailbox | undefined;
  to: Mailbox | undefined;
  text: string;
  html: string;
  /** The languages of the letter as BCP 47 tags, for `Content-Language`. */
  languages: string[];
}

/** How the halves of a bilingual letter are laid out in the HTML part. */
export interface EmailOptions {
  layout?: 'sequence' | 'columns';
  fonts?: { latin?: string; eastAsian?: string };
}

type Lang = 'en' | 'zh' | 'both';

function letterLanguage(facts: Facts): Lang {
  const l = facts.language;
  return l === 'en+zh-CN' ? 'both' : l === 'zh-CN' || l === 'zh-TW' || l === 'zh-HK' ? 'zh' : 'en';
}

// the characters an address written as a fact never holds (display names, comments, lists, spaces)
const NOT_IN_ADDRESS = /[\s<>(),;:"[\]]/;

/** True for `local@domain.tld` as an address fact is written (no display name, no comments, no spaces). */
function isAddress(a: string): boolean {
  const at = a.indexOf('@');
  if (at <= 0 || at !== a.lastIndexOf('@') || NOT_IN_ADDRESS.test(a)) return false;
  const domain = a.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1;
}

function mailbox(name: string | undefined, address: string | undefined): Mailbox | undefined {
  const a = address?.trim();
  if (!a || !isAddress(a)) return undefined;
  return { name: (name ?? '').trim(), address: a };
}

/** The subject: what the letter is (its stage, or kind) and what it is about (invoices, else the contract), in its languages. */
export function emailSubject(facts: Facts): string {
  const lang = letterLanguage(facts);
  const what: readonly [string, string] | undefined =
    (typeof facts.stage === 'string' ? (STAGE_LABELS as Record<string, readonly [string, string]>)[facts.stage] : undefined) ??
    (typeof facts.kind === 'string' ? (KIND_LABELS as Record<string, readonly [string, string]>)[facts.kind] : undefined);
  const invoices = (facts.invoices ?? []).map((i) => i.number).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  const contract = facts.contract?.reference;
  let reference: { en: string; zh: string } | undefined;
  if (invoices.length) reference = { en: `${invoices.length > 1 ? 'invoices' : 'invoice'} ${invoices.join(', ')}`, zh: `发票 ${invoices.join('、')}` };
  else if (contract) reference = { en: `contract ${contract}`, zh: `合同 ${contract}` };
  const en = [what?.[0], reference && (what ? reference.en : reference.en.replace(/^./, (c) => c.toUpperCase()))].filter(Boolean).join(': ');
  const zh = [what?.[1], reference?.zh].filter(Boolean).join('：');
  if (lang === 'zh') return zh;
  if (lang === 'both') return en && zh ? `${en} / ${zh}` : en || zh;
  return en;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface HtmlCtx {
  chineseTag: string;
  latin: string;
  eastAsian: string;
}

function inlineHtml(inlines: readonly Inline[], ctx: HtmlCtx): string {
  return inlines
    .map((x) => {
      if (x.type === 'break') return '<br>';
      let html = escapeHtml(x.text);
      if (x.code) html = `<code>${html}</code>`;
      if (x.italic) html = `<em>${html}</em>`;
      if (x.bold) html = `<strong>${html}</strong>`;
      return x.script === 'cjk' ? `<span lang="${ctx.chineseTag}" style="font-family:${ctx.eastAsian}">${html}</span>` : html;
    })
    .join('');
}

const P = 'margin:0 0 12px 0';

function alignStyle(align: Align | undefined): string {
  return align === 'right' || align === 'center' ? `;text-align:${align}` : '';
}

function blocksHtml(blocks: readonly ExportBlock[], ctx: HtmlCtx): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'heading': {
          const size = block.depth === 1 ? 20 : block.depth === 2 ? 17 : 15;
          return `<h${block.depth} style="margin:16px 0 8px 0;font-size:${size}px">${inlineHtml(block.inlines, ctx)}</h${block.depth}>`;
        }
        case 'paragraph':
          return `<p style="${P}">${inlineHtml(block.inlines, ctx)}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
          const items = block.items.map((item) => `<li>${blocksHtml(item, ctx).replace(new RegExp(`<p style="${P}">`, 'g'), '<p style="margin:0">')}</li>`);
          return `<${tag}${start} style="${P};padding-left:24px">${items.join('')}</${tag}>`;
        }
        case 'table': {
          const rows = block.rows.map((row, r) => {
            const tag = r === 0 ? 'th' : 'td';
            const cells = row.map(
              (cell, c) =>
                `<${tag} style="border:1px solid #c8c8c8;padding:4px 8px${r === 0 ? ';background:#f2f2f2;text-align:left' : ''}${alignStyle(block.align[c])}">${inlineHtml(cell, ctx)}</${tag}>`,
            );
            return `<tr>${cells.join('')}</tr>`;
          });
          return `<table style="border-collapse:collapse;${P}">${rows.join('')}</table>`;
        }
        case 'quote':
          return `<blockquote style="${P};padding-left:12px;border-left:3px solid #c8c8c8;color:#444">${blocksHtml(block.children, ctx)}</blockquote>`;
        case 'code':
          return `<pre style="${P};font-family:Consolas,'Courier New',monospace">${escapeHtml(block.lines.join('\n'))}</pre>`;
        case 'rule':
          return '<hr style="border:0;border-top:1px solid #a0a0a0;margin:16px 0">';
      }
      return '';
    })
    .join('\n');
}

function section(blocks: readonly ExportBlock[], lang: string, ctx: HtmlCtx): string {
  return `<div lang="${lang}">\n${blocksHtml(blocks, ctx)}\n</div>`;
}

/** The HTML part: a whole document, styles inline (mail clients drop style sheets), each half tagged with its language. */
export function emailHtml(doc: ExportDocument, options: EmailOptions = {}): string {
  const eastAsianDefault =
    doc.chineseTag === 'zh-CN'
      ? "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',SimSun,sans-serif"
      : "'Microsoft JhengHei','PingFang TC','Noto Sans CJK TC',PMingLiU,sans-serif";
  const quote = (font: string): string => `'${font.replace(/['"\\;<>]/g, '')}'`;
  const ctx: HtmlCtx = {
    chineseTag: doc.chineseTag,
    latin: options.fonts?.latin ? `${quote(options.fonts.latin)},Calibri,Arial,sans-serif` : 'Calibri,Arial,sans-serif',
    eastAsian: options.fonts?.eastAsian ? `${quote(options.fonts.eastAsian)},${eastAsianDefault}` : eastAsianDefault,
  };
  const lang = letterLanguage(doc.facts);
  const main = lang === 'zh' ? doc.chineseTag : 'en';
  const halves = doc.halves;
  let body: string;
  if (!halves) body = section(doc.blocks, main, ctx);
  else {
    const tag = (l: 'en' | 'zh'): string => (l === 'zh' ? doc.chineseTag : 'en');
    const firstTag = tag(halves.firstLanguage);
    const secondTag = tag(halves.firstLanguage === 'en' ? 'zh' : 'en');
    const parts = [halves.before.length ? blocksHtml(halves.before, ctx) : ''];
    if (options.layout === 'columns') {
      parts.push(
        `<table role="presentation" style="border-collapse:collapse;width:100%"><tr>` +
          `<td lang="${firstTag}" style="vertical-align:top;width:50%;padding:0 12px 0 0">${blocksHtml(halves.first, ctx)}</td>` +
          `<td lang="${secondTag}" style="vertical-align:top;width:50%;padding:0 0 0 12px;border-left:1px solid #d0d0d0">${blocksHtml(halves.second, ctx)}</td>` +
          `</tr></table>`,
      );
    } else {
      parts.push(
        section(halves.first, firstTag, ctx),
        '<hr style="border:0;border-top:1px solid #a0a0a0;margin:16px 0">',
        section(halves.second, secondTag, ctx),
      );
    }
    if (halves.after.length) parts.push(blocksHtml(halves.after, ctx));
    body = parts.filter(Boolean).join('\n');
  }
  const title = escapeHtml(emailSubject(doc.facts));
  return `<!DOCTYPE html>
<html lang="${main}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body style="margin:0;padding:16px;font-family:${ctx.latin};font-size:14px;line-height:1.5;color:#1a1a1a">
<div style="max-width:${options.layout === 'columns' && halves ? 1000 : 680}px">
${body}
</div>
</body>
</html>
`;
}

/** How many columns a string takes in a fixed-width font (Chinese and full-width characters take two). */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((x) => (x.type === 'break' ? '\n' : x.text)).join('');
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

function blocksText(blocks: readonly ExportBlock[]): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'heading':
          return inlineText(block.inlines);
        case 'paragraph':
          return inlineText(block.inlines);
        case 'list':
          return block.items
            .map((item, i) => {
              const marker = block.ordered ? `${block.start + i}. ` : '- ';
              return indent(blocksText(item), marker, ' '.repeat(marker.length));
            })
            .join('\n');
        case 'table': {
          const cells = block.rows.map((row) => row.map((c) => inlineText(c).replace(/\n/g, ' ')));
          const columns = Math.max(0, ...cells.map((r) => r.length));
          const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...cells.map((r) => displayWidth(r[c] ?? ''))));
          const pad = (s: string, c: number): string => {
            const room = ' '.repeat(Math.max(0, widths[c]! - displayWidth(s)));
            return block.align[c] === 'right' ? room + s : s + room;
          };
          const lines = cells.map((r) =>
            Array.from({ length: columns }, (_, c) => pad(r[c] ?? '', c))
              .join('  ')
              .trimEnd(),
          );
          if (lines.length > 1) lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
          return lines.join('\n');
        }
        case 'quote':
          return indent(blocksText(block.children), '> ', '> ');
        case 'code':
          return indent(block.lines.join('\n'), '    ', '    ');
        case 'rule':
          return '----------';
      }
      return '';
    })
    .filter((s) => s !== '')
    .join('\n\n');
}

/** The plain-text part: the letter's blocks as text (lists numbered, tables in columns), the halves one after the other. */
export function emailText(doc: ExportDocument): string {
  const halves = doc.halves;
  const text = halves
    ? [blocksText(halves.before), blocksText(halves.first), '----------', blocksText(halves.second), blocksText(halves.after)].filter(Boolean).join('\n\n')
    : blocksText(doc.blocks);
  return `${text}\n`;
}

/** Everything the e-mail says, from the letter's export document. */
export function emailContent(doc: ExportDocument, options: EmailOptions = {}): EmailContent {
  const { facts } = doc;
  const lang = letterLanguage(facts);
  const creditor = facts.creditor;
  const debtor = facts.debtor;
  // the debtor's own address; else the address the letter is dispatched to by e-mail
  const dispatch = facts.dispatch;
  const toAddress = debtor?.email ?? (dispatch?.method === 'email' ? dispatch.to : undefined);
  return {
    subject: emailSubject(facts),
    from: mailbox(creditor?.contact ? `${creditor.contact}${creditor.name ? `, ${creditor.name}` : ''}` : creditor?.name, creditor?.email),
    to: mailbox(debtor?.contact ? `${debtor.contact}${debtor.name ? `, ${debtor.name}` : ''}` : debtor?.name, toAddress),
    text: emailText(doc),
    html: emailHtml(doc, options),
    languages: lang === 'both' ? ['en', doc.chineseTag] : lang === 'zh' ? [doc.chineseTag] : ['en'],
  };
}
