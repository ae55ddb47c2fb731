/**
 * Several acts in one sitting — NGAP, dispositions générales, art. 11B: the act with the highest
 * coefficient at 100 %, the second at 50 %, the others neither billed nor written on the feuille.
 * The nurse derogations, as published (BILLING-RULES §10, each with its source):
 * - perfusion forfaits (titre XVI chap. II art. 3, since 01/10/2014): they add up at full rate among
 *   themselves; any other act is the 2nd act, at 50 % (JORFTEXT000029522660; espaceinfirmier.fr ILM 327);
 * - the insulin-treated patient (chap. II art. 5 bis): the group's acts add up at full rate among themselves,
 *   and against any other act the group counts as ONE act, ranked by its summed coefficient (CPAM guide
 *   « Facturer les actes infirmiers »; CPAM Tours; espaceinfirmier.fr ILM 322);
 * - a séance AIS and a pansement lourd et complexe add up at full rate (chap. I art. 11);
 * - the prise de sang (chap. I art. 1, from 01/12/2019): full rate beside one other act, within 2
 *   billable acts (UNCAM decision 2019, JORFTEXT000039061125);
 * - the vaccination at the patient's home: full rate whatever the other acts (since 23/03/2023;
 *   urpsinfirmiers-occitanie.fr; ameli « vaccination par infirmier »);
 * - BSI forfaits (BSA/BSB/BSC) are daily forfaits outside the ranking.
 * Where the texts leave a case open, the lower of the possible readings is billed and the explanation
 * says « à vérifier » (most prudent reading: an under-billing can be re-billed, an indu is recovered).
 * A group at half rate is priced line by line, each line rounded once (docs/DESIGN.md, « Arrondi »).
 */
import type { ActGroup, DroppedAct } from '../types.ts';
import { cotation } from './format.ts';

export interface ResolvedAct {
  code: string;
  coefficient: number;
  group: ActGroup;
  ngap: string;
  /** The « à vérifier » note of the catalogue act picked by its key (issue 18: shown in the line's explanation). */
  verifyNote?: string;
}

export interface RatedAct extends ResolvedAct {
  ratePercent: 100 | 50;
  explanation: string;
  article: string;
}

/** What the sitting's context changes in the ranking: the date (derogations in force) and the place. */
export interface SittingContext {
  date: string;
  place: 'cabinet' | 'domicile';
  /** Value in cents of one coefficient unit of a code on the date (to compare readings in open cases). */
  unitOf: (code: string) => number;
}

const ART_11B = 'NGAP dispositions générales art. 11B';
const ART_PERF = 'NGAP titre XVI chap. II art. 3';
const ART_INSULIN = 'NGAP titre XVI chap. II art. 5 bis';
const ART_AIS = 'NGAP titre XVI chap. I art. 11';
const ART_PDS = 'NGAP titre XVI chap. I art. 1 (décision UNCAM 2019)';
/** Prise de sang at full rate beside one other act (UNCAM decision 2019, JORFTEXT000039061125). */
export const PDS_DEROGATION_FROM = '2019-12-01';
/** Vaccination by a nurse (AMI 2,4 / 3,05) and its full rate at home (decision in force 23/03/2023). */
export const VACCINATION_FROM = '2023-03-23';

/**
 * What each forfait outside the ranking is (décision UNCAM du 18/07/2019, art. 1): the BSI daily forfaits, the BSI
 * bilan, and the accompaniment of a téléconsultation, « associable à taux plein avec les actes réalisés au cours de
 * la même séance » (et-gestion.com, « Comment coter l’accompagnement d’un patient lors d’une téléconsultation »).
 */
const FORFAIT_TEXT: Record<string, string> = {
  BSA: 'forfait journalier BSI',
  BSB: 'forfait journalier BSI',
  BSC: 'forfait journalier BSI',
  DI: 'bilan de soins infirmiers',
  TLS: 'accompagnement du patient à une téléconsultation',
  TLL: 'accompagnement du patient à une téléconsultation',
};

