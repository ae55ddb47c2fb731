/**
 * « Facturer la période » (issue 15): the done and unbilled visits of a practitioner over a period become
 * drafts — one per patient and prescription, split when the form is full, AME-formatted only over the dates
 * the patient's AME rights cover — priced by the engine through the draft code every invoice uses
 * (createDraft → storeVisits → applyAmeDefault). Each planned visit is linked to the invoice visit that bills
 * it; the database refuses a second live link (migration care-series). Then the drafts are validated with
 * the same validation as Imprimer and printed in one PDF.
 */
import type { BillPeriodResult, ParsedInput, PrintPeriodResult } from '../../core/api/contract.ts';
import { DomainError } from '../../core/api/result.ts';
import { priceVisit } from '../../core/cotation/price-visit.ts';
import type { Catalogue, PricedVisit, Visit } from '../../core/cotation/types.ts';
import { normalTerms } from '../../core/domain/ame.ts';
import { daysBetween, formatFrDate } from '../../core/domain/dates.ts';
import type { Coverage, Invoice, Patient, Practitioner } from '../../core/domain/types.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import { currentCatalogue } from '../../db/catalogue-cache.ts';
import { inTransaction } from '../../db/connection.ts';
import { listCoverages } from '../../db/coverages-repo.ts';
import { saveCircumstances, setAmeChoice } from '../../db/invoices-repo.ts';
import { linkBilledVisits, listBillable, type BillableVisit } from '../../db/series-repo.ts';
import { OVERLAY_LINES } from '../../invoice-templates/feuille-de-soins/overlay-layout.ts';
import type { HandlerContext } from '../context.ts';
import { applyAmeDefault } from './ame-default.ts';
import { invoiceChecks, practiceOf, type AlreadyRead } from './cotation-pricing.ts';
import { printBatch } from './invoice-batch.ts';
import { requireInvoice, requirePractitioner, storeVisits, termsOf } from './invoice-drafts.ts';
import { validateInvoice } from './invoice-validation.ts';
import { createDraft } from './invoices.ts';
import { requirePatient } from './patients.ts';
import { printAfterCommit } from './print-after-commit.ts';

/** Lines one feuille de soins holds (the CPAM form's act rows): a period with more goes on several feuilles. */
export const FORM_LINES = OVERLAY_LINES.rows;

/** The engine's visit for a done planned visit: the real hour drives the night/Sunday majorations. */
export const engineVisit = (v: BillableVisit): Visit => ({
  date: v.date,
  time: v.doneTime,
  place: v.place,
  householdRank: 1,
  distanceTenths: v.distanceTenths,
  urgent: false,
  callTime: null,
  imperativePrescription: v.imperativePrescription,
  coordination: 'aucune',
  twoSessionsJustified: false,
  r251Procedure: false,
  acts: v.acts.map((a) => ({ key: a.key, code: a.code, coefficient: a.coefficient })),
});

/** The AME attestation covering a date (the first on file when two overlap). */
const coveringOf = (coverages: readonly Coverage[], date: string) => coverages.find((c) => c.startDate <= date && date <= c.endDate) ?? null;

interface Chunk {
  patientId: number;
  prescriptionId: number;
  /** true: inside AME rights; false: the patient has AME rights, not on these dates; null: no AME rights on file. */
  covered: boolean | null;
  visits: BillableVisit[];
  /** The engine's visit and its pricing, index-aligned with `visits`: each visit is priced once. */
  engine: Visit[];
  priced: PricedVisit[];
}

/**
 * Splits one patient's visits into feuilles: by AME attestation (a feuille carries one attestation's rights:
 * visits before and after a renewal go on separate feuilles), then by the form's line count. Each visit is
 * priced here, once: the draft, the AME default and the checks use this pricing.
 */
