import type { Profession } from './types.ts';
import { formatFrDate } from './dates.ts';

export interface TariffRow {
  id: number;
  profession: Profession;
  code: string;
  unitCents: number;
  effectiveFrom: string;
}

export type TariffLookup =
  | { ok: true; tariff: TariffRow }
  | { ok: false; reason: 'unknown-code' | 'not-in-force'; message_fr: string };

/**
 * The value of a lettre-clé or allowance on the act's date: the row of (profession, code) with the
 * latest `effectiveFrom` not after the act date. Tariffs change by new dated rows (DESIGN §2), so an
 * act of 27/01/2024 keeps IFD 2,50 € and one of 28/01/2024 gets 2,75 € (BILLING-RULES §4).
 */
export function findTariff(rows: readonly TariffRow[], profession: Profession, code: string, actDate: string): TariffLookup {
  const forCode = rows.filter((r) => r.profession === profession && r.code === code);
  if (forCode.length === 0) {
    return { ok: false, reason: 'unknown-code', message_fr: `Code « ${code} » inconnu pour cette profession. Vérifiez la cotation ou ajoutez le tarif dans les réglages.` };
  }
  const inForce = forCode
    .filter((r) => r.effectiveFrom <= actDate)
    .reduce<TariffRow | null>((best, r) => (best === null || r.effectiveFrom > best.effectiveFrom ? r : best), null);
  if (!inForce) {
    return { ok: false, reason: 'not-in-force', message_fr: `Aucun tarif « ${code} » en vigueur le ${formatFrDate(actDate)}.` };
  }
  return { ok: true, tariff: inForce };
}