/** The codes billed as forfaits outside the ranking, whether picked in the catalogue or typed by hand. */
export const FORFAIT_CODES: readonly string[] = Object.keys(FORFAIT_TEXT);

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

/** A unit of the ranking: one act, or a group of acts that counts as one (perfusion, insuline, AIS + pansement). */
interface Unit {
  kind: 'act' | 'perfusion' | 'insuline' | 'ais-pansement' | 'prise-de-sang';
  members: ResolvedAct[];
  coefficient: number;
}

const unitText = (u: Unit): string => u.members.map((m) => cotation(m.code, m.coefficient)).join(' + ');
const unitValue = (u: Unit, rate: number, ctx: SittingContext): number =>
  u.members.reduce((s, m) => s + (ctx.unitOf(m.code) * m.coefficient * rate) / 10_000, 0);
/**
 * Units by coefficient; on a tie a group ranks before a single act — ILM 322 « Vu à la NGAP » (insulin-treated
 * patient, AMI 1 + AMI 1 beside an AMI 2: « AMI 1 + AMI 1 + AMI 2/2 »), also the lower of the two totals.
 */
const byUnitRank = (a: Unit, b: Unit): number =>
  b.coefficient - a.coefficient || Number(b.members.length > 1) - Number(a.members.length > 1) || byRank(a.members[0]!, b.members[0]!);

const GROUP_TEXT: Record<Exclude<Unit['kind'], 'act' | 'prise-de-sang'>, { text: string; article: string }> = {
  perfusion: { text: 'forfaits de perfusion, cumulables entre eux à taux plein', article: ART_PERF },
  insuline: { text: 'actes du patient insulino-traité, cumulables entre eux à taux plein et comptés comme un seul acte', article: ART_INSULIN },
  'ais-pansement': { text: 'séance AIS et pansement lourd et complexe, cumulables à taux plein', article: ART_AIS },
};

function rateUnit(u: Unit, rate: 100 | 50, why: string, article: string, out: RatedAct[]): void {
  for (const m of u.members) {
    out.push({ ...m, ratePercent: rate, explanation: `${cotation(m.code, m.coefficient, rate)}${rate === 100 ? ' à 100 %' : ''} : ${why}`, article });
  }
}

function dropUnit(u: Unit, why: string, out: DroppedAct[]): void {
  for (const m of u.members) {
    out.push({ code: m.code, coefficient: m.coefficient, explanation: `${cotation(m.code, m.coefficient)} non facturé et non porté sur la feuille : ${why}`, ngapArticle: ART_11B });
  }
}

/** Ordinary art. 11B over units: the first at 100 %, the second at 50 %, the others dropped. */
function ordinary(units: readonly Unit[], forcedFirst: Unit | null, total: number, rated: RatedAct[], dropped: DroppedAct[]): void {
  const order = forcedFirst ? [forcedFirst, ...units.filter((u) => u !== forcedFirst).sort(byUnitRank)] : [...units].sort(byUnitRank);
  order.forEach((u, i) => {
    const group = u.kind === 'act' || u.kind === 'prise-de-sang' ? null : GROUP_TEXT[u.kind];
    if (i === 0) {
      if (group) rateUnit(u, 100, `${group.text} (exception à l’art. 11B)${order.length > 1 ? ', au premier rang de la séance' : ''}.`, group.article, rated);
      else if (total === 1) rateUnit(u, 100, 'acte unique de la séance.', u.members[0]!.ngap, rated);
      else rateUnit(u, 100, 'coefficient le plus élevé de la séance (art. 11B).', ART_11B, rated);
    } else if (i === 1 && order[0]!.kind !== 'ais-pansement') {
      const after = forcedFirst && forcedFirst.kind !== 'act' ? `acte suivant ${unitText(forcedFirst)} (${GROUP_TEXT[forcedFirst.kind as keyof typeof GROUP_TEXT].text})` : 'second acte de la même séance';
      const what = group ? `${group.text}, compté comme un seul acte en second rang (${unitText(u)})` : after;
      const isAis = (x: Unit) => x.kind === 'act' && x.members[0]!.group === 'ais';
      const aisBeside = isAis(order[0]!) !== isAis(u) && u.kind !== 'perfusion' && order[0]!.kind !== 'perfusion';
      const aisNote = aisBeside
        ? ' Lecture de la fiche CPAM « DSI » (acte sans surveillance incluse, art. 11B) ; ILM n° 282 le tient pour compris dans la séance AIS : à vérifier.'
        : '';
      rateUnit(u, 50, `${what}, facturé à 50 % (art. 11B).${aisNote}`, ART_11B, rated);
    } else if (i === 1) {
      // ILM 282 « La nomenclature en question » (AIS 3 + AMI 4 escarre + injection SC: « L'injection sous
      // cutanée ne peut donc être cotée »): the séance AIS is a global cotation; only the perfusion and the
      // pansement lourd et complexe escape it.
      dropUnit(u, 'compris dans la cotation globale de la séance AIS, dont seuls la perfusion et le pansement lourd et complexe sont exclus (NGAP titre XVI chap. I art. 11 ; ILM n° 282).', dropped);
    } else {
      dropUnit(u, 'au-delà du deuxième acte de la séance (art. 11B).', dropped);
    }
  });
}

