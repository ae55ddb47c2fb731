/**
 * The printed A4 feuille de soins for auxiliaires médicaux (mode dégradé), plain-paper layout. Layout
 * only: every value comes from the model built by the backend. The official cerfa layout and number were
 * not verified (BILLING-RULES §3), so no cerfa number is printed.
 */
import type { FeuilleDeSoinsModel } from './model.ts';
import { CONTENT_WIDTH, PAGE, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { BOTTOM_LIMIT as bottomLimit, drawCancelledStamp, drawDuplicataStamp, drawFooters, renderPdf, type PageRange } from '../shared/pdf-document.ts';
import { drawHeader, drawInsuredAndPrescription, drawPractitionerAndPatient } from './sections/identity.ts';
import { drawCircumstances, drawConditions, drawTotalsAndSignatures, TOTALS_HEIGHT } from './sections/billing.ts';
import { drawActRow, drawTableHeader, ROW_HEIGHT } from './sections/acts-table.ts';

function drawContinuationHeader(doc: Doc, m: FeuilleDeSoinsModel): number {
  const name = `${m.patient.lastName.toUpperCase()} ${m.patient.firstName}`;
  const copy = m.invoice.duplicata ? ' — DUPLICATA' : '';
  textLine(doc, `Feuille de soins — facture n° ${m.invoice.number} (suite) — ${name}${copy}`, PAGE.margin, PAGE.margin, CONTENT_WIDTH, { font: 'bold', size: 11 });
  return PAGE.margin + 24;
}

function layout(doc: Doc, m: FeuilleDeSoinsModel): void {
  let y = drawHeader(doc, m);
  y = drawPractitionerAndPatient(doc, m, y);
  y = drawInsuredAndPrescription(doc, m, y);
  y = drawConditions(doc, m, y);
  y = drawCircumstances(doc, m, y);
  y = drawTableHeader(doc, y + 4);
  m.lines.forEach((line) => {
    if (y + ROW_HEIGHT > bottomLimit) {
      doc.addPage();
      y = drawTableHeader(doc, drawContinuationHeader(doc, m));
    }
    y = drawActRow(doc, line, y, m.prescription?.sessionsPrescribed);
  });
  if (y + 10 + TOTALS_HEIGHT > bottomLimit) {
    doc.addPage();
    y = drawContinuationHeader(doc, m);
  }
  drawTotalsAndSignatures(doc, m, y + 10);
}

/** Lays one feuille out from the current page on; returns its pages. */
export function layoutFeuille(doc: Doc, m: FeuilleDeSoinsModel): PageRange {
  const start = doc.bufferedPageRange().count - 1;
  layout(doc, m);
  return { start, count: doc.bufferedPageRange().count - start };
}

/** Stamps and footers go last, per feuille (« page n/N » counts the pages of that feuille only). */
export function finishFeuille(doc: Doc, m: FeuilleDeSoinsModel, range: PageRange): void {
  const cancelled = m.invoice.status === 'cancelled';
  if (cancelled) {
    drawCancelledStamp(doc, 'ANNULÉE', `Facture annulée — motif : ${m.invoice.cancelReason ?? ''}`, range);
  }
  if (m.invoice.duplicata) drawDuplicataStamp(doc, range, { high: cancelled });
  drawFooters(doc, m.notice, range);
}

export type FeuilleLayout = (doc: Doc, m: FeuilleDeSoinsModel) => PageRange;

/** Several feuilles in one PDF, each starting on a new page; fonts are parsed once for all of them. */
export function renderFeuilles(
  models: readonly FeuilleDeSoinsModel[],
  opts: { fontsDir: string; title?: string; createdAt?: string; layout?: FeuilleLayout; finish?: typeof finishFeuille },
): Promise<Buffer> {
  const first = models[0];
  if (!first) throw new Error('nothing to print');
  const meta = {
    title: opts.title ?? `Feuille de soins — facture n° ${first.invoice.number}`,
    author: `${first.practitioner.firstName} ${first.practitioner.lastName}`,
    createdAt: opts.createdAt ?? first.invoice.validatedAt,
  };
  const lay = opts.layout ?? layoutFeuille;
  const finish = opts.finish ?? finishFeuille;
  return renderPdf(meta, opts.fontsDir, (doc) => {
    const ranges = models.map((m, i) => {
      if (i > 0) doc.addPage();
      return lay(doc, m);
    });
    models.forEach((m, i) => finish(doc, m, ranges[i]!));
  });
}

export function renderFeuilleDeSoins(model: FeuilleDeSoinsModel, opts: { fontsDir: string }): Promise<Buffer> {
  return renderFeuilles([model], opts);
}
