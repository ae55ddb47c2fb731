/**
 * Physiotherapy rules (NGAP titre XIV and avenant 7, BILLING-RULES §5).
 */
import { formatFrDate } from '../../domain/dates.ts';
import type { CoefficientStep, DroppedAct, Problem, VisitAct } from '../types.ts';
import { byRank, type RatedAct, type ResolvedAct } from './acts-11b.ts';
import { cotation } from './format.ts';

const PREAMBLE = 'NGAP titre XIV, dispositions liminaires';

/**
 * The avenant 7 measures dated 01/07/2025 (7,5 → 8,1, balnéothérapie 1,2 → 2,5 and 2,2 → 3,5, AMK 6
 * removed) were suspended by the comité d'alerte (18/06/2025) and applied from 01/01/2026 (egora.fr
 * « revalorisations des kinés »; questions.assemblee-nationale.fr q17-8388QE; BILLING-RULES §10).
 */
export const KINE_2025_MEASURES_FROM = '2026-01-01';

/**
 * Avenant 7 and 8 coefficient steps, dated by the catalogue (coefficient-steps.json): 7,5 → 8,1 and the AMK
 * balnéothérapie supplements 1,2 → 2,5 and 2,2 → 3,5 on 01/01/2026 (suspended from 01/07/2025), 9,5 → 9,8
 * on 28/05/2026 (avenant 8), art. 4 neuromuscular 10 → 11 and 11 → 12 on 01/09/2026, 8,1 → 8,4 on
 * 01/07/2027. A coefficient typed in its old value after the date is billed at the new one, and says so.
 * Each step applies once, in date order, and never twice on the same date (11 → 12 must not follow 10 → 11).
 */
export function stepCoefficient(
  act: VisitAct,
  date: string,
  steps: readonly CoefficientStep[],
): { coefficient: number; explanation: string | null; verifyNote: string | null } {
  let coefficient = act.coefficient;
  let lastDate = '';
  const applied: CoefficientStep[] = [];
  const sorted = [...steps].sort((a, b) => a.date.localeCompare(b.date));
  for (const s of sorted) {
    if (s.date > date || s.date === lastDate) continue;
    // '*' = the annexe-2 key letters; AMK and TMK only change by a step naming them (balnéothérapie supplements).
    if (s.codes === '*' ? act.code === 'AMK' || act.code === 'TMK' : s.codes !== act.code) continue;
    if (s.from !== coefficient) continue;
    coefficient = s.to;
    lastDate = s.date;
    applied.push(s);
  }
  if (applied.length === 0) return { coefficient, explanation: null, verifyNote: null };
  const last = applied[applied.length - 1]!;
  // An unsure step (« à vérifier » in the catalogue) says so wherever it is applied.
  const notes = [...new Set(applied.map((s) => s.verifyNote).filter((n): n is string => n !== null))];
  const verifyNote = notes.length > 0 ? notes.join(' ') : null;
  return {
    coefficient,
    explanation: `${cotation(act.code, act.coefficient)} porté à ${cotation(act.code, coefficient)} : nouveau coefficient en vigueur depuis le ${formatFrDate(last.date)} (avenants 7 et 8).${verifyNote ? ` Coefficient à vérifier : ${verifyNote}` : ''}`,
    verifyNote,
  };
}

/**
 * Bilan-diagnostic kinésithérapique, billed on top of the session it opens (bilankine.fr/?p=18647 « Bilan kiné en
 * plus de la première séance »), written with the key letter of the rééducation: « La cotation en AMS, AMK ou AMC du
 * bilan est forfaitaire » (NGAP titre XIV chap. I sect. 2 § 3, arrêté du 13/10/2003, juriblio.fr). Its coefficient:
 * 8,1 (10 à 20 séances) and 10,1 (neurologique) until 30/06/2018, 10,7 and 10,8 from 01/07/2018 (avenant 5:
 * bilankine.fr « passe de 17,43€ à 23€ le 01/07/2018 »; julienmaurin-mk.fr; SNMKR « tableau NGAP » v19).
 */
