import { formatFrDate } from '../../domain/dates.ts';
/**
 * Majorations. Each returns the lines it adds (unpriced) and the problems it finds; the engine prices.
 */
import type { Practice, Problem, Visit } from '../types.ts';
import { holidayOn, weekday } from '../holidays.ts';
import type { ResolvedAct } from './acts-11b.ts';
import { dayFr } from './format.ts';
import { DEEP_NIGHT, NIGHT, SUNDAY_HOLIDAY, TIME_CODES } from '../codes.ts';

export interface WantedLine {
  kind: 'majoration' | 'travel';
  code: string;
  /** Hundredths (1 → 100; IK: km × 100). */
  coefficient: number;
  explanation: string;
  article: string;
}

export interface RuleResult {
  lines: WantedLine[];
  explanations: string[];
  problems: Problem[];
}

const empty = (): RuleResult => ({ lines: [], explanations: [], problems: [] });
const ART_14 = 'NGAP dispositions générales art. 14';
export const TIME_MAJORATIONS: readonly string[] = TIME_CODES;

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Night, Sunday and public-holiday majorations (NGAP art. 14; convention annex I; BILLING-RULES §4, §6):
 * night = 20h–8h (N), 23h–5h higher (nurses); Sunday or holiday (F), and from Saturday 8h (nurses) or
 * Saturday 12h (kinés: snmkr.fr « majorations en détail », ordremk.fr; BILLING-RULES §10) for an emergency call. Only with an emergency justified by the patient's state, or — nurses, repeated
 * acts (art. 14B) — « exécution de nuit / quotidienne impérative » on the prescription. Not cumulable with
 * each other, once per visit. A majoration typed without its day, hour or condition is refused.
 */
export function timeMajoration(visit: Visit, practice: Practice, requested: readonly string[]): RuleResult {
  const r = empty();
  const nurse = practice.profession === 'infirmier';
  const day = weekday(visit.date);
  const holiday = holidayOn(visit.date, practice.postalCode);
  const t = visit.time === null ? null : minutes(visit.time);
  const night = t !== null && (t >= 20 * 60 || t < 8 * 60);
  const deep = t !== null && (t >= 23 * 60 || t < 5 * 60);
  const sunday = day === 0 || holiday !== null;
  const saturdayFrom = nurse ? 8 : 12;
  const saturdayCall = day === 6 && t !== null && t >= saturdayFrom * 60 && visit.urgent;
  const condition = visit.urgent || (nurse && visit.imperativePrescription);
  const conditionText = visit.urgent ? 'urgence justifiée par l’état du patient' : 'exécution impérative prescrite (art. 14B)';

  const call = visit.callTime ? minutes(visit.callTime) : null;
  // A call recorded after the visit is a typing error, unless the visit is in the small hours and the call
  // came the evening before (visit 00:30 after a call at 23:50).
  if (call !== null && t !== null && call > t && !(t < 8 * 60 && call >= 12 * 60)) {
    r.problems.push({
      level: 'block',
      code: 'call-after-visit',
      message_fr: `L’heure de l’appel (${visit.callTime!.replace(':', 'h')}) est postérieure à celle de la visite (${visit.time!.replace(':', 'h')}) : corrigez l’une ou l’autre.`,
    });
    return r;
  }
  const sundayCandidate = sunday
    ? { code: SUNDAY_HOLIDAY, why: holiday ? `jour férié (${holiday.name})` : 'dimanche' }
    : saturdayCall
      ? { code: SUNDAY_HOLIDAY, why: nurse ? 'samedi après 8h, appel urgent (convention, annexe I)' : 'samedi après 12h, appel urgent (convention des masseurs-kinésithérapeutes)' }
      : null;
  let candidate: { code: string; why: string } | null = null;
  if (night) candidate = { code: nurse && deep ? DEEP_NIGHT : NIGHT, why: nurse && deep ? 'acte de nuit entre 23h et 5h' : 'acte de nuit entre 20h et 8h' };
  else candidate = sundayCandidate;

  const asked = requested.filter((c) => TIME_MAJORATIONS.includes(c));
  if (asked.length > 0 && candidate === null) {
    const when = visit.time === null ? `le ${dayFr(visit.date, day)} (heure non indiquée)` : `le ${dayFr(visit.date, day)} à ${visit.time.replace(':', 'h')}`;
    r.problems.push({
      level: 'block',
      code: 'majoration-without-condition',
      message_fr: `Majoration ${asked.join(', ')} refusée : la visite a lieu ${when}, ni de nuit (20h–8h) ni un dimanche ou jour férié. Retirez la majoration ou corrigez la date et l’heure (NGAP art. 14).`,
    });
    return r;
  }
  if (candidate === null) return r;
  const nightByUrgency = night && visit.urgent && !(nurse && visit.imperativePrescription);
  let callNote = '';
  if (nightByUrgency && call !== null && call < 19 * 60 && call >= 7 * 60) {
    // The night majoration needs a call between 19h and 7h (art. 14); the Sunday/holiday one does not,
    // so a Sunday (holiday, Saturday-after-8h) emergency falls back to MD.
    const text = `Pas de majoration ${candidate.code} : l’appel de ${visit.callTime!.replace(':', 'h')} n’a pas été reçu entre 19h et 7h (NGAP art. 14).`;
    if (sundayCandidate === null) {
      if (asked.length > 0) r.problems.push({ level: 'block', code: 'majoration-without-condition', message_fr: `Majoration refusée. ${text}` });
      else r.explanations.push(text);
      return r;
    }
    if (asked.some((c) => c !== SUNDAY_HOLIDAY)) {
      r.problems.push({ level: 'block', code: 'majoration-without-condition', message_fr: `Majoration ${asked.filter((c) => c !== SUNDAY_HOLIDAY).join(', ')} refusée. ${text} Seule la majoration ${SUNDAY_HOLIDAY} (${sundayCandidate.why}) s’applique.` });
      return r;
    }
    r.explanations.push(text);
    candidate = sundayCandidate;
    callNote = ' Appel reçu hors 19h–7h : majoration du dimanche ou jour férié au lieu de la nuit.';
  }
  if (!condition) {
    const text = `Pas de majoration ${candidate.code} (${candidate.why}) : il faut une urgence justifiée ou, pour des actes répétés, « exécution de nuit / quotidienne impérative » sur la prescription (NGAP art. 14).`;
    if (asked.length > 0) r.problems.push({ level: 'block', code: 'majoration-without-condition', message_fr: `Majoration refusée. ${text} Cochez la condition si elle est remplie, sinon retirez la majoration.` });
    else r.explanations.push(text);
    return r;
  }
  const notCumulable = callNote || (night && sunday ? ' Nuit et dimanche/férié ne se cumulent pas : seule la majoration de nuit est facturée.' : '');
  r.lines.push({
    kind: 'majoration',
    code: candidate.code,
    coefficient: 100,
    explanation: `${candidate.code} : ${candidate.why}, ${conditionText} ; une fois par visite.${notCumulable}`,
    article: ART_14,
  });
  if (holiday?.local) {
    r.problems.push({
      level: 'warn',
      code: 'local-holiday',
      message_fr: `${holiday.name} est un jour férié local : sa prise en compte pour la majoration par la caisse est à vérifier.`,
    });
  }
  return r;
}

