import type { CoverageState } from './types.ts';
import { addMonths } from './dates.ts';

/**
 * State of a coverage on `today`, as shown on the Complémentaire tab:
 * future (not started), expirée (ended before today), expire bientôt (ends within two months —
 * the renewal should be filed two months before expiry, circulaire 2005), en cours otherwise.
 */
export function coverageState(startDate: string, endDate: string, today: string): CoverageState {
  if (today < startDate) return 'future';
  if (today > endDate) return 'expiree';
  if (endDate < addMonths(today, 2)) return 'expire-bientot';
  return 'en-cours';
}

export const coverageStateLabel: Record<CoverageState, string> = {
  'en-cours': 'En cours',
  'expire-bientot': 'Expire dans moins de 2 mois',
  expiree: 'Expirée',
  future: 'Future',
};

/**
 * Of several coverages, the one that matters today: the one in force, else the next future one,
 * else the most recently ended. Used for the badge in the patient list.
 */
export function mostRelevantCoverage<T extends { startDate: string; endDate: string }>(
  coverages: readonly T[],
  today: string,
): T | null {
  const current = coverages.filter((c) => c.startDate <= today && today <= c.endDate);
  if (current.length > 0) return current.reduce((a, b) => (b.endDate > a.endDate ? b : a));
  const future = coverages.filter((c) => c.startDate > today);
  if (future.length > 0) return future.reduce((a, b) => (b.startDate < a.startDate ? b : a));
  if (coverages.length === 0) return null;
  return coverages.reduce((a, b) => (b.endDate > a.endDate ? b : a));
}
