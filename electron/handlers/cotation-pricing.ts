/**
 * Visits → priced invoice lines with the cotation engine (core/cotation), and the anti-rejection checks
 * before Imprimer. The handler loads what the pure engine needs, calls it, and stores the result.
 */
import { DomainError } from '../../core/api/result.ts';
import { checkInvoice } from '../../core/cotation/checks.ts';
import { priceVisit } from '../../core/cotation/price-visit.ts';
import { checkTypedLines } from '../../core/cotation/typed-lines.ts';
import type { Catalogue, Practice, PricedVisit, Problem, Visit } from '../../core/cotation/types.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import type { Invoice, InvoiceVisit, Patient, Practitioner } from '../../core/domain/types.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import { loadCatalogue } from '../../db/catalogue-repo.ts';
import { listCoverages } from '../../db/coverages-repo.ts';
import { sameVisitsElsewhere } from '../../db/series-links-repo.ts';
import type { LineData } from '../../db/invoices-repo.ts';
import type { HandlerContext } from '../context.ts';
import { requirePatient } from './patients.ts';

export const practiceOf = (p: Practitioner): Practice => ({
  profession: p.profession,
  tariffZone: p.tariffZone,
  ikZone: p.ikZone,
  postalCode: p.postalCode,
});

/** A visit as the API parsed it (distance in km) → the engine's visit (distance in tenths, coefficients in hundredths). */
export interface VisitData {
  date: string;
  time: string | null;
  place: Visit['place'];
  householdRank: number;
  distanceKm: number | null;
  urgent: boolean;
  callTime: string | null;
  imperativePrescription: boolean;
  coordination: Visit['coordination'];
  twoSessionsJustified: boolean;
  r251Procedure: boolean;
  acts: readonly { key?: string | null | undefined; code: string; coefficient: number; session?: 1 | 2 | undefined }[];
}

export const toEngineVisit = (v: VisitData): Visit => ({
  date: v.date,
  time: v.time,
  place: v.place,
  householdRank: v.householdRank,
  distanceTenths: v.distanceKm === null ? null : Math.round(v.distanceKm * 10),
  urgent: v.urgent,
  callTime: v.callTime,
  imperativePrescription: v.imperativePrescription,
  coordination: v.coordination,
  twoSessionsJustified: v.twoSessionsJustified,
  r251Procedure: v.r251Procedure,
  acts: v.acts.map((a) => ({ key: a.key ?? null, code: a.code, coefficient: Math.round(a.coefficient * 100), ...(a.session ? { session: a.session } : {}) })),
});

/**
 * What a caller already read in its transaction (the validation): given, it is used instead of reading
 * the patient or the practitioner's catalogue again.
 */
export interface AlreadyRead {
  patient?: Patient | undefined;
  catalogue?: Catalogue | undefined;
  /**
   * The engine's result for each visit, in the visits' order, when the caller priced them already with this
   * patient and catalogue (« Facturer la période » prices each visit once to split the feuilles).
   */
  priced?: readonly PricedVisit[] | undefined;
}

/** The engine's result for the visit at index i: the caller's when given, else priced now. */
function pricedAt(read: AlreadyRead, i: number, visit: Visit, catalogue: Catalogue, practice: Practice, patient: Patient): PricedVisit {
  return read.priced?.[i] ?? priceVisit(visit, catalogue, practice, { birthDate: patient.birthDate });
}

export interface PricedContent {
  lines: LineData[];
  visits: InvoiceVisit[];
  problems: Problem[];
}

/**
 * Prices every visit of a draft. A visit dated in the future, or with a blocking problem (majoration
 * without its condition, IK without distance, tariff missing…), refuses the whole save with its French
 * message and the field of the visit: nothing is written.
 */
