/**
 * The printed bordereau d'envoi: one page (or more) listing the paper feuilles de soins sent together
 * to one caisse, with the totals the caisse should pay. Layout only.
 */
import type { BordereauModel } from './model.ts';
import { box, CONTENT_WIDTH, drawTitleBlock, labelled, MUTED, PAGE, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { BOTTOM_LIMIT, drawCancelledStamp, drawFooters, renderPdf } from '../shared/pdf-document.ts';
import { drawTableHeader, drawTableRow, type Column } from '../shared/table.ts';
import { formatEuros, formatFrDate, formatFrTimestampDate, formatNir } from '../shared/format-fr.ts';
import { actPeriod } from '../../core/domain/follow-up.ts';
import { drawSenderBox } from '../shared/sender.ts';

const ROW_HEIGHT = 16;
const CLOSING_HEIGHT = 150;

const COLUMNS: Column[] = [
  { title: 'N°', width: 34, align: 'right' },
  { title: 'Patient', width: 108, align: 'left' },
  { title: 'NIR / NIA', width: 116, align: 'left' },
  { title: 'Soins', width: 100, align: 'left' },
  { title: 'AME', width: 34, align: 'center' },
  { title: 'Montant', width: 62, align: 'right' },
  { title: 'À payer', width: CONTENT_WIDTH - 34 - 108 - 116 - 100 - 34 - 62, align: 'right' },
];

function drawHeader(doc: Doc, m: BordereauModel): number {
  return drawTitleBlock(doc, {
    title: "Bordereau d'envoi à la caisse",
    subtitle: 'Feuilles de soins papier — mode dégradé (sans carte Vitale)',
    number: `Bordereau n° ${m.bordereau.number}`,
    dateLine: `envoyé le ${formatFrDate(m.bordereau.sentOn)}`,
    duplicata: m.bordereau.duplicata,
    boxWidth: 190,
  });
}

function drawParties(doc: Doc, m: BordereauModel, top: number): number {
  const half = (CONTENT_WIDTH - 10) / 2;
  const h = m.destination.addressee ? 96 : 80;
  const x1 = PAGE.margin;
  const x2 = PAGE.margin + half + 10;
  const w = half - 12;
  drawSenderBox(doc, m.practitioner, x1, top, half, h);
  let y = box(doc, 'Destinataire — caisse d\'assurance maladie', x2, top, half, h);
  const a = m.destination.addressee;
  if (a) {
    // The catalogue's addressee (Réglages → Caisses), then the codes.
    textLine(doc, a.name, x2 + 6, y, w, { font: 'bold', size: 9.5 });
    if (a.addressLine) textLine(doc, a.addressLine, x2 + 6, y + 13, w, { size: 9 });
    textLine(doc, `${a.postalCode} ${a.city}`, x2 + 6, y + (a.addressLine ? 25 : 13), w, { size: 9 });
    y += a.addressLine ? 39 : 27;
    labelled(doc, 'Régime / caisse', `${m.destination.regime} / ${m.destination.caisse}`, x2 + 6, y, w);
    y -= 14;
  } else {
    labelled(doc, 'Régime', m.destination.regime, x2 + 6, y, w);
  }
  if (!a) labelled(doc, 'Caisse', m.destination.caisse, x2 + 6, y + 14, w);
  labelled(doc, 'Factures AME de base', `${m.totals.ameCount} sur ${m.totals.count}`, x2 + 6, y + 27, w);
  if (m.totals.ameCount > 0) {
    textLine(doc, 'AME : organisme complémentaire 0075500017', x2 + 6, y + 40, w, { size: 8, color: MUTED });
  }
  return top + h + 10;
}

function drawContinuationHeader(doc: Doc, m: BordereauModel): number {
  textLine(doc, `Bordereau n° ${m.bordereau.number} (suite) — envoyé le ${formatFrDate(m.bordereau.sentOn)}`, PAGE.margin, PAGE.margin, CONTENT_WIDTH, {
    font: 'bold',
    size: 11,
  });
  return PAGE.margin + 24;
}

function drawClosing(doc: Doc, m: BordereauModel, top: number): void {
  const x = PAGE.margin;
  doc.lineWidth(1).strokeColor('#1d2330').moveTo(x, top).lineTo(x + CONTENT_WIDTH, top).stroke();
  const t = m.totals;
  textLine(doc, `${t.count} facture${t.count > 1 ? 's' : ''}`, x + 5, top + 6, 200, { font: 'bold', size: 10 });
  textLine(doc, 'Montant total', x + CONTENT_WIDTH - 250, top + 6, 110, { size: 9, color: MUTED, align: 'right' });
  textLine(doc, formatEuros(t.totalCents), x + CONTENT_WIDTH - 135, top + 6, 130, { font: 'bold', size: 10, align: 'right' });
  textLine(doc, 'À payer par la caisse (tiers payant)', x + CONTENT_WIDTH - 330, top + 22, 190, { size: 9, color: MUTED, align: 'right' });
  textLine(doc, formatEuros(t.expectedCents), x + CONTENT_WIDTH - 135, top + 22, 130, { font: 'bold', size: 10, align: 'right' });

  const half = (CONTENT_WIDTH - 10) / 2;
  const y = top + 46;
  const inner = box(doc, 'Pièces jointes', x, y, half, 92);
  doc.font('regular').fontSize(8.5).fillColor('#1d2330');
  doc.text(
    `${t.count} feuille${t.count > 1 ? 's' : ''} de soins papier, signée${t.count > 1 ? 's' : ''} par les patients, et les prescriptions médicales correspondantes (copie).`,
    x + 6,
    inner,
    { width: half - 12, height: 60 },
  );
  box(doc, 'Date et signature du praticien', x + half + 10, y, half, 92);
}

function layout(doc: Doc, m: BordereauModel): void {
  let y = drawParties(doc, m, drawHeader(doc, m));
  y = drawTableHeader(doc, COLUMNS, y);
  for (const inv of m.invoices) {
    if (y + ROW_HEIGHT > BOTTOM_LIMIT) {
      doc.addPage();
      y = drawTableHeader(doc, COLUMNS, drawContinuationHeader(doc, m));
    }
    const cells = [
      String(inv.number),
      inv.patientName,
      formatNir(inv.nir),
      actPeriod(inv.firstActDate, inv.lastActDate),
      inv.ame ? 'oui' : '',
      formatEuros(inv.totalCents),
      formatEuros(inv.expectedCents),
    ];
    y = drawTableRow(doc, COLUMNS, cells, y, { height: ROW_HEIGHT, size: 8, bold: [6] });
  }
  if (y + 8 + CLOSING_HEIGHT > BOTTOM_LIMIT) {
    doc.addPage();
    y = drawContinuationHeader(doc, m);
  }
  drawClosing(doc, m, y + 8);
}

export function renderBordereau(model: BordereauModel, opts: { fontsDir: string }): Promise<Buffer> {
  const meta = {
    title: `Bordereau d'envoi n° ${model.bordereau.number}`,
    author: `${model.practitioner.firstName} ${model.practitioner.lastName}`,
    createdAt: model.bordereau.createdAt,
  };
  return renderPdf(meta, opts.fontsDir, (doc) => {
    layout(doc, model);
    const cancelled = model.bordereau.cancelled;
    if (cancelled) {
      drawCancelledStamp(doc, 'ANNULÉ', `Bordereau annulé le ${formatFrTimestampDate(cancelled.at)} — motif : ${cancelled.reason}`);
    }
    drawFooters(doc, model.notice);
  });
}
