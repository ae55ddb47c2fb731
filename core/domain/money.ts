/**
 * Money is held in integer cents everywhere. Formatting to `1 234,56 €` happens only for display.
 */

export type Cents = number;

/**
 * Multiplies cents by a rate expressed in hundredths (coefficient 8.1 → 810, 60 % → 6000 of 10000…)
 * and rounds half up to the cent. Integer arithmetic only: no float ever reaches a stored amount.
 */
export function mulDivRoundHalfUp(value: Cents, numerator: number, denominator: number): Cents {
  if (!Number.isInteger(value) || !Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    throw new Error('mulDivRoundHalfUp expects integers');
  }
  if (denominator <= 0) throw new Error('denominator must be positive');
  const product = value * numerator;
  const sign = product < 0 ? -1 : 1;
  const abs = Math.abs(product);
  const q = Math.floor(abs / denominator);
  const r = abs - q * denominator;
  return sign * (r * 2 >= denominator ? q + 1 : q);
}

/** Share of `total` at `ratePercent` (0–100), rounded half up to the cent. */
export function percentOf(total: Cents, ratePercent: number): Cents {
  return mulDivRoundHalfUp(total, ratePercent, 100);
}

const NBSP = '\u00a0';

/** 123456 → `1 234,56 €` (no-break spaces, so an amount never wraps; U+00A0 also exists in PDF WinAnsi fonts). */
export function formatEuros(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? '−' : ''}${grouped},${rest}\u00a0€`;
}

/** Parses `3,15`, `3.15`, `1 234,5` into cents; null when it is not an amount. */
export function parseEuros(text: string): Cents | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, frac = ''] = cleaned.split('.') as [string, string?];
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}