export const BDK_10_7_FROM = '2018-07-01';
export const isBilanDiagnostic = (act: { code: string; coefficient: number }, date: string): boolean =>
  ['AMS', 'AMK', 'AMC'].includes(act.code) &&
  (date < BDK_10_7_FROM ? act.coefficient === 810 || act.coefficient === 1010 : act.coefficient === 1070 || act.coefficient === 1080);

/** The annexe-2 key letters (RAV for vascular rééducation) replace AMS/AMK/AMC on 22/02/2024 (décision UNCAM du 14/12/2023). */
export const KINE_2024_LETTERS_FROM = '2024-02-22';

/**
 * Lymphœdème vrai, drainage manuel: one limb (or neck and face) AMK/AMC 7, two limbs 9 before 22/02/2024; RAV 8 and
 * 9 since (SNMKR « tableau NGAP » v19). Its supplement for a multilayer bandage, 1 (one limb) or 2 (two limbs), is
 * added to that session: « Un supplément pour bandage multicouche est possible (pour un membre : AMK 1) »
 * (A. Hascouet, mémoire IFMK Brest 2020, § II.3.1, quoting the 2012 NGAP; SNMKR v19 « Supplément bandage
 * multicouche » RAV 1 / RAV 2). The breast-cancer act (15,5) includes its bandage: no supplement (Alizé, Actu'Alizé
 * n°45, « ne peut pas faire l'objet d'un supplément pour bandage multicouche »).
 */
const isLymphDrainage = (a: { code: string; coefficient: number }, date: string): boolean =>
  date < KINE_2024_LETTERS_FROM ? ['AMK', 'AMC'].includes(a.code) && (a.coefficient === 700 || a.coefficient === 900) : a.code === 'RAV' && (a.coefficient === 800 || a.coefficient === 900);
export const isBandageSupplement = (a: { code: string; coefficient: number }, session: readonly { code: string; coefficient: number }[], date: string): boolean =>
  ['AMK', 'AMC', 'RAV'].includes(a.code) && (a.coefficient === 100 || a.coefficient === 200) && session.some((o) => isLymphDrainage(o, date));

/**
 * AMK balnéothérapie supplements (and the bilan-diagnostic, also added to the session): AMK 1,2 and 2,2 before 01/01/2026, AMK 2,5 and 3,5 from that date
 * (avenant 7; SNMKR FAQ; suspension to 01/01/2026, BILLING-RULES §10). `date` '' = unknown: none recognised.
 */
export function isBalneoSupplement(act: { code: string; coefficient: number }, date: string): boolean {
  if (date === '') return false;
  if (isBilanDiagnostic(act, date)) return true;
  if (act.code !== 'AMK') return false;
  return date < KINE_2025_MEASURES_FROM ? act.coefficient === 120 || act.coefficient === 220 : act.coefficient === 250 || act.coefficient === 350;
}

/**
 * One cotation per session (titre XIV: « il n'est pas possible d'appliquer une seconde cotation pour une
 * même séance »). Two sessions the same day only with two prescriptions, NGAP articles that differ and two
 * distinct anatomical regions, both at full rate by derogation from art. 11B (UNCAM decision of 14/12/2023).
 */
