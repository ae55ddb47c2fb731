/**
 * The cotation engine: a visit in, priced lines out, each with its French explanation and NGAP article
 * (DESIGN §5). Pure: no I/O, no clock. The handler prices with it at save and validation; the renderer
 * runs the same function for live amounts.
 */
import { formatEuros, mulDivRoundHalfUp } from '../domain/money.ts';
import { tariffInForce } from './tariff-lookup.ts';
import type { ActGroup, Catalogue, CatalogueAct, DroppedAct, PatientFacts, Practice, PricedLine, PricedVisit, Problem, Visit } from './types.ts';
import { applyNurse11B, byRank, FORFAIT_CODES, type RatedAct, type ResolvedAct } from './rules/acts-11b.ts';
import { applyKineSessions, removedCotation, stepCoefficient } from './rules/kine.ts';
import { mau, mci, mie, TIME_MAJORATIONS, timeMajoration, type WantedLine } from './rules/majorations.ts';
import { IK_TYPED, TRAVEL_CODES, travel } from './rules/travel.ts';
import { cotation } from './rules/format.ts';
import { currentCode } from './codes.ts';

const IK_CODES_SET = new Set(['IKP', 'IKM', 'IKS']);
const ALLOWANCE_CODES = new Set([...TIME_MAJORATIONS, 'MAU', 'MCI', 'MIE', ...TRAVEL_CODES, ...IK_TYPED]);
const isAllowance = (code: string): boolean => ALLOWANCE_CODES.has(currentCode(code));

/** Amount of a line: unit × coefficient (hundredths) × rate (%), rounded half up once, in integer cents. */
export const pricedAmount = (unitCents: number, coefficient: number, ratePercent: number): number =>
  mulDivRoundHalfUp(unitCents, coefficient * ratePercent, 10_000);

// A code typed by hand takes the group of its kind: TLS/TLL and the BSI bilan DI are forfaits like BSA/BSB/BSC.
const defaultGroup = (code: string): ActGroup => (code === 'AIS' ? 'ais' : FORFAIT_CODES.includes(code) ? 'forfait' : 'standard');

/** Equal acts differ only by their « à vérifier » note: a stable order on it keeps the result independent of typing order. */
const byNote = (a: { verifyNote?: string }, b: { verifyNote?: string }): number => (a.verifyNote ?? '').localeCompare(b.verifyNote ?? '');

const inForce = (a: CatalogueAct, date: string) => a.effectiveFrom <= date && (a.effectiveTo === null || a.effectiveTo >= date);

function resolve(code: string, coefficient: number, key: string | null | undefined, date: string, catalogue: Catalogue, practice: Practice): ResolvedAct {
  const acts = catalogue.acts.filter((a) => a.profession === practice.profession && a.code === code && inForce(a, date));
  const byKey = key ? acts.find((a) => a.key === key && (a.coefficient === null || a.coefficient === coefficient)) : undefined;
  const picked = byKey ?? acts.find((a) => a.coefficient === coefficient && a.group === defaultGroup(code)) ?? acts.find((a) => a.coefficient === null);
  // Only an act chosen in the picker carries its note: a typed coefficient may match several acts.
  const note = byKey?.verifyNote ? { verifyNote: byKey.verifyNote } : {};
  if (practice.profession === 'masseur-kinesitherapeute') return { code, coefficient, group: 'kine', ngap: picked?.ngap ?? 'NGAP titre XIV', ...note };
  return { code, coefficient, group: picked?.group ?? defaultGroup(code), ngap: picked?.ngap ?? 'NGAP titre XVI', ...note };
}

