/**
 * Anti-rejection checks before Imprimer (issue #7 §4, DESIGN §5): pure functions returning what to do,
 * in French, blocking or warning. The engine's own problems (majoration without its condition, IK
 * without distance, tariff missing on a date) are added by the caller from each priced visit.
 */
import { addMonths, formatFrDate } from '../domain/dates.ts';
import { formatCoefficient } from '../domain/acts.ts';
import type { PricedVisit, Problem, Visit } from './types.ts';
import { ikSameCommuneWarning, type Address } from './commune.ts';
import { IK_CODES } from './tariff-lookup.ts';

export interface InvoiceCheckInput {
  profession: 'infirmier' | 'masseur-kinesitherapeute';
  visits: readonly { visit: Visit; priced: PricedVisit }[];
  prescription: { date: string; acts: readonly string[] } | null;
  patientBirthDate: string;
  /** The AME coverage used for the act dates (null when the invoice is not AME or none is on file). */
  ame: { contractCode: string | null; startDate: string } | null;
  /** The office's and the patient's addresses (IK inside the office's commune); omitted: not checked. */
  addresses?: { office: Address; patient: Address } | undefined;
}

const ageOn = (birth: string, date: string): number =>
  Number(date.slice(0, 4)) - Number(birth.slice(0, 4)) - (date.slice(5) < birth.slice(5) ? 1 : 0);

/** Act dates before the prescription date: the caisse pays nothing done before it was prescribed. */
export function checkPrescriptionDate(input: InvoiceCheckInput): Problem[] {
  if (!input.prescription) return [];
  const early = input.visits.filter((v) => v.visit.date < input.prescription!.date).map((v) => formatFrDate(v.visit.date));
  return early.length === 0
    ? []
    : [{
        level: 'block',
        code: 'before-prescription',
        message_fr: `Soins du ${[...new Set(early)].join(', ')} antérieurs à la prescription du ${formatFrDate(input.prescription.date)} : corrigez la date des soins ou rattachez la bonne prescription.`,
      }];
}

/**
 * Acts whose key letter is not among the acts picked on the prescription. Only when acts were picked from
 * the catalogue (issue #19 item 9): a prescription written in words is never checked word by word.
 */
export function checkPrescribedActs(input: InvoiceCheckInput): Problem[] {
  const picked = input.prescription?.acts ?? [];
  if (picked.length === 0) return [];
  const codes = new Set(input.visits.flatMap((v) => v.priced.lines.filter((l) => l.kind === 'act').map((l) => l.code)));
  const missing = [...codes].filter((c) => !picked.includes(c));
  return missing.length === 0
    ? []
    : [{
        level: 'warn',
        code: 'not-prescribed',
        message_fr: `${missing.join(', ')} n’apparaît pas dans les actes prescrits (${picked.join(', ')}) : vérifiez que la prescription couvre ces soins.`,
      }];
}

/** The same act twice on the same day across visits: a second passage needs a prescription that says so. */
export function checkSameActSameDay(input: InvoiceCheckInput): Problem[] {
  const seen = new Map<string, number>();
  for (const { visit, priced } of input.visits) {
    for (const l of priced.lines.filter((x) => x.kind === 'act')) {
      const k = `${visit.date}|${l.code}|${l.coefficient}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
  return [...seen.entries()]
    .filter(([, n]) => n > 1)
    .map(([k, n]) => {
      const [date, code, coef] = k.split('|') as [string, string, string];
      return {
        level: 'warn' as const,
        code: 'same-act-same-day',
        message_fr: `${code} ${formatCoefficient(Number(coef))} saisi ${n} fois le ${formatFrDate(date)} : vérifiez que la prescription prévoit ${n} passages ce jour-là, sinon supprimez le doublon.`,
      };
    });
}

/**
 * AME 9-month carence (art. L251-2 and R251-3 CASF, décret 2020-1325; code contrat from seed 004,
 * BILLING-RULES §2, §9): code contrat 04 (first application or a break of more than one year) and rights
 * begun less than 9 months before a kiné session that follows a procedure listed in R251-3 1° (adults
 * only) → defer, or ask the service médical for an accord préalable. 05 and 06 meet the seniority.
 */
export function checkAmeCarence(input: InvoiceCheckInput): Problem[] {
  if (input.profession !== 'masseur-kinesitherapeute' || !input.ame) return [];
  const code = input.ame.contractCode?.trim() ?? '';
  const normalised = /^[0-9]$/.test(code) ? `0${code}` : code;
  if (normalised !== '04') {
    const r251 = input.visits.some((v) => v.visit.r251Procedure);
    return r251 && !['05', '06'].includes(normalised)
      ? [{
          level: 'warn',
          code: 'ame-contract-unknown',
          message_fr: `Code contrat inconnu${code ? ` (« ${code} »)` : ''} : vérifiez l'attestation AME (04, 05 ou 06) et saisissez-le dans le dossier patient, onglet Complémentaire ; avec 04, un délai de carence de 9 mois s'applique à cette rééducation (art. R251-3 CASF).`,
        }]
      : [];
  }
  const endOfCarence = addMonths(input.ame.startDate, 9);
  const hits = input.visits
    .filter((v) => v.visit.r251Procedure && v.visit.date < endOfCarence && ageOn(input.patientBirthDate, v.visit.date) >= 18)
    .map((v) => formatFrDate(v.visit.date));
  return hits.length === 0
    ? []
    : [{
        level: 'warn',
        code: 'ame-carence',
        message_fr: `Délai de carence AME : code contrat 04, droits ouverts le ${formatFrDate(input.ame.startDate)}, moins de 9 mois avant la séance du ${[...new Set(hits)].join(', ')} (rééducation après une intervention de l’art. R251-3 CASF). Reportez les soins au ${formatFrDate(endOfCarence)} ou obtenez l’accord préalable du service médical (demande de prise en charge dérogatoire).`,
      }];
}

/** IK billed to a patient living in the office's own commune (NGAP art. 13: not due inside the agglomeration). */
export function checkIkCommune(input: InvoiceCheckInput): Problem[] {
  if (!input.addresses) return [];
  const ikCodes: readonly string[] = Object.values(IK_CODES);
  const billsIk = input.visits.some((v) => v.priced.lines.some((l) => ikCodes.includes(l.code)));
  const warning = ikSameCommuneWarning(input.addresses.office, input.addresses.patient, billsIk);
  return warning ? [warning] : [];
}

/** Every check, engine problems first, de-duplicated by message. */
export function checkInvoice(input: InvoiceCheckInput): Problem[] {
  const all = [
    ...input.visits.flatMap((v) => v.priced.problems),
    ...checkPrescriptionDate(input),
    ...checkPrescribedActs(input),
    ...checkSameActSameDay(input),
    ...checkAmeCarence(input),
    ...checkIkCommune(input),
  ];
  const seen = new Set<string>();
  return all.filter((p) => (seen.has(p.message_fr) ? false : (seen.add(p.message_fr), true)));
}
