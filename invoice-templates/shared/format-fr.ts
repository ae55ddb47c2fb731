/** Formatting for paper: the same helpers as the screen, so amounts and dates read the same everywhere. */
export { formatEuros } from '../../core/domain/money.ts';
export { formatFrDate } from '../../core/domain/dates.ts';
export { formatNir } from '../../core/domain/nir.ts';

/** Coefficient in hundredths → French decimal without useless zeros: 150 → « 1,5 », 100 → « 1 ». */
export function formatCoefficient(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** « AMI 1,5 », « IFD » (a coefficient of 1 is not written for allowances). */
export function formatActCode(code: string, coefficientHundredths: number): string {
  return coefficientHundredths === 100 && !/^(AMI|AMX|AIS|AMK|TMI|TMK)$/.test(code) ? code : `${code} ${formatCoefficient(coefficientHundredths)}`;
}

/** ISO timestamp → jj/mm/aaaa in the practice's local calendar. */
export function formatFrTimestampDate(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}
