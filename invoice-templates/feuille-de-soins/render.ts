/**
 * The printed A4 feuille de soins for auxiliaires médicaux (mode dégradé). Layout only: every value
 * comes from the model built by the backend. The official cerfa layout and number were not verified
 * (BILLING-RULES §3), so no cerfa number is printed.
 */
import type { FeuilleDeSoinsModel } from './model.ts';
import { CONTENT_WIDTH, PAGE, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { BOTTOM_LIMIT as bottomLimit, drawCancelledStamp, drawFooters, renderPdf } from '../shared/pdf-document.ts';
import { drawHeader, drawInsuredAndPrescription, drawPractitionerAndPatient } from './sections/identity.ts';
import { drawConditions, drawTotalsAndSignatures, TOTALS_HEIGHT } from './sections/billing.ts';
import { drawActRow, drawTableHeader, ROW_HEIGHT } from './sections/acts-table.ts';

function drawContinuationHeader(doc: Doc, m: FeuilleDeSoinsModel): number {
  const name = `${m.patient.lastName.toUpperCase()} ${m.patient.firstName}`;
  textLine(doc, `Feuille de soins — facture n° ${m.invoice.number} (suite) — ${name}`, PAGE.margin, PAGE.margin, CONTENT_WIDTH, { font: 'bold', size: 11 });
  return PAGE.margin + 24;
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

export function renderFeuilleDeSoins(model: FeuilleDeSoinsModel, opts: { fontsDir: string }): Promise<Buffer> {
  const meta = {
    title: `Feuille de soins — facture n° ${model.invoice.number}`,
    author: `${model.practitioner.firstName} ${model.practitioner.lastName}`,
    createdAt: model.invoice.validatedAt,
  };
  return renderPdf(meta, opts.fontsDir, (doc) => {
    layout(doc, model);
    if (model.invoice.status === 'cancelled') {
      drawCancelledStamp(doc, 'ANNULÉE', `Facture annulée — motif : ${model.invoice.cancelReason ?? ''}`);
    }
    drawFooters(doc, model.notice);
  });
}
