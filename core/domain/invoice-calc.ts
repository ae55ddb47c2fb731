import { mulDivRoundHalfUp, percentOf, type Cents } from './money.ts';

/**
 * Amount of one act line: coefficient (hundredths) × unit value, rounded half up to the cent,
 * times the quantity. AMK 8,1 at 2,21 € = 17,90 €; AMI 1,5 at 3,15 € = 4,73 €.
 */
export function lineAmount(coefficientHundredths: number, unitCents: Cents, quantity: number): Cents {
  return mulDivRoundHalfUp(unitCents, coefficientHundredths, 100) * quantity;
}

export interface Shares {
  totalCents: Cents;
  amoCents: Cents;
  amcCents: Cents;
  patientCents: Cents;
}

/**
 * Splits the total: AMO share at its rate, AMC share at its rate (never more than what the AMO
 * leaves), and what the patient pays at the desk = total minus the shares paid in tiers payant.
 */
export function computeShares(
  lineAmounts: readonly Cents[],
  terms: { amoRate: number; amcRate: number; tiersPayantAmo: boolean; tiersPayantAmc: boolean },
): Shares {
  const totalCents = lineAmounts.reduce((sum, a) => sum + a, 0);
  const amoCents = percentOf(totalCents, terms.amoRate);
  const amcCents = Math.min(percentOf(totalCents, terms.amcRate), totalCents - amoCents);
  const patientCents = totalCents - (terms.tiersPayantAmo ? amoCents : 0) - (terms.tiersPayantAmc ? amcCents : 0);
  return { totalCents, amoCents, amcCents, patientCents };
}

/** "1.5" typed → 150 hundredths (exact for two decimals). */
export const toHundredths = (coefficient: number): number => Math.round(coefficient * 100);
