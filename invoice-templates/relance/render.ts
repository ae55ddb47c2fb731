/**
 * The printed relance: a letter listing the invoices still unpaid, to the caisse or to the patient for their
 * share. Same header, table and footer as the bordereau d'envoi. Layout only.
 */
import type { RelanceModel } from './model.ts';
import { box, CONTENT_WIDTH, drawTitleBlock, PAGE, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { BOTTOM_LIMIT, drawFooters, renderPdf } from '../shared/pdf-document.ts';
import { drawTableHeader, drawTableRow, type Column } from '../shared/table.ts';
import { formatEuros, formatFrDate, formatNir } from '../shared/format-fr.ts';
import { drawSenderBox } from '../shared/sender.ts';

const ROW_HEIGHT = 16;
const CLOSING_HEIGHT = 130;

const CAISSE_COLUMNS: Column[] = [
  { title: 'N°', width: 28, align: 'right' },
  { title: 'Patient', width: 92, align: 'left' },
  { title: 'NIR / NIA', width: 106, align: 'left' },
  { title: 'Soins', width: 96, align: 'left' },
  { title: 'Envoyée', width: 134, align: 'left' },
  { title: 'Reste dû', width: CONTENT_WIDTH - 28 - 92 - 106 - 96 - 134, align: 'right' },
];

const PATIENT_COLUMNS: Column[] = [
  { title: 'Facture', width: 60, align: 'right' },
  { title: 'Soins', width: 150, align: 'left' },
  { title: 'Établie', width: 130, align: 'left' },
  { title: 'Montant total', width: 90, align: 'right' },
  { title: 'Reste dû', width: CONTENT_WIDTH - 60 - 150 - 130 - 90, align: 'right' },
];

function drawParties(doc: Doc, m: RelanceModel, top: number): number {
  const half = (CONTENT_WIDTH - 10) / 2;
  const h = 84;
  const x1 = PAGE.margin;
  const x2 = PAGE.margin + half + 10;
  const w = half - 12;
  drawSenderBox(doc, m.practitioner, x1, top, half, h);
  const y = box(doc, m.relance.addressee === 'caisse' ? "Destinataire — caisse d'assurance maladie" : 'Destinataire — patient', x2, top, half, h);
  textLine(doc, m.addressee.name, x2 + 6, y, w, { font: 'bold', size: 9.5 });
  m.addressee.lines.slice(0, 3).forEach((line, i) => textLine(doc, line, x2 + 6, y + 14 + 13 * i, w, { size: 9 }));
  return top + h + 14;
}

function drawBody(doc: Doc, m: RelanceModel, top: number): number {
  const n = m.invoices.length;
  const text =
    m.relance.addressee === 'caisse'
      ? `Madame, Monsieur,\n\nSauf erreur de notre part, ${n > 1 ? `les ${n} factures ci-dessous, envoyées` : 'la facture ci-dessous, envoyée'} sur feuille de soins papier en tiers payant, ${n > 1 ? 'restent' : 'reste'} impayée${n > 1 ? 's' : ''} à ce jour, pour un total de ${formatEuros(m.awaitedCents)}. Nous vous remercions de bien vouloir en procéder au règlement, ou de nous indiquer le motif qui s'y oppose.`
      : `Madame, Monsieur,\n\nSauf erreur de notre part, votre part des soins ci-dessous reste à régler, pour un total de ${formatEuros(m.awaitedCents)}. Nous vous remercions de bien vouloir la régler au cabinet ou par virement. Si vous l'avez déjà fait, merci de ne pas tenir compte de ce courrier.`;
  doc.font('regular').fontSize(9.5).fillColor('#1d2330');
  doc.text(text, PAGE.margin, top, { width: CONTENT_WIDTH, lineGap: 1.5 });
  return doc.y + 12;
}

function drawClosing(doc: Doc, m: RelanceModel, top: number): void {
  const x = PAGE.margin;
  doc.lineWidth(1).strokeColor('#1d2330').moveTo(x, top).lineTo(x + CONTENT_WIDTH, top).stroke();
  textLine(doc, `${m.invoices.length} facture${m.invoices.length > 1 ? 's' : ''}`, x + 5, top + 6, 200, { font: 'bold', size: 10 });
  textLine(doc, 'Total restant dû', x + CONTENT_WIDTH - 280, top + 6, 140, { size: 9, align: 'right' });
  textLine(doc, formatEuros(m.awaitedCents), x + CONTENT_WIDTH - 135, top + 6, 130, { font: 'bold', size: 10, align: 'right' });
  doc.font('regular').fontSize(9.5).fillColor('#1d2330');
  doc.text('Veuillez agréer, Madame, Monsieur, nos salutations distinguées.', x, top + 32, { width: CONTENT_WIDTH });
  const half = (CONTENT_WIDTH - 10) / 2;
  box(doc, 'Date et signature du praticien', x + half + 10, top + 52, half, 70);
}

function layout(doc: Doc, m: RelanceModel): void {
  const caisse = m.relance.addressee === 'caisse';
  let y = drawTitleBlock(doc, {
    title: caisse ? 'Relance — factures impayées' : 'Relance — reste à régler',
    subtitle: caisse ? 'Feuilles de soins papier envoyées en tiers payant (mode dégradé)' : 'Votre part des soins (non prise en charge en tiers payant)',
    number: `Relance n° ${m.relance.id}`,
    dateLine: `du ${formatFrDate(m.relance.sentOn)}`,
    duplicata: false,
    boxWidth: 170,
  });
  y = drawBody(doc, m, drawParties(doc, m, y));
  const columns = caisse ? CAISSE_COLUMNS : PATIENT_COLUMNS;
  y = drawTableHeader(doc, columns, y);
  for (const inv of m.invoices) {
    if (y + ROW_HEIGHT > BOTTOM_LIMIT) {
      doc.addPage();
      y = drawTableHeader(doc, columns, PAGE.margin);
    }
    const cells = caisse
      ? [String(inv.number), inv.patientName, formatNir(inv.nir), inv.period, inv.sentLine, formatEuros(inv.awaitedCents)]
      : [`n° ${inv.number}`, inv.period, inv.sentLine, formatEuros(inv.totalCents), formatEuros(inv.awaitedCents)];
    y = drawTableRow(doc, columns, cells, y, { height: ROW_HEIGHT, size: 8, bold: [columns.length - 1] });
  }
  if (y + 8 + CLOSING_HEIGHT > BOTTOM_LIMIT) {
    doc.addPage();
    y = PAGE.margin;
  }
  drawClosing(doc, m, y + 8);
}

export function renderRelance(model: RelanceModel, opts: { fontsDir: string }): Promise<Buffer> {
  const meta = {
    title: `Relance n° ${model.relance.id}`,
    author: `${model.practitioner.firstName} ${model.practitioner.lastName}`,
    createdAt: model.relance.createdAt,
  };
  return renderPdf(meta, opts.fontsDir, (doc) => {
    layout(doc, model);
    drawFooters(doc, model.notice);
  });
}
