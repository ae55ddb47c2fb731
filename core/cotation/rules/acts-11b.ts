/**
 * Several acts in one sitting — NGAP, dispositions générales, art. 11B: the act with the highest
 * coefficient at 100 %, the second at 50 %, the others neither billed nor written on the feuille.
 * Nurse exceptions at full rate (CPAM guide « Facturer les actes infirmiers », BILLING-RULES §4):
 * perfusions (titre XVI chap. II art. 3), AIS + pansement lourd et complexe (chap. I art. 11), the
 * insulin-treated patient (chap. II art. 5 bis); BSI forfaits are daily forfaits outside the ranking.
 */
import type { ActGroup, DroppedAct } from '../types.ts';
import { cotation } from './format.ts';

export interface ResolvedAct {
  code: string;
  coefficient: number;
  group: ActGroup;
  ngap: string;
}

export interface RatedAct extends ResolvedAct {
  ratePercent: 100 | 50;
  explanation: string;
  article: string;
}

const ART_11B = 'NGAP dispositions générales art. 11B';

interface Rankable {
  coefficient: number;
  code: string;
  group?: string;
  explanation?: string;
}

/** Deterministic order, whatever the typing order: highest coefficient first, then code, group, explanation. */
export const byRank = (a: Rankable, b: Rankable): number =>
  b.coefficient - a.coefficient ||
  a.code.localeCompare(b.code) ||
  (a.group ?? '').localeCompare(b.group ?? '') ||
  (a.explanation ?? '').localeCompare(b.explanation ?? '');

const EXCEPTION_TEXT: Partial<Record<ActGroup, { text: string; article: string }>> = {
  perfusion: { text: 'perfusion : ses étapes se cumulent à taux plein (exception à l’art. 11B)', article: 'NGAP titre XVI chap. II art. 3' },
  insuline: { text: 'patient insulino-traité : actes cumulables à taux plein (exception à l’art. 11B)', article: 'NGAP titre XVI chap. II art. 5 bis' },
  forfait: { text: 'forfait journalier BSI, hors règle de l’art. 11B', article: 'NGAP titre XVI chap. I (BSI)' },
};

export function applyNurse11B(acts: readonly ResolvedAct[]): { rated: RatedAct[]; dropped: DroppedAct[] } {
  const rated: RatedAct[] = [];
  const dropped: DroppedAct[] = [];
  const sorted = [...acts].sort(byRank);
  const aisWithDressing = sorted.some((a) => a.group === 'ais') && sorted.some((a) => a.group === 'pansement-lourd');
  const ranked: ResolvedAct[] = [];
  for (const act of sorted) {
    const exception = EXCEPTION_TEXT[act.group];
    if (exception) {
      rated.push({ ...act, ratePercent: 100, explanation: `${cotation(act.code, act.coefficient)} à 100 % : ${exception.text}.`, article: exception.article });
    } else if (aisWithDressing && (act.group === 'ais' || act.group === 'pansement-lourd')) {
      rated.push({
        ...act,
        ratePercent: 100,
        explanation: `${cotation(act.code, act.coefficient)} à 100 % : séance AIS et pansement lourd et complexe se cumulent à taux plein (exception à l’art. 11B).`,
        article: 'NGAP titre XVI chap. I art. 11',
      });
    } else {
      ranked.push(act);
    }
  }
  // Reading of art. 11B with its exceptions (CPAM guide « Facturer les actes infirmiers », BILLING-RULES §4):
  // - the AIS + pansement lourd et complexe exception (titre XVI chap. I art. 11) covers that pair only: the
  //   pair takes the first place of the sitting, so the other acts rank after it — the highest at 50 %, the
  //   others not billed;
  // - perfusion stages (chap. II art. 3), the insulin-treated patient (chap. II art. 5 bis) and the BSI
  //   forfaits stay at full rate and outside the ranking: the remaining acts follow art. 11B among themselves.
  const offset = aisWithDressing ? 1 : 0;
  ranked.forEach((act, index) => {
    const i = index + offset;
    if (i === 0) {
      const alone = acts.length === 1;
      rated.push({
        ...act,
        ratePercent: 100,
        explanation: alone
          ? `${cotation(act.code, act.coefficient)} à 100 % : acte unique de la séance.`
          : `${cotation(act.code, act.coefficient)} à 100 % : coefficient le plus élevé de la séance (art. 11B).`,
        article: alone ? act.ngap : ART_11B,
      });
    } else if (i === 1) {
      rated.push({
        ...act,
        ratePercent: 50,
        explanation: aisWithDressing
          ? `${cotation(act.code, act.coefficient, 50)} : acte suivant la séance AIS et le pansement lourd, facturé à 50 % (art. 11B).`
          : `${cotation(act.code, act.coefficient, 50)} : second acte de la même séance, facturé à 50 % (art. 11B).`,
        article: ART_11B,
      });
    } else {
      dropped.push({
        code: act.code,
        coefficient: act.coefficient,
        explanation: `${cotation(act.code, act.coefficient)} non facturé et non porté sur la feuille : au-delà du deuxième acte de la séance (art. 11B).`,
        ngapArticle: ART_11B,
      });
    }
  });
  return { rated, dropped };
}