/** Rates the acts of one nurse sitting under art. 11B and its derogations. */
export function applyNurse11B(acts: readonly ResolvedAct[], ctx: SittingContext): { rated: RatedAct[]; dropped: DroppedAct[] } {
  const rated: RatedAct[] = [];
  const dropped: DroppedAct[] = [];
  const sorted = [...acts].sort(byRank);
  const total = sorted.length;
  const units: Unit[] = [];
  const group = (kind: Unit['kind'], members: ResolvedAct[]) => {
    if (members.length > 0) units.push({ kind, members, coefficient: members.reduce((s, m) => s + m.coefficient, 0) });
  };

  for (const a of sorted.filter((x) => x.group === 'forfait')) {
    rated.push({ ...a, ratePercent: 100, explanation: `${cotation(a.code, a.coefficient)} à 100 % : ${FORFAIT_TEXT[a.code] ?? 'forfait'}, hors règle de l’art. 11B.`, article: 'NGAP titre XVI chap. I (décision UNCAM du 18/07/2019)' });
  }
  const vaccinationAtHome = ctx.place === 'domicile' && ctx.date >= VACCINATION_FROM;
  for (const a of sorted.filter((x) => x.group === 'vaccination' && vaccinationAtHome)) {
    rated.push({
      ...a,
      ratePercent: 100,
      explanation: `${cotation(a.code, a.coefficient)} à 100 % : vaccination au domicile du patient, à taux plein quels que soient les autres actes (dérogation à l’art. 11B).`,
      article: 'NGAP titre XVI chap. I art. 1 (vaccination)',
    });
  }
  // Analgésie topique beside the pansement it prepares: both at full rate (ILM n° 373 « Vu à la NGAP »:
  // « si les deux actes sont réalisés lors d'une même intervention, ils sont cumulables à taux plein »).
  const dressing = sorted.some((x) => x.group === 'pansement-lourd' || (x.group === 'insuline' && x.coefficient >= 400));
  for (const a of sorted.filter((x) => x.group === 'analgesie-topique' && dressing)) {
    rated.push({
      ...a,
      ratePercent: 100,
      explanation: `${cotation(a.code, a.coefficient)} à 100 % : analgésie topique préalable au pansement de la même intervention, cumulable à taux plein.`,
      article: 'NGAP titre XVI chap. I art. 3 (analgésie topique)',
    });
  }
  const rest = sorted.filter((x) => x.group !== 'forfait' && !(x.group === 'vaccination' && vaccinationAtHome) && !(x.group === 'analgesie-topique' && dressing));
  group('perfusion', rest.filter((a) => a.group === 'perfusion'));
  group('insuline', rest.filter((a) => a.group === 'insuline'));
  const ais = rest.filter((a) => a.group === 'ais');
  const heavy = rest.filter((a) => a.group === 'pansement-lourd');
  const pair = ais.length > 0 && heavy.length > 0;
  if (pair) group('ais-pansement', [...heavy, ...ais]);
  const pdsDerogation = ctx.date >= PDS_DEROGATION_FROM;
  let pds: Unit | null = null;
  for (const a of rest) {
    if (['perfusion', 'insuline'].includes(a.group) || (pair && (a.group === 'ais' || a.group === 'pansement-lourd'))) continue;
    if (a.group === 'prise-de-sang' && pdsDerogation && pds === null) {
      pds = { kind: 'prise-de-sang', members: [a], coefficient: a.coefficient };
      units.push(pds);
    } else {
      units.push({ kind: 'act', members: [a], coefficient: a.coefficient });
    }
  }
  if (units.length === 0) return { rated, dropped };

  const perfusion = units.find((u) => u.kind === 'perfusion') ?? null;
  const pairUnit = units.find((u) => u.kind === 'ais-pansement') ?? null;
  const forcedFirst = perfusion ?? pairUnit;
  const others = pds ? units.filter((u) => u !== pds) : [];

  if (!pds || others.length === 0) {
    ordinary(units, forcedFirst, total, rated, dropped);
    return { rated, dropped };
  }

  // Prise de sang beside other acts (from 01/12/2019): full rate beside ONE other act, 2 billable acts.
  const best = forcedFirst ?? [...others].sort(byUnitRank)[0]!;
  // Beside several single acts the sources apply the derogation: the prise de sang and the highest other act
  // at full rate, the third not billed (ILM n° 359 « Vu à la NGAP »; formation-ngap-idel.fr, exemple 4).
  const open = best.kind !== 'act';
  if (!open) {
    rateUnit(best, 100, 'acte cumulé avec la prise de sang, à taux plein (dérogation à l’art. 11B depuis le 01/12/2019, deux actes au plus).', ART_PDS, rated);
    rateUnit(pds, 100, 'prise de sang à taux plein à côté d’un autre acte (dérogation à l’art. 11B depuis le 01/12/2019, deux actes au plus).', ART_PDS, rated);
    for (const u of others.filter((x) => x !== best)) dropUnit(u, 'au-delà des deux actes facturables de la dérogation « prise de sang » (art. 11B).', dropped);
    return { rated, dropped };
  }
  // Open case (BILLING-RULES §10): several acts, or a group, beside the prise de sang. Two readings:
  // (a) the derogation — the prise de sang and the best other unit at full rate, the rest not billed;
  // (b) ordinary art. 11B over every unit. The lower is billed, « à vérifier ».
  const derogation = unitValue(pds, 100, ctx) + unitValue(best, 100, ctx);
  const order = forcedFirst ? [forcedFirst, ...units.filter((u) => u !== forcedFirst).sort(byUnitRank)] : [...units].sort(byUnitRank);
  const plain = unitValue(order[0]!, 100, ctx) + (order[1] ? unitValue(order[1], 50, ctx) : 0);
  const note = ' Cas non tranché par les textes (prise de sang à côté d’un groupe d’actes) : lecture la plus prudente retenue, à vérifier.';
  const before = rated.length;
  const droppedBefore = dropped.length;
  if (derogation <= plain) {
    rateUnit(best, 100, `acte cumulé avec la prise de sang, à taux plein (dérogation à l’art. 11B, deux actes au plus).${note}`, ART_PDS, rated);
    rateUnit(pds, 100, `prise de sang à taux plein à côté d’un autre acte (dérogation à l’art. 11B, deux actes au plus).${note}`, ART_PDS, rated);
    for (const u of units.filter((x) => x !== best && x !== pds)) dropUnit(u, `au-delà des deux actes de la dérogation « prise de sang » (art. 11B).${note}`, dropped);
    return { rated, dropped };
  } else {
    ordinary(units, forcedFirst, total, rated, dropped);
    for (const r of rated.slice(before)) r.explanation += note;
    for (const d of dropped.slice(droppedBefore)) d.explanation += note;
  }
  return { rated, dropped };
}
