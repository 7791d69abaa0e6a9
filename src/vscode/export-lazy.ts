/**
 * The export code of the extension, bundled apart (dist/export.cjs) and loaded on the first export
 * or Word check: docx, mammoth, nodemailer's MIME builder and LibreOffice's driver stay out of activation. No `vscode` here.
 */
export { buildExportDocument } from '../core/export/model.js';
export { buildDocx } from '../core/export/docx.js';
export { emailContent } from '../core/export/email.js';
export { buildEml } from '../node/eml.js';
export { convertToPdf, findSoffice, PdfError, SOFFICE_MISSING } from '../node/pdf.js';