export function applyKineSessions(
  all: readonly (ResolvedAct & { session: 1 | 2 })[],
  twoSessionsJustified: boolean,
  date: string,
): { rated: RatedAct[]; dropped: DroppedAct[]; problems: Problem[] } {
  const rated: RatedAct[] = [];
  const dropped: DroppedAct[] = [];
  const problems: Problem[] = [];
  // Balnéothérapie supplements are added to the session they go with, outside the one-cotation rule.
  const sessionOf = (a: { session: 1 | 2 }) => all.filter((o) => o.session === a.session);
  const isSupplement = (a: ResolvedAct & { session: 1 | 2 }) => isBalneoSupplement(a, date) || isBandageSupplement(a, sessionOf(a), date);
  const supplements = all.filter((a) => isSupplement(a) && sessionOf(a).some((o) => !isSupplement(o)));
  const label = (a: { code: string; coefficient: number }) =>
    isBilanDiagnostic(a, date) ? 'bilan-diagnostic kinésithérapique' : isBalneoSupplement(a, date) ? 'supplément balnéothérapie' : 'supplément pour bandage multicouche';
  const acts = all.filter((a) => !supplements.includes(a));
  for (const a of [...supplements].sort(byRank)) {
    rated.push({
      ...a,
      ratePercent: 100,
      explanation: `${cotation(a.code, a.coefficient)} à 100 % : ${label(a)} ajouté à la séance (hors règle d’une cotation par séance).`,
      article: isBilanDiagnostic(a, date)
        ? 'NGAP titre XIV chap. I (bilan-diagnostic kinésithérapique)'
        : isBalneoSupplement(a, date)
          ? 'NGAP titre XIV chap. IV (balnéothérapie) ; avenant 7'
          : 'NGAP titre XIV chap. II (lymphœdème, supplément pour bandage multicouche)',
    });
  }
  const sessions = [1, 2].map((s) => acts.filter((a) => a.session === s).sort(byRank)).filter((list) => list.length > 0);
  const two = sessions.length === 2;
  if (two) {
    const [first, second] = [sessions[0]![0]!, sessions[1]![0]!];
    if (!twoSessionsJustified) {
      problems.push({
        level: 'block',
        code: 'kine-two-sessions',
        message_fr:
          'Deux séances le même jour : cochez « deux prescriptions, deux régions anatomiques distinctes » seulement si c’est le cas (NGAP titre XIV) ; sinon ne saisissez qu’une séance.',
      });
    } else if (first.code === second.code) {
      problems.push({
        level: 'block',
        code: 'kine-two-sessions',
        message_fr: `Deux séances le même jour doivent relever de deux articles différents de la NGAP : les deux sont cotées ${first.code}.`,
      });
    }
  }
  for (const list of sessions) {
    const [kept, ...others] = list;
    rated.push({
      ...kept!,
      ratePercent: 100,
      explanation: two
        ? `${cotation(kept!.code, kept!.coefficient)} à 100 % : seconde séance du jour (deux prescriptions, deux régions), par dérogation à l’art. 11B.`
        : `${cotation(kept!.code, kept!.coefficient)} à 100 % : une cotation par séance.`,
      article: two ? 'Décision UNCAM du 14/12/2023 (titre XIV)' : kept!.ngap,
    });
    for (const o of others) {
      dropped.push({
        code: o.code,
        coefficient: o.coefficient,
        explanation: `${cotation(o.code, o.coefficient)} non facturé : une seule cotation par séance de kinésithérapie.`,
        ngapArticle: PREAMBLE,
      });
    }
  }
  return { rated, dropped, problems };
}

/** AMK 6 is removed with the 2025 measures, applied from 01/01/2026 (avenant 7; SNMKR FAQ; BILLING-RULES §10, date à vérifier). */
export function removedCotation(act: VisitAct, date: string): Problem | null {
  // RPE 6 (the AMK 6 act under the 2024 NGAP) goes with it, « absorbé par RPE 8,5 » (rofim.fr; SNMKR).
  if ((act.code === 'AMK' || act.code === 'RPE') && act.coefficient === 600 && date >= KINE_2025_MEASURES_FROM) {
    return { level: 'block', code: 'removed-cotation', message_fr: `${act.code} 6 n’existe plus depuis le 01/01/2026 (avenant 7, mesures du 01/07/2025 reportées) : choisissez la cotation en vigueur${act.code === 'RPE' ? ' (RPE 8,5)' : ''}.` };
  }
  return null;
}
