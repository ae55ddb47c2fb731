/**
 * Travel allowances — NGAP dispositions générales art. 13 (BILLING-RULES §4, §9).
 */
import type { IkZone } from '../../domain/types.ts';
import { IK_CODES } from '../tariff-lookup.ts';
import type { Practice, Visit } from '../types.ts';
import type { ResolvedAct } from './acts-11b.ts';
import type { RuleResult } from './majorations.ts';

const ART_13 = 'NGAP dispositions générales art. 13';
export const TRAVEL_CODES = ['IFD', 'IFI', 'IFS', 'IFO', 'IFR', 'IFN', 'IFP'];
export const IK_TYPED = ['IK', 'IKP', 'IKM', 'IKS'];
const KINE_SPECIFIC = ['IFS', 'IFO', 'IFR', 'IFN', 'IFP'];
/**
 * The BSI forfaits that make a visit a dependent patient's (décision UNCAM du 18/07/2019, NGAP art. 13): the daily
 * forfaits BSA/BSB/BSC and the bilan DI of chap. I art. 12 — IFI « dès lors qu'un forfait BSA, BSB ou BSC ou DI dans
 * le cadre de l'article 12 du chapitre I, est facturé le même jour au patient » (quoted by osteolareunion.com;
 * orionsante.fr: « ou lors d'une démarche infirmière initiale »).
 */
export const BSI_DEPENDENCE_FORFAITS = ['BSA', 'BSB', 'BSC', 'DI'];

/** Abattement (art. 13): 2 km each way in plaine, 1 km in montagne → 4 or 2 km off the round trip, in tenths. */
const DEDUCTION_TENTHS: Record<IkZone, number | null> = { plaine: 40, montagne: 20, 'pied-ski': null };

const tenthsFr = (t: number): string => (t % 10 === 0 ? String(t / 10) : `${Math.floor(t / 10)},${t % 10}`);

/**
 * IFD (IFI for a dependent patient under the BSI, nurses; a specific kiné fee when typed) once per visit
 * and household: only the first patient of a household seen at home gets it. IK = (round trip − 4 km
 * plaine / − 2 km montagne) × the zone's value per km; none without a distance.
 */
export function travel(visit: Visit, practice: Practice, acts: readonly ResolvedAct[], requested: readonly string[]): RuleResult {
  const r: RuleResult = { lines: [], explanations: [], problems: [] };
  const askedFee = requested.filter((c) => TRAVEL_CODES.includes(c));
  const askedIk = requested.some((c) => IK_TYPED.includes(c));
  if (visit.place !== 'domicile') {
    if (askedFee.length > 0 || askedIk) {
      r.problems.push({ level: 'block', code: 'travel-at-office', message_fr: 'Déplacement refusé : la visite a lieu au cabinet. Choisissez « domicile » ou retirez IFD / IK.' });
    }
    return r;
  }
  // A dependent patient (BSI): AMX acts, a daily forfait BSA/BSB/BSC or the BSI bilan DI. The téléconsultation
  // accompaniment TLS/TLL, also outside art. 11B, says nothing of dependence: its visit takes the IFD.
  const dependent = practice.profession === 'infirmier' && acts.some((a) => a.code === 'AMX' || BSI_DEPENDENCE_FORFAITS.includes(a.code));
  // A fee of the other profession, or IFI without a dependent patient, is refused rather than replaced.
  const nurse = practice.profession === 'infirmier';
  const foreign = askedFee.filter((c) => (nurse ? KINE_SPECIFIC.includes(c) : c === 'IFI'));
  if (foreign.length > 0) {
    r.problems.push({
      level: 'block',
      code: 'travel-wrong-profession',
      message_fr: nurse
        ? `${foreign.join(', ')} est une indemnité de déplacement des kinésithérapeutes : pour une infirmière, retirez-la (IFD ou IFI est calculée avec la visite).`
        : 'IFI est une indemnité de déplacement infirmière : pour un kinésithérapeute, retirez-la (IFD, ou IFS depuis le 01/07/2025).',
    });
    return r;
  }
  if (nurse && askedFee.includes('IFI') && !dependent) {
    r.problems.push({
      level: 'block',
      code: 'ifi-not-dependent',
      message_fr: 'IFI refusée : elle est réservée aux patients dépendants (BSI, actes AMX ou forfaits BSA/BSB/BSC). Retirez-la : l’IFD est calculée avec la visite.',
    });
    return r;
  }
  if (visit.householdRank > 1) {
    if (dependent) {
      // Dependence context: one IFI, then « IFI 0,01 » for each further patient (UNCAM decision of 12/11/2020; BILLING-RULES §4, likely).
      r.lines.push({ kind: 'travel', code: 'IFI', coefficient: 1, explanation: `IFI 0,01 : patient n° ${visit.householdRank} du même foyer en BSI (décision UNCAM du 12/11/2020).`, article: ART_13 });
    } else {
      r.explanations.push(`Patient n° ${visit.householdRank} du même foyer : IFD et IK seulement pour le premier patient vu (NGAP art. 13).`);
    }
    return r;
  }
  let fee = 'IFD';
  let why = 'soins à domicile, une fois par visite et par foyer';
  if (practice.profession === 'infirmier') {
    if (dependent || askedFee.includes('IFI')) {
      fee = 'IFI';
      why = 'patient dépendant (BSI) à domicile, une fois par visite et par foyer';
    }
  } else {
    const specific = askedFee.find((c) => KINE_SPECIFIC.includes(c));
    if (specific) {
      fee = specific;
      why = 'indemnité de déplacement spécifique, une fois par visite';
    }
  }
  r.lines.push({ kind: 'travel', code: fee, coefficient: 100, explanation: `${fee} : ${why}.`, article: ART_13 });

  if (visit.distanceTenths === null || visit.distanceTenths === 0) {
    if (askedIk) {
      r.problems.push({ level: 'block', code: 'ik-without-distance', message_fr: 'IK refusées : indiquez la distance aller entre le cabinet et le domicile du patient (en km).' });
    }
    return r;
  }
  const deduction = DEDUCTION_TENTHS[practice.ikZone];
  const roundTrip = visit.distanceTenths * 2;
  if (deduction === null) {
    r.problems.push({ level: 'warn', code: 'ik-deduction-unknown', message_fr: 'IK à pied ou à ski : l’abattement kilométrique n’est pas documenté ; aucun abattement appliqué (à vérifier).' });
  }
  const billed = roundTrip - (deduction ?? 0);
  if (billed <= 0) {
    r.explanations.push(`Pas d’IK : ${tenthsFr(roundTrip)} km aller-retour, pas plus que l’abattement de ${tenthsFr(deduction ?? 0)} km (NGAP art. 13).`);
    return r;
  }
  const code = IK_CODES[practice.ikZone];
  const zoneFr = practice.ikZone === 'pied-ski' ? 'à pied ou à ski' : practice.ikZone;
  r.lines.push({
    kind: 'travel',
    code,
    coefficient: billed * 10,
    explanation:
      deduction === null
        ? `IK ${zoneFr} : ${tenthsFr(roundTrip)} km aller-retour, sans abattement (à vérifier).`
        : `IK ${zoneFr} : ${tenthsFr(roundTrip)} km aller-retour − ${tenthsFr(deduction)} km d’abattement = ${tenthsFr(billed)} km.`,
    article: ART_13,
  });
  return r;
}
