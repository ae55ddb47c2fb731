import type { FeuilleDeSoinsModel } from '../model.ts';
import { CONTENT_WIDTH, type Doc } from '../../shared/pdf-helpers.ts';
import { drawTableHeader as drawHeader, drawTableRow, type Column } from '../../shared/table.ts';
import { formatActCode, formatEuros, formatFrDate } from '../../shared/format-fr.ts';

export const ROW_HEIGHT = 17;

const COLUMNS: Column[] = [
  { title: 'Date', width: 78, align: 'left' },
  { title: 'Acte (code et coefficient)', width: 150, align: 'left' },
  { title: 'Qté', width: 40, align: 'right' },
  { title: 'Valeur unitaire', width: 86, align: 'right' },
  { title: 'Montant', width: 86, align: 'right' },
  { title: 'Qualificatif', width: CONTENT_WIDTH - 78 - 150 - 40 - 86 - 86, align: 'center' },
];

export const drawTableHeader = (doc: Doc, y: number): number => drawHeader(doc, COLUMNS, y);

export function drawActRow(doc: Doc, line: FeuilleDeSoinsModel['lines'][number], y: number): number {
  const cells = [
    formatFrDate(line.actDate),
    `${formatActCode(line.code, line.coefficient)}${line.ratePercent === 50 ? '/2' : ''}`,
    String(line.quantity),
    formatEuros(line.unitCents),
    formatEuros(line.amountCents),
    line.qualificatif ?? '',
  ];
  return drawTableRow(doc, COLUMNS, cells, y, { height: ROW_HEIGHT, bold: [5] });
}