export function priceVisit(visit: Visit, catalogue: Catalogue, practice: Practice, patient: PatientFacts): PricedVisit {
  const problems: Problem[] = [];
  const explanations: string[] = [];
  const requested = visit.acts.map((a) => currentCode(a.code)).filter((c) => ALLOWANCE_CODES.has(c)).sort();
  const typed = visit.acts.filter((a) => !isAllowance(a.code));
  if (typed.length === 0) {
    problems.push({ level: 'block', code: 'no-act', message_fr: 'La visite ne contient aucun acte : ajoutez au moins un acte (les majorations et déplacements en découlent).' });
    return { lines: [], dropped: [], explanations, problems };
  }

  let rated: RatedAct[];
  let dropped: DroppedAct[];
  let resolved: ResolvedAct[];
  /** « à vérifier » notes of the coefficient steps applied, by `code|coefficient` of the stepped act. */
  const stepNotes = new Map<string, string>();
  if (practice.profession === 'masseur-kinesitherapeute') {
    const stepped = typed.map((a) => {
      const removed = removedCotation(a, visit.date);
      if (removed) problems.push(removed);
      // A coefficient is also the act's identity (NMI 11 is both the new « ≥ 2 membres » and the old
      // « encéphalopathie »): an act picked from the catalogue, in force with that coefficient, is not stepped.
      const picked = a.key ? catalogue.acts.find((c) => c.key === a.key && c.coefficient === a.coefficient && inForce(c, visit.date)) : undefined;
      const step = picked ? { coefficient: a.coefficient, explanation: null, verifyNote: null } : stepCoefficient(a, visit.date, catalogue.steps);
      if (step.explanation) explanations.push(step.explanation);
      if (step.verifyNote) stepNotes.set(`${a.code}|${step.coefficient}`, step.verifyNote);
      return { ...resolve(a.code, step.coefficient, a.key, visit.date, catalogue, practice), session: a.session ?? 1 };
    }).sort(byNote);
    resolved = stepped;
    const kine = applyKineSessions(stepped, visit.twoSessionsJustified, visit.date);
    ({ rated, dropped } = kine);
    problems.push(...kine.problems);
  } else {
    resolved = typed.map((a) => resolve(a.code, a.coefficient, a.key, visit.date, catalogue, practice)).sort(byNote);
    const unitOf = (code: string): number => {
      const found = tariffInForce(catalogue.tariffs, { profession: practice.profession, code, zone: practice.tariffZone, date: visit.date });
      return found.ok ? found.tariff.unitCents : 0;
    };
    ({ rated, dropped } = applyNurse11B(resolved, { date: visit.date, place: visit.place, unitOf }));
  }

  const wanted: WantedLine[] = [];
  const coordination = practice.profession === 'infirmier' ? mci(visit, resolved, requested) : null;
  const mciBilled = coordination !== null && coordination.lines.length > 0;
  const rules = [
    timeMajoration(visit, practice, requested),
    ...(coordination
      ? [mau(visit.date, resolved, requested, mciBilled), coordination, mie(visit, patient.birthDate, requested, mciBilled)]
      : []),
    travel(visit, practice, resolved, requested),
  ];
  for (const r of rules) {
    wanted.push(...r.lines);
    explanations.push(...r.explanations);
    problems.push(...r.problems);
  }
  if (practice.profession === 'masseur-kinesitherapeute') {
    for (const code of requested.filter((c) => ['MAU', 'MCI', 'MIE'].includes(c))) {
      problems.push({ level: 'block', code: 'not-for-profession', message_fr: `${code} est une majoration infirmière : elle ne s’applique pas en kinésithérapie.` });
    }
  }

  const lines: PricedLine[] = [];
  const typedIk = requested.some((c) => IK_TYPED.includes(c));
  const price = (kind: PricedLine['kind'], code: string, coefficient: number, ratePercent: 100 | 50, explanation: string, article: string, actNote?: string) => {
    const found = tariffInForce(catalogue.tariffs, { profession: practice.profession, code, zone: practice.tariffZone, date: visit.date });
    if (!found.ok) {
      // An act, or an allowance the user typed, cannot go without its tariff; one the engine derived is left
      // out with a warning (e.g. MAU before 27/05/2012, a DOM value not on file).
      const typed = kind === 'act' || requested.includes(code) || (IK_CODES_SET.has(code) && typedIk);
      const label = kind === 'act' ? cotation(code, coefficient) : code;
      problems.push(
        typed
          ? { level: 'block', code: 'tariff-missing', message_fr: `${label} : ${found.message_fr}` }
          : { level: 'warn', code: 'tariff-missing', message_fr: `${label} non facturé : ${found.message_fr}` },
      );
      return;
    }
    const t = found.tariff;
    const stepNote = kind === 'act' ? stepNotes.get(`${code}|${coefficient}`) : undefined;
    const amountCents = pricedAmount(t.unitCents, coefficient, ratePercent);
    // The IK line says what it bills: « = 6 km × 0,35 € = 2,10 € ».
    if (IK_CODES_SET.has(code)) explanation = `${explanation.replace(/\.$/, '')} × ${formatEuros(t.unitCents)} = ${formatEuros(amountCents)}.`;
    if (stepNote) explanation = `${explanation} Coefficient porté par l’avenant 7, à vérifier : ${stepNote}`;
    if (actNote) explanation = `${explanation} Acte à vérifier : ${actNote}`;
    lines.push({
      kind,
      actDate: visit.date,
      code,
      coefficient,
      ratePercent,
      unitCents: t.unitCents,
      amountCents,
      tariffId: t.id,
      explanation: t.verifyNote ? `${explanation} Tarif à vérifier : ${t.verifyNote}` : explanation,
      ngapArticle: article,
    });
  };
  const orderedActs = [...rated].sort((a, b) => b.ratePercent - a.ratePercent || byRank(a, b));
  for (const a of orderedActs) price('act', a.code, a.coefficient, a.ratePercent, a.explanation, a.article, a.verifyNote);
  for (const w of wanted) price(w.kind, w.code, w.coefficient, 100, w.explanation, w.article);
  return { lines, dropped: [...dropped].sort(byRank), explanations, problems };
}

/** Sum of a priced visit, never negative (every amount is a positive tariff × positive coefficient). */
export const visitTotal = (p: PricedVisit): number => p.lines.reduce((s, l) => s + l.amountCents, 0);
