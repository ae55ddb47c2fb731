/**
 * A care series (« pansement tous les 2 jours pendant 15 jours », « injection matin et soir, 10 jours »,
 * « 15 séances de rééducation ») expanded into planned visits (DESIGN §7: series → planned visits →
 * invoice visits). Pure: no clock, no I/O. Holidays come from core/cotation/holidays.ts (the same days as
 * the Sunday/holiday majoration).
 *
 * Rhythm: « tous les 2 jours » counts calendar days from the start (day 0, 2, 4…); a Sunday or a holiday
 * left out is skipped, never moved (the desk moves a visit by hand when the care must not wait). With a
 * number of séances, the series runs until that many visits are planned.
 */
import { addDays, daysBetween, formatFrDate, isValidIsoDate } from '../domain/dates.ts';
import { holidayOn, weekday } from '../cotation/holidays.ts';

export type Frequency =
  | { kind: 'daily' }
  | { kind: 'every-other-day' }
  /** 0 = Sunday … 6 = Saturday. */
  | { kind: 'weekdays'; days: readonly number[] };

export interface SeriesRule {
  frequency: Frequency;
  /** Planned hours of each day's visits, 'HH:MM', 1 to MAX_VISITS_PER_DAY. */
  times: readonly string[];
  start: string;
  /** Exactly one of `end` (inclusive) and `count` (séances: visits in all). */
  end: string | null;
  count: number | null;
  includeSundays: boolean;
  includeHolidays: boolean;
}

export interface PlannedSlot {
  date: string;
  time: string;
}

export type Expansion = { ok: true; slots: PlannedSlot[] } | { ok: false; field: string; message_fr: string };

/** More than 4 passages a day is not a nurse's round (and no NGAP cotation goes beyond 4 sittings a day). */
export const MAX_VISITS_PER_DAY = 4;
/** A series is renewed at most every year; a longer one is a typing error. */
export const MAX_SERIES_DAYS = 366;
export const MAX_SERIES_VISITS = MAX_SERIES_DAYS * MAX_VISITS_PER_DAY;

const TIME_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const fail = (field: string, message_fr: string): Expansion => ({ ok: false, field, message_fr });

/** Whether the rule visits on `date` (before Sundays/holidays are left out). */
function onRhythm(frequency: Frequency, start: string, date: string): boolean {
  if (frequency.kind === 'daily') return true;
  if (frequency.kind === 'every-other-day') return daysBetween(start, date) % 2 === 0;
  return frequency.days.includes(weekday(date));
}

/** The reason a day is left out of the series, or null when it is kept. */
export function dayLeftOut(rule: Pick<SeriesRule, 'includeSundays' | 'includeHolidays'>, date: string, postalCode: string): string | null {
  if (!rule.includeSundays && weekday(date) === 0) return 'dimanche';
  if (!rule.includeHolidays && holidayOn(date, postalCode)) return 'jour férié';
  return null;
}

/** Checks the rule, French message and field on the first problem. */
export function checkRule(rule: SeriesRule): { field: string; message_fr: string } | null {
  if (!isValidIsoDate(rule.start)) return { field: 'start', message_fr: 'Début des soins : date invalide.' };
  if (rule.times.length === 0) return { field: 'times', message_fr: 'Indiquez au moins une heure de passage.' };
  if (rule.times.length > MAX_VISITS_PER_DAY) {
    return { field: 'times', message_fr: `${rule.times.length} passages par jour : ${MAX_VISITS_PER_DAY} au maximum.` };
  }
  const bad = rule.times.find((t) => !TIME_RE.test(t));
  if (bad !== undefined) return { field: 'times', message_fr: `Heure « ${bad} » : au format hh:mm (par exemple 07:30).` };
  if (new Set(rule.times).size !== rule.times.length) return { field: 'times', message_fr: 'La même heure de passage est indiquée deux fois.' };
  if (rule.frequency.kind === 'weekdays') {
    if (rule.frequency.days.length === 0) return { field: 'frequency', message_fr: 'Choisissez au moins un jour de la semaine.' };
    if (rule.frequency.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) return { field: 'frequency', message_fr: 'Jour de la semaine invalide.' };
    if (!rule.includeSundays && rule.frequency.days.every((d) => d === 0)) {
      return { field: 'frequency', message_fr: 'Seul le dimanche est choisi, mais les dimanches sont exclus.' };
    }
  }
  if ((rule.end === null) === (rule.count === null)) {
    return { field: 'end', message_fr: 'Indiquez soit une date de fin, soit un nombre de séances.' };
  }
  if (rule.end !== null) {
    if (!isValidIsoDate(rule.end)) return { field: 'end', message_fr: 'Fin des soins : date invalide.' };
    if (rule.end < rule.start) {
      return { field: 'end', message_fr: `La fin des soins (${formatFrDate(rule.end)}) précède leur début (${formatFrDate(rule.start)}).` };
    }
    if (daysBetween(rule.start, rule.end) >= MAX_SERIES_DAYS) return { field: 'end', message_fr: 'Une série dure un an au plus : renouvelez-la ensuite.' };
  }
  if (rule.count !== null) {
    if (!Number.isInteger(rule.count) || rule.count < 1) return { field: 'count', message_fr: 'Nombre de séances : au moins 1.' };
    if (rule.count > MAX_SERIES_VISITS) return { field: 'count', message_fr: `Nombre de séances : ${MAX_SERIES_VISITS} au maximum.` };
  }
  return null;
}

/** The planned visits of a rule, in time order; `postalCode` is the office's (local holidays). */
export function expandSeries(rule: SeriesRule, postalCode: string): Expansion {
  const problem = checkRule(rule);
  if (problem) return fail(problem.field, problem.message_fr);
  const times = [...rule.times].sort();
  const slots: PlannedSlot[] = [];
  const lastDay = rule.end ?? addDays(rule.start, MAX_SERIES_DAYS - 1);
  for (let date = rule.start; date <= lastDay; date = addDays(date, 1)) {
    if (!onRhythm(rule.frequency, rule.start, date) || dayLeftOut(rule, date, postalCode)) continue;
    for (const time of times) {
      if (rule.count !== null && slots.length >= rule.count) return { ok: true, slots };
      slots.push({ date, time });
    }
  }
  if (rule.count !== null && slots.length < rule.count) {
    return fail('count', `${rule.count} séances ne tiennent pas dans une année avec ce rythme : réduisez le nombre ou changez la fréquence.`);
  }
  if (slots.length === 0) return fail('frequency', 'Aucune visite ne tombe dans cette période avec ce rythme.');
  return { ok: true, slots };
}
