/** « 9 / 15 » and the renewal reminder: counts over a series' planned visits (DESIGN §7: counts, not columns). */
import { addDays } from '../domain/dates.ts';
import type { PlannedVisit, SeriesProgress } from './types.ts';

/** A reminder shows from a week before the last visit of the series. */
export const RENEWAL_NOTICE_DAYS = 7;

export function seriesProgress(
  visits: readonly Pick<PlannedVisit, 'status' | 'date' | 'invoiceId'>[],
  prescribed: { sessionsPrescribed: number | null; ruleCount: number | null },
  today: string,
): SeriesProgress {
  const live = visits.filter((v) => v.status === 'planned' || v.status === 'done');
  const done = visits.filter((v) => v.status === 'done');
  const billed = done.filter((v) => v.invoiceId !== null).length;
  const lastDate = live.reduce<string | null>((m, v) => (m === null || v.date > m ? v.date : m), null);
  return {
    used: done.length,
    prescribed: prescribed.sessionsPrescribed ?? prescribed.ruleCount ?? live.length,
    billed,
    doneUnbilled: done.length - billed,
    planned: visits.filter((v) => v.status === 'planned').length,
    lastDate,
    renewalDue: lastDate !== null && today <= lastDate && addDays(today, RENEWAL_NOTICE_DAYS) >= lastDate,
  };
}

/**
 * Kiné séance numbers of the series' visits: the done visits in time order are séances 1, 2, 3…
 * (a visit not done is no séance). Keyed by planned visit id.
 */
export function sessionNumbers(visits: readonly Pick<PlannedVisit, 'id' | 'status' | 'date' | 'doneTime'>[]): Map<number, number> {
  const done = visits
    .filter((v) => v.status === 'done')
    .sort((a, b) => a.date.localeCompare(b.date) || (a.doneTime ?? '').localeCompare(b.doneTime ?? '') || a.id - b.id);
  return new Map(done.map((v, i) => [v.id, i + 1]));
}
