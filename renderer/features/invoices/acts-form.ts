import type { InvoiceLine } from '../../../core/domain/types.ts';
import { formatFrDate } from '../../../core/domain/dates.ts';
import { readFrDate } from '../../ui/dates.ts';

/** One act line as typed. */
export interface ActRow {
  key: number;
  actDate: string; // jj/mm/aaaa
  code: string;
  coefficient: string; // « 1,5 »
  quantity: string;
  /** 50 = second act of the sitting (NGAP art. 11B). */
  ratePercent: 100 | 50;
}

let nextKey = 1;
export const newActRow = (actDate = ''): ActRow => ({ key: nextKey++, actDate, code: '', coefficient: '1', quantity: '1', ratePercent: 100 });

export const lineToRow = (l: InvoiceLine): ActRow => ({
  key: nextKey++,
  actDate: formatFrDate(l.actDate),
  code: l.code,
  coefficient: String(l.coefficient / 100).replace('.', ','),
  quantity: String(l.quantity),
  ratePercent: l.ratePercent === 50 ? 50 : 100,
});

/** Typed rows → API lines. Unreadable values are passed so that the backend names the line and field. */
export function rowsToLines(rows: readonly ActRow[]) {
  return rows.map((r) => ({
    actDate: readFrDate(r.actDate) ?? r.actDate,
    code: r.code,
    coefficient: Number(r.coefficient.replace(',', '.')),
    quantity: Number(r.quantity),
    ratePercent: r.ratePercent,
  }));
}