const ageOn = (birthDate: string, date: string): number => {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

/**
 * From this date MAU goes with any single AMI of coefficient ≤ 1,5 (UNCAM decision of 2019, JORFTEXT000039061125,
 * with the avenant 6 measures of 01/12/2019); before it only with AMI 1 or AMI 1,5. The day is « à vérifier »:
 * the decision's own in-force date was not read (DESIGN, values à vérifier).
 */
export const MAU_ANY_FROM = '2019-12-01';

/** MAU is cumulable with none of these (MCI: art. 23.1; dependence context: BSI forfaits, AMX, IFI). */
const MAU_NEVER_WITH = new Set(['AMX', 'BSA', 'BSB', 'BSC']);

/**
 * MAU, majoration acte unique (avenant 3 from 27/05/2012; UNCAM decision 2019, JORFTEXT000039061125;
 * juriblio.fr décision du 20/12/2011; l-idel.fr « MAU et MCI »; BILLING-RULES §10): a visit holding one
 * single act, an AMI (or a TMI) with a coefficient of 1,5 or less. Cumulable with N/F and IFD; never with
 * MCI (art. 23.1), nor in the dependence context (AMX, BSA/BSB/BSC, IFI).
 */
export function mau(date: string, acts: readonly ResolvedAct[], requested: readonly string[], mciBilled: boolean): RuleResult {
  const r = empty();
  const only = acts.length === 1 ? acts[0]! : null;
  // Before MAU_ANY_FROM only « un acte unique de cotation AMI 1 ou 1,5 » (décision UNCAM du 20/12/2011, art. 23.1).
  const eligible = (c: number) => (date < MAU_ANY_FROM ? c === 100 || c === 150 : c <= 150);
  const single = only !== null && (only.code === 'AMI' || only.code === 'TMI') && eligible(only.coefficient);
  if (only !== null && only.code === 'AMI' && only.coefficient < 150 && !single && !mciBilled) {
    r.explanations.push(`Pas de MAU : avant le ${formatFrDate(MAU_ANY_FROM)}, elle ne s’applique qu’à un acte unique AMI 1 ou AMI 1,5 (décision UNCAM du 20/12/2011, art. 23.1 ; extension à tout AMI ≤ 1,5 en 2019, date à vérifier).`);
  }
  const dependence = acts.some((a) => MAU_NEVER_WITH.has(a.code));
  if (single && mciBilled) {
    const text = 'Pas de MAU : elle ne se cumule jamais avec la MCI (NGAP titre XVI art. 23.1).';
    if (requested.includes('MAU')) r.problems.push({ level: 'block', code: 'mau-with-mci', message_fr: `MAU refusée. ${text}` });
    else r.explanations.push(text);
  } else if (single && !dependence) {
    r.lines.push({ kind: 'majoration', code: 'MAU', coefficient: 100, explanation: `MAU : acte unique ${only.code} de coefficient 1,5 au plus dans la visite.`, article: 'NGAP titre XVI art. 23.1 (MAU)' });
  } else if (requested.includes('MAU')) {
    r.problems.push({
      level: 'block',
      code: 'mau-not-single',
      message_fr: 'MAU refusée : elle ne s’applique qu’à un acte unique coté AMI (ou TMI) de coefficient 1,5 au plus dans la visite, hors patient dépendant (AMX, BSI).',
    });
  }
  return r;
}

/**
 * MCI, majoration de coordination infirmière (avenant 3, from 27/05/2012; BILLING-RULES §4, §9): palliative
 * care at home, or a heavy and complex dressing; once per visit.
 */
export function mci(visit: Visit, acts: readonly ResolvedAct[], requested: readonly string[]): RuleResult {
  const r = empty();
  const dressing = acts.some((a) => a.group === 'pansement-lourd' || (a.group === 'insuline' && a.coefficient >= 400));
  if (visit.coordination === 'palliatif' && visit.place !== 'domicile') {
    r.problems.push({
      level: 'block',
      code: 'mci-not-at-home',
      message_fr: 'MCI « soins palliatifs » refusée : elle ne s’applique qu’aux soins palliatifs à domicile. Choisissez « domicile » ou retirez la coordination.',
    });
  } else if (visit.coordination === 'palliatif') {
    r.lines.push({ kind: 'majoration', code: 'MCI', coefficient: 100, explanation: 'MCI : soins palliatifs à domicile, une fois par visite.', article: 'NGAP titre XVI (MCI, avenant 3)' });
  } else if (visit.coordination === 'pansement-complexe') {
    if (dressing) {
      r.lines.push({ kind: 'majoration', code: 'MCI', coefficient: 100, explanation: 'MCI : pansement lourd et complexe, une fois par visite.', article: 'NGAP titre XVI (MCI, avenant 3)' });
    } else {
      r.problems.push({ level: 'block', code: 'mci-without-dressing', message_fr: 'MCI « pansement complexe » refusée : la visite ne comporte pas de pansement lourd et complexe.' });
    }
  } else if (requested.includes('MCI')) {
    r.problems.push({
      level: 'block',
      code: 'mci-without-condition',
      message_fr: 'MCI refusée : indiquez la coordination (soins palliatifs ou pansement lourd et complexe) dans la visite, sinon retirez-la.',
    });
  }
  return r;
}

/** MIE exists from 01/01/2020 (avenant 6: espaceinfirmier.fr ILM 359; ozzen.fr; BILLING-RULES §10). */
export const MIE_FROM = '2020-01-01';

/** MIE, child under 7 (avenant 6, from 01/01/2020): 3,15 €, never with MCI (BILLING-RULES §10, likely). */
export function mie(visit: Visit, birthDate: string, requested: readonly string[], mciBilled: boolean): RuleResult {
  const r = empty();
  const age = ageOn(birthDate, visit.date);
  if (age >= 7) {
    if (requested.includes('MIE')) r.problems.push({ level: 'block', code: 'mie-age', message_fr: `MIE refusée : le patient a ${age} ans le jour de la visite (moins de 7 ans requis).` });
    return r;
  }
  const refuse = (text: string) => {
    if (requested.includes('MIE')) r.problems.push({ level: 'block', code: 'mie-refused', message_fr: `MIE refusée. ${text}` });
    else r.explanations.push(text);
  };
  if (visit.date < MIE_FROM) refuse('Pas de MIE : la majoration enfant de moins de 7 ans existe depuis le 01/01/2020 (avenant 6).');
  else if (mciBilled) refuse('Pas de MIE : elle ne se cumule pas avec la MCI (avenant 6).');
  else r.lines.push({ kind: 'majoration', code: 'MIE', coefficient: 100, explanation: `MIE : enfant de moins de 7 ans (${age} an${age > 1 ? 's' : ''}).`, article: 'NGAP titre XVI (MIE, avenant 6)' });
  return r;
}
