import { formatFrDate } from '../domain/dates.ts';
import type { IkZone, Profession } from '../domain/types.ts';
import type { CatalogueTariff, TariffZone } from './types.ts';

export type TariffInForce = { ok: true; tariff: CatalogueTariff } | { ok: false; message_fr: string };

const ZONE_FR: Record<TariffZone, string> = { metropole: 'en métropole', dom: 'dans les DOM' };

/**
 * The value of a code on a date in a zone: among the rows of (profession, code, zone) whose period
 * [effectiveFrom, effectiveTo] contains the date, the latest effectiveFrom. Tariff changes are new dated
 * rows (DESIGN §2): an act of 27/01/2024 keeps IFD 2,50 €, one of 28/01/2024 gets 2,75 € (BILLING-RULES §4).
 */
export function tariffInForce(
  tariffs: readonly CatalogueTariff[],
  q: { profession: Profession; code: string; zone: TariffZone; date: string },
): TariffInForce {
  let best: CatalogueTariff | null = null;
  let known = false;
  for (const t of tariffs) {
    if (t.profession !== q.profession || t.code !== q.code) continue;
    known = true;
    if (t.zone !== q.zone || t.effectiveFrom > q.date || (t.effectiveTo !== null && t.effectiveTo < q.date)) continue;
    if (best === null || t.effectiveFrom > best.effectiveFrom) best = t;
  }
  if (best) return { ok: true, tariff: best };
  return {
    ok: false,
    message_fr: known
      ? `Aucun tarif « ${q.code} » en vigueur le ${formatFrDate(q.date)} ${ZONE_FR[q.zone]} : ajoutez-le dans Réglages → Tarifs ou vérifiez la date.`
      : `Code « ${q.code} » inconnu pour cette profession. Vérifiez la cotation ou ajoutez le tarif dans Réglages → Tarifs.`,
  };
}

/** IK code by the practitioner's IK zone (NGAP art. 13). */
export const IK_CODES: Record<IkZone, string> = { plaine: 'IKP', montagne: 'IKM', 'pied-ski': 'IKS' };
