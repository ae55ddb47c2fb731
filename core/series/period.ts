/** The periods « Facturer la semaine / le mois / la fin du traitement » bill (ISO dates, Monday-first weeks). */
import { addDays } from '../domain/dates.ts';
import { weekday } from '../cotation/holidays.ts';

export type PeriodKind = 'week' | 'month';

export function periodOf(kind: PeriodKind, date: string): { from: string; to: string } {
  if (kind === 'week') {
    const monday = addDays(date, -((weekday(date) + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  const first = `${date.slice(0, 7)}-01`;
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: first, to: addDays(next, -1) };
}

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
export const weekdayName = (date: string): string => DAYS[weekday(date)]!;
export const WEEKDAY_NAMES = DAYS;
