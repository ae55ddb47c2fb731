/**
 * Lines typed by hand (« saisie libre ») carry no hour and no condition: the majorations that need them
 * are refused there rather than accepted blindly (NGAP art. 14; MAU, CPAM guide art. 23.1). The visit
 * entry prices them with their conditions.
 *
 * Before Imprimer, `checkTypedLines` runs the visit rules over typed lines, taking the lines of one act
 * date as one sitting: 11B, one kiné cotation per session, IFD once, MAU alone, the avenant 7 coefficient
 * steps, AMK 6 removed, majorations whose condition a typed line cannot carry.
 */
import { formatFrDate } from '../domain/dates.ts';
import type { Profession } from '../domain/types.ts';
import { holidayOn, weekday } from './holidays.ts';
import { cotation } from './rules/format.ts';
import { isBalneoSupplement, removedCotation, stepCoefficient } from './rules/kine.ts';
import type { CoefficientStep, Problem } from './types.ts';
import { currentCode, DEEP_NIGHT, LEGACY_TIME_CODES, NIGHT, SUNDAY_HOLIDAY, TIME_CODES } from './codes.ts';

export interface TypedLine {
  actDate: string;
  code: string;
  coefficient: number; // hundredths
  quantity?: number | undefined;
  /** 50 = the second act of the sitting typed at half rate (NGAP art. 11B, « AMI 1,5/2 »). */
  ratePercent?: number | undefined;
}

const VISIT_HINT = 'saisissez une visite (onglet Actes, « Saisie par visite ») pour que la majoration soit calculée avec sa condition.';
const NOT_ACTS = new Set([...TIME_CODES, ...LEGACY_TIME_CODES, 'MAU', 'MCI', 'MIE', 'IFD', 'IFI', 'IFS', 'IFO', 'IFR', 'IFN', 'IFP', 'IK', 'IKP', 'IKM', 'IKS']);
const TRAVEL_FEES = new Set(['IFD', 'IFI', 'IFS', 'IFO', 'IFR', 'IFN', 'IFP']);
const BSI_FORFAITS = new Set(['BSA', 'BSB', 'BSC']);
const qty = (l: TypedLine) => l.quantity ?? 1;
const rate = (l: TypedLine): 100 | 50 => (l.ratePercent === 50 ? 50 : 100);

/** NGAP art. 11B on typed lines: one act, or two with the lower (or equal) one at 50 %. */
function follows11B(acts: readonly TypedLine[]): boolean {
  const entries = acts.flatMap((l) => Array.from({ length: qty(l) }, () => ({ coefficient: l.coefficient, rate: rate(l) })));
  if (entries.length === 0) return true;
  if (entries.length === 1) return entries[0]!.rate === 100;
  if (entries.length > 2) return false;
  const full = entries.find((e) => e.rate === 100);
  const half = entries.find((e) => e.rate === 50);
  return full !== undefined && half !== undefined && half.coefficient <= full.coefficient;
}

/** The first typed line a rule refuses, with its index and French message; null when all pass. */
export function refuseTypedLine(lines: readonly TypedLine[], postalCode: string): { index: number; message_fr: string } | null {
  for (const [index, l] of lines.entries()) {
    const code = currentCode(l.code);
    if (code === NIGHT || code === DEEP_NIGHT) {
      return { index, message_fr: `${l.code} : l'heure et l'urgence ne figurent pas sur une ligne saisie à la main ; ${VISIT_HINT}` };
    }
    if (code === SUNDAY_HOLIDAY && weekday(l.actDate) !== 0 && holidayOn(l.actDate, postalCode) === null) {
      return { index, message_fr: `${l.code} refusée : le ${formatFrDate(l.actDate)} n'est ni un dimanche ni un jour férié (NGAP art. 14). Pour un appel urgent le samedi après 8h, ${VISIT_HINT}` };
    }
    if (l.code === 'MAU') {
      const others = lines.filter((o) => o.actDate === l.actDate && !NOT_ACTS.has(o.code));
      const count = others.reduce((n, o) => n + qty(o), 0);
      const single = count === 1 && (others[0]!.code === 'AMI' || others[0]!.code === 'TMI') && others[0]!.coefficient <= 150;
      const withMci = lines.some((o) => o.actDate === l.actDate && o.code === 'MCI');
      if (!single || withMci) return { index, message_fr: `MAU refusée : le ${formatFrDate(l.actDate)}, elle ne s'applique qu'à un acte unique coté AMI de coefficient 1,5 au plus, jamais avec la MCI (NGAP titre XVI art. 23.1).` };
    }
  }
  return null;
}

const ageOn = (birth: string, date: string): number =>
  Number(date.slice(0, 4)) - Number(birth.slice(0, 4)) - (date.slice(5) < birth.slice(5) ? 1 : 0);

const block = (code: string, message_fr: string): Problem => ({ level: 'block', code, message_fr });

/**
 * The visit rules over typed lines, one sitting per act date. Every problem blocks Imprimer: the amounts
 * typed would be wrong (11B, steps) or a rule cannot be checked on a typed line (conditions).
 */
