// `dunmark export --to eml`: the e-mail draft read back through a MIME parser nobody here wrote
// (mailparser): headers, both parts, the attachment, Chinese text byte for byte; and only what the
// letter states leaves (no case history, notes or approval record in any header or part).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { emailContent, emailSubject, emailText } from '../../src/core/export/email.js';
import { buildExportDocument } from '../../src/core/export/model.js';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';
import { readRepoFile } from './helpers.js';

// approvals are tested in approval.test.ts; here the letter needs none
const CONFIG = '{ "today": "2026-11-20", "rules": { "approval": "off" } }\n';
const BILINGUAL = readRepoFile('examples/letter-before-action-bilingual.md').replace(
  '  contact: Mr. Zhou Peng\n',
  '  contact: Mr. Zhou Peng\n  email: finance@lianhe.example\n',
);

/** A stand-in for LibreOffice: writes a small PDF where `soffice --convert-to pdf --outdir DIR` would. */
const FAKE_SOFFICE = `#!/bin/sh
out=.
while [ $# -gt 1 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  shift
done
mkdir -p "$out"
printf '%%PDF-1.4\\n%% a stand-in\\n%%%%EOF\\n' > "$out/letter.pdf"
`;

async function parse(file: string): Promise<ParsedMail> {
  return simpleParser(fs.readFileSync(file));
}

