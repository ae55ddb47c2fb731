/**
 * Bounds of what a desk can plausibly type, checked against the practice's today: a birth date is not in
 * the future nor more than 125 years ago; rights (coverages, AME) start at most 10 years ago and end at
 * most 5 years ahead (AME is granted for one year). Pure: `today` comes from the caller's clock.
 */
import { addMonths, formatFrDate, type IsoDate } from './dates.ts';

export const MAX_AGE_YEARS = 125;
export const RIGHTS_PAST_YEARS = 10;
export const RIGHTS_FUTURE_YEARS = 5;

export interface PlausibilityProblem {
  field: string;
  message_fr: string;
}

export function birthDateProblem(field: string, birthDate: IsoDate | null | undefined, today: IsoDate): PlausibilityProblem | null {
  if (!birthDate) return null;
  if (birthDate > today) return { field, message_fr: 'Date de naissance : elle ne peut pas être dans le futur.' };
  const oldest = addMonths(today, -12 * MAX_AGE_YEARS);
  if (birthDate < oldest) return { field, message_fr: `Date de naissance : antérieure au ${formatFrDate(oldest)}, elle n'est pas plausible.` };
  return null;
}

export function rightsProblem(startField: string, endField: string, startDate: IsoDate, endDate: IsoDate, today: IsoDate): PlausibilityProblem | null {
  const earliest = addMonths(today, -12 * RIGHTS_PAST_YEARS);
  const latest = addMonths(today, 12 * RIGHTS_FUTURE_YEARS);
  if (startDate < earliest) return { field: startField, message_fr: `Début des droits : antérieur au ${formatFrDate(earliest)}, il n'est pas plausible.` };
  if (startDate > latest) return { field: startField, message_fr: `Début des droits : postérieur au ${formatFrDate(latest)}, il n'est pas plausible.` };
  if (endDate > latest) return { field: endField, message_fr: `Fin des droits : postérieure au ${formatFrDate(latest)}, elle n'est pas plausible.` };
  return null;
}