export function checkTypedLines(
  lines: readonly TypedLine[],
  context: { profession: Profession; steps: readonly CoefficientStep[]; patientBirthDate: string },
): Problem[] {
  const problems: Problem[] = [];
  const nurse = context.profession === 'infirmier';
  const dates = [...new Set(lines.map((l) => l.actDate))].sort();
  for (const date of dates) {
    const day = lines.filter((l) => l.actDate === date);
    const fr = formatFrDate(date);
    const acts = day.filter((l) => !NOT_ACTS.has(l.code));
    if (nurse) {
      // NGAP art. 11B: the second act at 50 % (typed with the rate « 50 % »), the others not billed.
      const ranked = acts.filter((l) => !BSI_FORFAITS.has(l.code));
      if (!follows11B(ranked)) {
        const list = ranked.map((l) => `${cotation(l.code, l.coefficient, rate(l))}${qty(l) > 1 ? ` × ${qty(l)}` : ''}`).join(', ');
        problems.push(block('typed-11b', `Le ${fr}, ${list} ${ranked.length > 1 || qty(ranked[0]!) > 1 ? 'sont saisis' : 'est saisi'} : pour plusieurs actes d'une même séance, l'art. 11B facture le second à 50 % (« AMI 1,5/2 ») et ne facture pas les suivants ; un acte seul est à 100 %. Saisissez ces soins avec « Saisie par visite » (onglet Actes), qui applique la règle et ses exceptions, ou mettez le second acte à 50 % (colonne Taux) et retirez les suivants.`));
      }
    } else {
      for (const l of acts) {
        const removed = removedCotation({ code: l.code, coefficient: l.coefficient }, date);
        if (removed) {
          problems.push(block(removed.code, `Le ${fr} : ${removed.message_fr}`));
          continue;
        }
        const step = stepCoefficient({ code: l.code, coefficient: l.coefficient }, date, context.steps);
        if (step.coefficient !== l.coefficient) {
          problems.push(block('typed-old-coefficient', `Le ${fr}, ${cotation(l.code, l.coefficient)} n'est plus en vigueur : saisissez ${cotation(l.code, step.coefficient)} (avenants 7 et 8).${step.verifyNote ? ` À vérifier : ${step.verifyNote}` : ''}`));
        }
      }
      // One cotation per session (NGAP titre XIV); balnéothérapie supplements are added to it.
      const main = acts.filter((l) => !isBalneoSupplement(l, date));
      if (main.reduce((n, l) => n + qty(l), 0) > 1) {
        problems.push(block('typed-kine-one-cotation', `Le ${fr}, ${main.map((l) => cotation(l.code, l.coefficient)).join(', ')} : une seule cotation par séance de kinésithérapie (NGAP titre XIV). Pour deux séances justifiées (deux prescriptions, deux régions), utilisez « Saisie par visite » (onglet Actes) ; sinon retirez la cotation en trop.`));
      }
    }
    for (const l of day.filter((x) => rate(x) === 50 && (!nurse || NOT_ACTS.has(x.code) || BSI_FORFAITS.has(x.code)))) {
      problems.push(block('typed-rate', `Le ${fr}, ${cotation(l.code, l.coefficient, 50)} : le taux de 50 % ne concerne que le second acte infirmier d'une séance (NGAP art. 11B)${nurse ? '' : ' ; en kinésithérapie, une seule cotation par séance'}. Remettez 100 %.`));
    }
    const fees = day.filter((l) => TRAVEL_FEES.has(l.code));
    if (fees.reduce((n, l) => n + qty(l), 0) > 1) {
      problems.push(block('typed-travel-twice', `Le ${fr}, indemnité de déplacement saisie plusieurs fois (${fees.map((l) => l.code).join(', ')}) : une seule par visite et par foyer (NGAP art. 13). Pour plusieurs passages dans la journée, utilisez « Saisie par visite » (onglet Actes).`));
    }
    for (const code of [...TIME_CODES, ...LEGACY_TIME_CODES]) {
      if (day.some((l) => l.code === code)) {
        problems.push(block('typed-majoration-condition', `Le ${fr}, ${code} : l'urgence justifiée ou l'exécution impérative prescrite ne figure pas sur une ligne saisie à la main (NGAP art. 14) ; ${VISIT_HINT}`));
      }
    }
    if (day.some((l) => l.code === 'MCI')) {
      problems.push(block('typed-majoration-condition', `Le ${fr}, MCI : la coordination (soins palliatifs à domicile ou pansement lourd et complexe) ne figure pas sur une ligne saisie à la main ; ${VISIT_HINT}`));
    }
    if (day.some((l) => l.code === 'MIE')) {
      const age = ageOn(context.patientBirthDate, date);
      if (age >= 7) problems.push(block('mie-age', `Le ${fr}, MIE refusée : le patient a ${age} ans (moins de 7 ans requis).`));
    }
  }
  return problems;
}