export function priceVisits(
  ctx: HandlerContext,
  invoice: Invoice,
  practitioner: Practitioner,
  visits: readonly Visit[],
  qualificatif: 'N' | null,
  read: AlreadyRead = {},
): PricedContent {
  const patient = read.patient ?? requirePatient(ctx, invoice.patientId);
  const catalogue: Catalogue = read.catalogue ?? loadCatalogue(ctx.db, practitioner.profession);
  const practice = practiceOf(practitioner);
  const today = ctx.clock.today();
  const lines: LineData[] = [];
  const stored: InvoiceVisit[] = [];
  const problems: Problem[] = [];
  visits.forEach((visit, i) => {
    const n = i + 1;
    if (visit.date > today) {
      throw new DomainError('invalid-input', `Visite ${n} : la date du ${formatFrDate(visit.date)} est dans le futur.`, `visits.${i}.date`);
    }
    const priced = pricedAt(read, i, visit, catalogue, practice, patient);
    const block = priced.problems.find((p) => p.level === 'block');
    if (block) throw new DomainError('invalid-input', `Visite ${n} du ${formatFrDate(visit.date)} : ${block.message_fr}`, `visits.${i}`);
    problems.push(...priced.problems);
    for (const l of priced.lines) {
      lines.push({
        actDate: l.actDate,
        code: l.code,
        coefficient: l.coefficient,
        quantity: 1,
        unitCents: l.unitCents,
        amountCents: l.amountCents,
        qualificatif,
        tariffId: l.tariffId,
        ratePercent: l.ratePercent,
        explanation: l.explanation,
        ngapArticle: l.ngapArticle,
        visitPosition: n,
      });
    }
    stored.push({ ...visit, position: n, dropped: priced.dropped, explanations: priced.explanations });
  });
  return { lines, visits: stored, problems };
}

/** Every check before Imprimer for a draft with visits (engine problems + prescription + AME carence). */
export function invoiceChecks(ctx: HandlerContext, invoice: Invoice, practitioner: Practitioner, read: AlreadyRead = {}): Problem[] {
  if (invoice.visits.length === 0) {
    // Lines typed by hand: the visit rules, one sitting per act date (typed-lines.ts).
    if (invoice.lines.length === 0) return [];
    return checkTypedLines(invoice.lines, {
      profession: practitioner.profession,
      steps: (read.catalogue ?? loadCatalogue(ctx.db, practitioner.profession)).steps,
      patientBirthDate: (read.patient ?? requirePatient(ctx, invoice.patientId)).birthDate,
    });
  }
  const patient = read.patient ?? requirePatient(ctx, invoice.patientId);
  const catalogue = read.catalogue ?? loadCatalogue(ctx.db, practitioner.profession);
  const practice = practiceOf(practitioner);
  const prescription = invoice.prescriptionId === null ? null : getPrescription(ctx.db, invoice.prescriptionId);
  const today = ctx.clock.today();
  const firstDate = invoice.visits.map((v) => v.date).sort()[0]!;
  const ameCoverage = invoice.ame
    ? listCoverages(ctx.db, invoice.patientId, today)
        .filter((c) => c.organism.isAme && c.startDate <= firstDate && c.endDate >= firstDate)
        .sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null
    : null;
  return [...checkInvoice({
    profession: practitioner.profession,
    visits: invoice.visits.map((visit, i) => ({ visit, priced: pricedAt(read, i, visit, catalogue, practice, patient) })),
    prescription: prescription ? { date: prescription.prescriptionDate, acts: prescription.prescribedActs } : null,
    patientBirthDate: patient.birthDate,
    ame: ameCoverage ? { contractCode: ameCoverage.contractCode, startDate: ameCoverage.startDate } : null,
    addresses: { office: practitioner, patient },
  }), ...billedElsewhere(ctx, invoice)];
}

/** The same visit (patient, date, hour) on another live invoice: billed twice unless one is cancelled. */
function billedElsewhere(ctx: HandlerContext, invoice: Invoice): Problem[] {
  return sameVisitsElsewhere(ctx.db, invoice.id, invoice.patientId, invoice.visits).map((d) => ({
    level: 'warn' as const,
    code: 'visit-billed-elsewhere',
    message_fr: `La visite du ${formatFrDate(d.date)}${d.time === null ? '' : ` à ${d.time}`} est déjà facturée (${
      d.number === null ? 'sur un autre brouillon' : `facture n° ${d.number}`
    }) : vérifiez qu'il ne s'agit pas de la même visite.`,
  }));
}