describe('e-mail export', () => {
  describe('the content', () => {
    it('the subject names the stage and the invoices in the letter languages', () => {
      const facts = buildExportDocument(BILINGUAL).facts;
      assert.equal(emailSubject(facts), 'Letter before action: invoice HVW-2026-1187 / 正式催告函：发票 HVW-2026-1187');
      assert.equal(emailSubject({ ...facts, language: 'zh-CN' }), '正式催告函：发票 HVW-2026-1187');
      assert.equal(
        emailSubject({ ...facts, language: 'en', stage: 'reminder', invoices: [{ number: 'A-1' }, { number: 'A-2' }] }),
        'Reminder: invoices A-1, A-2',
      );
      assert.equal(emailSubject({ kind: 'call-summary', language: 'en', contract: { reference: 'SC-9' } }), 'Call summary: contract SC-9');
    });

    it('the plain text keeps lists numbered, tables in columns and each half whole', () => {
      const text = emailText(
        buildExportDocument(
          '---\nlanguage: en\n---\n\nPlease pay:\n\n1. the invoice\n2. the interest\n\n| Invoice | Amount (USD) |\n| --- | ---: |\n| A-1 | 18,400.00 |\n| 发票二 | 52.00 |\n',
        ),
      );
      assert.equal(
        text,
        'Please pay:\n\n1. the invoice\n2. the interest\n\nInvoice  Amount (USD)\n-------  ------------\nA-1         18,400.00\n发票二          52.00\n',
      );
    });

    it('nothing but what the letter states: no case history, notes or approval record', () => {
      const withHistory = BILINGUAL.replace(/^approval:\n(?: {2}.*\n)+/m, '').replace(
        '---\n\n# Letter',
        'notes: internal - debtor is in trouble\npayments:\n  - date: 2026-11-01\n    amount: 100\n    reference: FT2630411778\nevents:\n  - date: 2026-11-02\n    type: call\n    note: promised to pay\napproval:\n  by: Dana Whitfield\n  at: 2026-11-20T10:00:00Z\n  digest: sha256:' +
          '0'.repeat(64) +
          '\n---\n\n# Letter',
      );
      const content = emailContent(buildExportDocument(withHistory));
      assert.equal(buildExportDocument(withHistory).facts.debtor?.email, 'finance@lianhe.example', 'the facts were read');
      const all = JSON.stringify(content);
      for (const secret of ['internal', 'FT2630411778', 'promised', 'sha256', 'digest']) assert.ok(!all.includes(secret), `\`${secret}\` left Dunmark`);
    });
  });

  describe('dunmark export --to eml (built binary, read back with mailparser)', function () {
    this.timeout(120_000);
    before(ensureBuilt);
    after(cleanup);

    it('writes an unsent draft: From, To, Subject, text and HTML parts; Chinese byte for byte', async () => {
      const dir = tempDir({ '.dunmarkrc.json': CONFIG, 'letter.md': BILINGUAL });
      const r = run(['export', 'letter.md', '--to', 'eml'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'wrote letter.eml\n');
      const raw = fs.readFileSync(path.join(dir, 'letter.eml'), 'latin1');
      assert.match(raw, /^X-Unsent: 1\r$/m, 'marked as a draft');
      assert.match(raw, /^MIME-Version: 1\.0\r$/m);
      assert.ok(
        raw.split('\r\n').every((line) => line.length <= 998),
        'no line over 998 octets (RFC 5322)',
      );
      assert.ok(/^[\x00-\x7f]*$/.test(raw), '7-bit clean: every non-ASCII byte encoded');

      const mail = await parse(path.join(dir, 'letter.eml'));
      assert.equal(mail.headers.get('x-unsent'), '1');
      assert.deepEqual(mail.from?.value, [{ address: 'ar@harborvalve.example', name: 'Dana Whitfield, Harbor Valve Works LLC' }]);
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      assert.deepEqual(to?.value, [{ address: 'finance@lianhe.example', name: 'Mr. Zhou Peng, 宁波联合实业有限公司' }]);
      assert.equal(mail.subject, 'Letter before action: invoice HVW-2026-1187 / 正式催告函：发票 HVW-2026-1187');
      assert.equal((mail.headers.get('content-type') as { value: string }).value, 'multipart/alternative');
      assert.equal(mail.headers.get('content-language'), 'en, zh-CN');

      const expected = emailContent(buildExportDocument(BILINGUAL));
      assert.equal(mail.text, expected.text, 'the plain-text part, byte for byte');
      assert.equal(mail.html, expected.html, 'the HTML part, byte for byte');
      const chinese = '根据销售合同 HVW-SC-2026-044，Harbor Valve Works LLC 已于2026年9月28日';
      assert.ok(mail.text?.includes(chinese), 'Chinese prose in the text part');
      assert.ok(mail.html && mail.html.includes('根据销售合同'), 'Chinese prose in the HTML part');
      assert.match(mail.html ?? '', /<div lang="en">[\s\S]*<hr[^>]*>[\s\S]*<div lang="zh-CN">/, 'the halves one after the other, each with its language');
      assert.equal(mail.attachments.length, 0);
    });

    it('--attach pdf attaches the letter as a PDF (multipart/mixed); --attach docx as Word', async () => {
      const dir = tempDir({ '.dunmarkrc.json': CONFIG, 'letter.md': BILINGUAL, soffice: FAKE_SOFFICE });
      fs.chmodSync(path.join(dir, 'soffice'), 0o755);
      let r = run(['export', 'letter.md', '--to', 'eml', '--attach', 'pdf'], dir, { DUNMARK_SOFFICE: path.join(dir, 'soffice') });
      assert.equal(r.status, 0, r.stderr);
      let mail = await parse(path.join(dir, 'letter.eml'));
      assert.equal((mail.headers.get('content-type') as { value: string }).value, 'multipart/mixed');
      assert.equal(mail.attachments.length, 1);
      assert.equal(mail.attachments[0]!.filename, 'letter.pdf');
      assert.equal(mail.attachments[0]!.contentType, 'application/pdf');
      assert.ok(mail.attachments[0]!.content.subarray(0, 5).equals(Buffer.from('%PDF-')));
      assert.ok(mail.text && mail.html, 'both parts stay');

      r = run(['export', 'letter.md', '--to', 'eml', '--attach', 'docx', '--out', 'word.eml'], dir);
      assert.equal(r.status, 0, r.stderr);
      mail = await parse(path.join(dir, 'word.eml'));
      assert.equal(mail.attachments[0]!.filename, 'letter.docx');
      assert.ok(mail.attachments[0]!.content.subarray(0, 2).equals(Buffer.from('PK')), 'a Word document (a zip)');
    });

    it('without LibreOffice, --attach pdf writes nothing and says what to install', () => {
      const dir = tempDir({ '.dunmarkrc.json': CONFIG, 'letter.md': BILINGUAL });
      const r = run(['export', 'letter.md', '--to', 'eml', '--attach', 'pdf'], dir, { DUNMARK_SOFFICE: path.join(dir, 'no-such-soffice') });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /needs LibreOffice/);
      assert.ok(!fs.existsSync(path.join(dir, 'letter.eml')));
    });

    it('the same pre-flight as every export: refused with errors or without the approval it needs', () => {
      const dir = tempDir({
        '.dunmarkrc.json': '{ "today": "2026-11-20" }\n',
        'letter.md': BILINGUAL.replace(/^approval:\n(?: {2}.*\n)+/m, ''),
        'faulty.md': BILINGUAL.replace('remains unpaid', 'remains unpaid, you thieves'),
      });
      let r = run(['export', 'letter.md', '--to', 'eml'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /waiting for a reviewer's approval/);
      r = run(['export', 'faulty.md', '--to', 'eml'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /not exported: \d+ errors?/);
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.endsWith('.eml')),
        [],
      );
    });

    it('says so when the facts give no address to write to', () => {
      const dir = tempDir({ '.dunmarkrc.json': CONFIG, 'letter.md': readRepoFile('examples/letter-before-action-bilingual.md') });
      const r = run(['export', 'letter.md', '--to', 'eml'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /no `debtor\.email` fact: the draft has no recipient \(To\)/);
    });

    it('--attach goes with --to eml only', () => {
      const dir = tempDir({ '.dunmarkrc.json': CONFIG, 'letter.md': BILINGUAL });
      const r = run(['export', 'letter.md', '--to', 'docx', '--attach', 'pdf'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--attach goes with --to eml/);
    });
  });
});
