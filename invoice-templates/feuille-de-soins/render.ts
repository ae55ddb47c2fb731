/**
 * The printed A4 feuille de soins for auxiliaires médicaux (mode dégradé). Layout only: every value
 * comes from the model built by the backend. The official cerfa layout and number were not verified
 * (BILLING-RULES §3), so no cerfa number is printed.
 */
import PDFDocument from 'pdfkit';
import type { FeuilleDeSoinsModel } from './model.ts';
import { CONTENT_WIDTH, MUTED, PAGE, registerFonts, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { drawHeader, drawInsuredAndPrescription, drawPractitionerAndPatient } from './sections/identity.ts';
import { drawConditions, drawTotalsAndSignatures, TOTALS_HEIGHT } from './sections/billing.ts';
import { drawActRow, drawTableHeader, ROW_HEIGHT } from './sections/acts-table.ts';

/** Space kept at the bottom of each page for the footer. */
const FOOTER_SPACE = 46;
const bottomLimit = PAGE.height - PAGE.margin - FOOTER_SPACE;

function drawContinuationHeader(doc: Doc, m: FeuilleDeSoinsModel): number {
  const name = `${m.patient.lastName.toUpperCase()} ${m.patient.firstName}`;
  textLine(doc, `Feuille de soins — facture n° ${m.invoice.number} (suite) — ${name}`, PAGE.margin, PAGE.margin, CONTENT_WIDTH, { font: 'bold', size: 11 });
  return PAGE.margin + 24;
}

function drawFooters(doc: Doc, m: FeuilleDeSoinsModel): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = PAGE.height - PAGE.margin - 30;
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(m.notice, PAGE.margin, y, { width: CONTENT_WIDTH - 70, height: 30, lineGap: 0.5 });
    textLine(doc, `page ${i + 1}/${range.count}`, PAGE.width - PAGE.margin - 60, y, 60, { size: 8, align: 'right', color: MUTED });
  }
}

function drawCancelledStamp(doc: Doc, m: FeuilleDeSoinsModel): void {
  if (m.invoice.status !== 'cancelled') return;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.save();
    doc.rotate(-28, { origin: [PAGE.width / 2, PAGE.height / 2] });
    doc.font('bold').fontSize(64).fillColor('#b3261e').opacity(0.22);
    doc.text('ANNULÉE', 0, PAGE.height / 2 - 40, { width: PAGE.width, align: 'center', lineBreak: false });
    doc.restore();
    doc.opacity(1);
    textLine(doc, `Facture annulée — motif : ${m.invoice.cancelReason ?? ''}`, PAGE.margin, PAGE.margin + 36, CONTENT_WIDTH - 170, {
      font: 'bold',
      size: 9,
      color: '#b3261e',
    });
  }
}

function layout(doc: Doc, m: FeuilleDeSoinsModel): void {
  let y = drawHeader(doc, m);
  y = drawPractitionerAndPatient(doc, m, y);
  y = drawInsuredAndPrescription(doc, m, y);
  y = drawConditions(doc, m, y);
  y = drawTableHeader(doc, y + 4);
  m.lines.forEach((line) => {
    if (y + ROW_HEIGHT > bottomLimit) {
      doc.addPage();
      y = drawTableHeader(doc, drawContinuationHeader(doc, m));
    }
    y = drawActRow(doc, line, y);
  });
  if (y + 10 + TOTALS_HEIGHT > bottomLimit) {
    doc.addPage();
    y = drawContinuationHeader(doc, m);
  }
  drawTotalsAndSignatures(doc, m, y + 10);
}

export async function renderFeuilleDeSoins(model: FeuilleDeSoinsModel, opts: { fontsDir: string }): Promise<Buffer> {
  const created = new Date(model.invoice.validatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `Feuille de soins — facture n° ${model.invoice.number}`,
      Author: `${model.practitioner.firstName} ${model.practitioner.lastName}`,
      Creator: 'Feuillet',
      Producer: 'Feuillet',
      CreationDate: created,
      ModDate: created,
    },
    lang: 'fr-FR',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc, opts.fontsDir);
  layout(doc, model);
  drawCancelledStamp(doc, model);
  drawFooters(doc, model);
  doc.end();
  return done;
}