function chunksOf(
  visits: readonly BillableVisit[],
  coverages: readonly Coverage[],
  price: (v: Visit) => PricedVisit,
  refused: BillPeriodResult['refused'],
): Chunk[] {
  const groups = new Map<string, Chunk>();
  for (const v of visits) {
    const coverage = coveringOf(coverages, v.date);
    const covered = coverages.length === 0 ? null : coverage !== null;
    const key = `${v.prescriptionId}|${covered}|${coverage?.id ?? ''}`;
    if (!groups.has(key)) groups.set(key, { patientId: v.patientId, prescriptionId: v.prescriptionId, covered, visits: [], engine: [], priced: [] });
    groups.get(key)!.visits.push(v);
  }
  const out: Chunk[] = [];
  for (const group of groups.values()) {
    const empty = (): Chunk => ({ ...group, visits: [], engine: [], priced: [] });
    let current = empty();
    let lines = 0;
    for (const v of group.visits) {
      const visit = engineVisit(v);
      const priced = price(visit);
      const block = priced.problems.find((p) => p.level === 'block');
      if (block) {
        refused.push({ plannedVisitId: v.id, patientId: v.patientId, date: v.date, message_fr: `Visite du ${formatFrDate(v.date)} : ${block.message_fr}` });
        continue;
      }
      if (current.visits.length > 0 && lines + priced.lines.length > FORM_LINES) {
        out.push(current);
        current = empty();
        lines = 0;
      }
      current.visits.push(v);
      current.engine.push(visit);
      current.priced.push(priced);
      lines += priced.lines.length;
    }
    if (current.visits.length > 0) out.push(current);
  }
  return out;
}

/** What the audit keeps of a feuille made by « Facturer la période »: its header and what it bills (its lines are on the invoice). */
const auditOf = (invoice: Invoice, plannedVisitIds: readonly number[]) => ({
  practitionerId: invoice.practitionerId,
  patientId: invoice.patientId,
  prescriptionId: invoice.prescriptionId,
  ame: invoice.ame,
  exoneration: invoice.exoneration,
  totalCents: invoice.totalCents,
  lines: invoice.lines.length,
  plannedVisitIds,
});

/**
 * One feuille: a draft made as Facturer makes it, the visits priced by the engine (once, in chunksOf), linked
 * to what they bill, one audit entry for the finished draft.
 */
function billChunk(ctx: HandlerContext, practitioner: Practitioner, chunk: Chunk, read: { patient: Patient; catalogue: Catalogue }): BillPeriodResult['invoices'][number] {
  const draft = createDraft(ctx, { practitionerId: practitioner.id, patientId: chunk.patientId, prescriptionId: chunk.prescriptionId }, { ameDefault: false, audit: false });
  const priced: AlreadyRead = { ...read, priced: chunk.priced };
  let terms = termsOf(draft);
  if (chunk.covered === false) {
    // The patient has AME rights, but not on these dates: a plain feuille, and the AME is neither applied by
    // default nor asked at Imprimer for it (the desk renews the rights, then cancels and re-issues).
    const prescription = getPrescription(ctx.db, chunk.prescriptionId);
    terms = normalTerms(prescription?.exoneration ?? 'aucune');
    setAmeChoice(ctx.db, draft.id, 'declined');
  }
  let stored = storeVisits(ctx, draft, terms, chunk.engine, priced);
  const plannedVisitIds = chunk.visits.map((v) => v.id);
  linkBilledVisits(ctx.db, draft.id, plannedVisitIds);
  // The accord préalable recorded on the series goes in the feuille's entente préalable box (read again: the
  // feuille answered with is the one stored).
  const agreement = chunk.visits.find((v) => v.priorAgreementDate !== null)?.priorAgreementDate ?? null;
  if (agreement !== null) {
    saveCircumstances(ctx.db, draft.id, { ...stored.circumstances, priorAgreementDate: agreement });
    stored = requireInvoice(ctx, draft.id);
  }
  const invoice = chunk.covered === false ? stored : applyAmeDefault(ctx, stored, { read: priced, audit: false });
  recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoice.id, 'bill-period', null, auditOf(invoice, plannedVisitIds));
  const dates = [...new Set(chunk.visits.map((v) => formatFrDate(v.date)))];
  return {
    invoice,
    problems: invoiceChecks(ctx, invoice, practitioner, priced),
    warning_fr:
      chunk.covered === false
        ? `Droits AME non ouverts le ${dates.join(', ')} : feuille établie sans AME. Mettez à jour les droits (onglet Complémentaire) puis annulez et refaites la facture.`
        : null,
  };
}

