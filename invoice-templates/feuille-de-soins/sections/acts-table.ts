import type { FeuilleDeSoinsModel } from '../model.ts';
import { CONTENT_WIDTH, type Doc } from '../../shared/pdf-helpers.ts';
import { drawTableHeader as drawHeader, drawTableRow, type Column } from '../../shared/table.ts';
import { formatEuros, formatFrDate } from '../../shared/format-fr.ts';
import { lineColumns } from '../../../core/domain/acts.ts';

export const ROW_HEIGHT = 17;

const COLUMNS: Column[] = [
  { title: 'Date', width: 78, align: 'left' },
  { title: 'Acte (code, coef.)', width: 116, align: 'left' },
  { title: 'Séance', width: 48, align: 'center' },
  { title: 'Qté', width: 54, align: 'right' },
  { title: 'Valeur unitaire', width: 84, align: 'right' },
  { title: 'Montant', width: 80, align: 'right' },
  { title: 'Qualificatif', width: CONTENT_WIDTH - 78 - 136 - 48 - 34 - 84 - 80, align: 'center' },
];

export const drawTableHeader = (doc: Doc, y: number): number => drawHeader(doc, COLUMNS, y);

/** « n° 3 », or « 3 / 10 » when the prescription says how many sessions. */
export const sessionOnPaper = (session: number | null, prescribed: number | null | undefined): string =>
  session === null ? '' : prescribed ? `${session} / ${prescribed}` : `n° ${session}`;

export function drawActRow(doc: Doc, line: FeuilleDeSoinsModel['lines'][number], y: number, sessionsPrescribed?: number | null): number {
  const written = lineColumns(line);
  const cells = [
    formatFrDate(line.actDate),
    written.act,
    sessionOnPaper(line.sessionNumber, sessionsPrescribed),
    written.quantity,
    written.unit,
    formatEuros(line.amountCents),
    line.qualificatif ?? '',
  ];
  return drawTableRow(doc, COLUMNS, cells, y, { height: ROW_HEIGHT, bold: [6] });
}
