export { formatEuros } from '../../core/domain/money.ts';
export { formatFrDate } from '../../core/domain/dates.ts';
export { formatNir, isAmePossible } from '../../core/domain/nir.ts';

/** `2026-11-25T09:30:12Z` → `25/11/2026 à 10:30` in the desk's local time. */
export function formatFrTimestamp(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} à ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** 1 572 864 → `1,5 Mo`. */
export const formatMegabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

/** `1 facture`, `2 factures`, `0 facture` (French: singular below 2). */
export const plural = (n: number, word: string, plural = `${word}s`): string => `${n} ${n > 1 ? plural : word}`;

/** Today on this computer's calendar, ISO (the desk's day: the round, the week to bill). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