export function billPeriod(ctx: HandlerContext, input: ParsedInput<'series/bill-period'>): BillPeriodResult {
  if (input.to < input.from) {
    throw new DomainError('invalid-input', `La fin de la période (${formatFrDate(input.to)}) précède son début (${formatFrDate(input.from)}).`, 'to');
  }
  if (daysBetween(input.from, input.to) > 366) throw new DomainError('invalid-input', 'Une période dure un an au plus.', 'to');
  return inTransaction(ctx.db, () => {
    const practitioner = requirePractitioner(ctx, input.practitionerId);
    if (practitioner.archived) throw new DomainError('conflict', 'Ce praticien est archivé : il ne peut plus facturer.', 'practitionerId');
    if (input.patientId !== null) requirePatient(ctx, input.patientId);
    const billable = listBillable(ctx.db, { practitionerId: practitioner.id, patientId: input.patientId, from: input.from, to: input.to });
    if (billable.length === 0) throw new DomainError('not-found', 'Aucune visite faite et non facturée sur cette période.');
    const catalogue: Catalogue = currentCatalogue(ctx.db, practitioner.profession);
    const practice = practiceOf(practitioner);
    const today = ctx.clock.today();
    const result: BillPeriodResult = { invoices: [], refused: [] };
    const byPatient = new Map<number, BillableVisit[]>();
    for (const v of billable) {
      const own = byPatient.get(v.patientId);
      if (own) own.push(v);
      else byPatient.set(v.patientId, [v]);
    }
    for (const [patientId, visits] of byPatient) {
      const patient: Patient = requirePatient(ctx, patientId);
      if (patient.archived) {
        for (const v of visits) result.refused.push({ plannedVisitId: v.id, patientId, date: v.date, message_fr: 'Patient archivé : désarchivez-le pour facturer.' });
        continue;
      }
      const coverages = listCoverages(ctx.db, patientId, today).filter((c) => c.organism.isAme);
      const price = (v: Visit) => priceVisit(v, catalogue, practice, { birthDate: patient.birthDate });
      for (const chunk of chunksOf(visits, coverages, price, result.refused)) result.invoices.push(billChunk(ctx, practitioner, chunk, { patient, catalogue }));
    }
    return result;
  });
}

/** Validates each draft as Imprimer does (one transaction each: gapless numbers), then one PDF of those validated. */
export async function printPeriod(ctx: HandlerContext, input: ParsedInput<'series/print-period'>): Promise<PrintPeriodResult> {
  const validated: Invoice[] = [];
  const pending: PrintPeriodResult['pending'] = [];
  for (const invoiceId of [...new Set(input.invoiceIds)]) {
    const invoice = requireInvoice(ctx, invoiceId);
    if (invoice.status === 'validated') {
      validated.push(invoice);
      continue;
    }
    if (invoice.status === 'cancelled') throw new DomainError('conflict', `La facture n° ${invoice.number} est annulée : refaites-la.`, 'invoiceIds');
    let step: ReturnType<typeof validateInvoice>;
    try {
      step = validateInvoice(ctx, { invoiceId, confirmWarnings: input.confirmWarnings, confirmOutsideRights: input.confirmOutsideRights });
    } catch (err) {
      // A blocking check refuses this feuille only: it stays a draft, the others are validated.
      if (!(err instanceof DomainError)) throw err;
      pending.push({ invoiceId, kind: 'refused', message_fr: err.message_fr });
      continue;
    }
    if (step.kind === 'committed') validated.push(step.invoice);
    else if (step.kind === 'checks-warning') pending.push({ invoiceId, kind: step.kind, message_fr: step.problems.map((p) => p.message_fr).join(' ') });
    else pending.push({ invoiceId, kind: step.kind, message_fr: step.message_fr });
  }
  const document =
    validated.length === 0
      ? null
      : await printAfterCommit(`${validated.length} feuilles`, async () =>
          (await printBatch({ kind: 'invoices', invoiceIds: validated.map((i) => i.id), layout: undefined }, ctx)).document);
  return { validated: validated.map((i) => requireInvoice(ctx, i.id)), pending, document };
}
