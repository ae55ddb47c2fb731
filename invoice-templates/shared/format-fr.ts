/** Formatting for paper: the same helpers as the screen, so amounts and dates read the same everywhere. */
export { formatEuros } from '../../core/domain/money.ts';
export { formatFrDate } from '../../core/domain/dates.ts';
export { formatNir } from '../../core/domain/nir.ts';
export { formatActCode, formatCoefficient } from '../../core/domain/acts.ts';

/** ISO timestamp → jj/mm/aaaa in the practice's local calendar. */
export function formatFrTimestampDate(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}
