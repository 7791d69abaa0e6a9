/**
 * The e-mail draft of a letter as an RFC 5322 message (`.eml`): UTF-8, multipart/alternative (plain
 * text and HTML) inside multipart/mixed when a file is attached, marked `X-Unsent: 1` so Outlook
 * opens it as a draft ready to send. The MIME is nodemailer's MailComposer (headers encoded per
 * RFC 2047, bodies quoted-printable or base64, lines folded); it never reads a file or a URL here.
 * Node only (Buffer, streams): the CLI's export chunk and the extension's export bundle load it.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailContent, Mailbox } from '../core/export/email.js';

/** A file attached to the e-mail. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

function address(m: Mailbox | undefined): { name: string; address: string } | undefined {
  return m ? { name: m.name, address: m.address } : undefined;
}

/** Builds the `.eml` bytes of an e-mail draft. */
export async function buildEml(content: EmailContent, attachments: readonly EmailAttachment[] = [], date: Date = new Date()): Promise<Uint8Array> {
  const from = address(content.from);
  const to = address(content.to);
  const composer = new MailComposer({
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    subject: content.subject,
    date,
    text: content.text,
    html: content.html,
    headers: { 'X-Unsent': '1', 'Content-Language': content.languages.join(', ') },
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const bytes = await composer.compile().build();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
