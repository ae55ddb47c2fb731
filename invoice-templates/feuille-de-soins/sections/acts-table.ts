import type { FeuilleDeSoinsModel } from '../model.ts';
import { CONTENT_WIDTH, FILL, LINE, PAGE, textLine, type Doc } from '../../shared/pdf-helpers.ts';
import { formatActCode, formatEuros, formatFrDate } from '../../shared/format-fr.ts';

export const ROW_HEIGHT = 17;
export const HEADER_HEIGHT = 18;

const COLUMNS = [
  { title: 'Date', width: 78, align: 'left' as const },
  { title: 'Acte (code et coefficient)', width: 150, align: 'left' as const },
  { title: 'Qté', width: 40, align: 'right' as const },
  { title: 'Valeur unitaire', width: 86, align: 'right' as const },
  { title: 'Montant', width: 86, align: 'right' as const },
  { title: 'Qualificatif', width: CONTENT_WIDTH - 78 - 150 - 40 - 86 - 86, align: 'center' as const },
];

export function drawTableHeader(doc: Doc, y: number): number {
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, HEADER_HEIGHT).fillColor(FILL).fill();
  let x = PAGE.margin;
  for (const c of COLUMNS) {
    textLine(doc, c.title, x + 5, y + 5, c.width - 10, { font: 'bold', size: 8.5, align: c.align });
    x += c.width;
  }
  doc.lineWidth(0.7).strokeColor(LINE).moveTo(PAGE.margin, y + HEADER_HEIGHT).lineTo(PAGE.margin + CONTENT_WIDTH, y + HEADER_HEIGHT).stroke();
  return y + HEADER_HEIGHT;
}

export function drawActRow(doc: Doc, line: FeuilleDeSoinsModel['lines'][number], y: number): number {
  const cells = [
    formatFrDate(line.actDate),
    formatActCode(line.code, line.coefficient),
    String(line.quantity),
    formatEuros(line.unitCents),
    formatEuros(line.amountCents),
    line.qualificatif ?? '',
  ];
  let x = PAGE.margin;
  COLUMNS.forEach((c, i) => {
    textLine(doc, cells[i]!, x + 5, y + 4.5, c.width - 10, { size: 9, align: c.align, font: i === 5 && cells[i] ? 'bold' : 'regular' });
    x += c.width;
  });
  doc.lineWidth(0.4).strokeColor('#c9ced6').moveTo(PAGE.margin, y + ROW_HEIGHT).lineTo(PAGE.margin + CONTENT_WIDTH, y + ROW_HEIGHT).stroke();
  return y + ROW_HEIGHT;
}
