/**
 * Imprimer, up to the commit: the checks, then the gapless number, the validated row, the frozen print
 * model and the audit entry, in ONE transaction that reads the draft once. The PDF is printed after the
 * commit by the handler (a failing PDF must not undo a validation).
 *
 * Order of the checks: acts present → forgotten-AME prompt (7/8 numbers) → AME rights → checks before
 * Imprimer (blocking ones refuse, warnings need a confirmation) → re-pricing against today → number.
 * What a check returns or refuses after the prompt answer was recorded keeps that answer (committed).
 */
import { DomainError } from '../../core/api/result.ts';
import type { AmeCoverageCheck } from '../../core/api/contract.ts';
import type { Problem } from '../../core/cotation/types.ts';
import { AME_PROMPT_MESSAGE, amePromptDecision, ameRightsPromptMessage, ameTerms } from '../../core/domain/ame.ts';
import { computeShares, type Shares } from '../../core/domain/invoice-calc.ts';
import type { Catalogue } from '../../core/cotation/types.ts';
import { priceVisit } from '../../core/cotation/price-visit.ts';
import type { Coverage, Invoice, InvoiceVisit, Patient, Practitioner } from '../../core/domain/types.ts';
import { currentCatalogue } from '../../db/catalogue-cache.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { markValidated, saveDraftContent, setPromptAnswer, takeNextNumber, type LineData } from '../../db/invoices-repo.ts';
import type { HandlerContext } from '../context.ts';
import { ameCoverageCheck } from './ame-rights.ts';
import { invoiceChecks, practiceOf, priceVisits, type AlreadyRead } from './cotation-pricing.ts';
import { alreadyBilled } from './already-billed.ts';
import { identityChecks } from './identity-check.ts';
import { freezeFeuille } from './invoice-document.ts';
import { actsOf, ameOrganismId, priceActs, repriceDraft, requireDraft, requireInvoice, requirePractitioner, termsOf } from './invoice-drafts.ts';
import { requirePatient } from './patients.ts';

export interface ValidateRequest {
  invoiceId: number;
  ameAnswer?: 'oui' | 'non' | undefined;
  confirmOutsideRights: boolean;
  confirmWarnings: boolean;
}

export type ValidationStep =
  | { kind: 'ame-prompt'; message_fr: string }
  | { kind: 'rights-warning'; message_fr: string; check: AmeCoverageCheck }
  | { kind: 'checks-warning'; problems: Problem[] }
  /** Committed: the validated invoice as written (number, validatedAt), ready to print. */
  | { kind: 'committed'; invoice: Invoice };

type Outcome = ValidationStep | { kind: 'refused'; error: DomainError };

/** Validates a draft (see the module comment). Throws the DomainError of a refusal after committing the prompt answer. */
export function validateInvoice(ctx: HandlerContext, { invoiceId, ameAnswer, confirmOutsideRights, confirmWarnings }: ValidateRequest): ValidationStep {
  const outcome = inTransaction(ctx.db, (): Outcome => {
    let invoice = requireDraft(ctx, invoiceId);
    if (invoice.lines.length === 0) {
      throw new DomainError('invalid-input', "La facture ne contient aucun acte : ajoutez au moins un acte avant d'imprimer.", 'lines');
    }
    const patient = requirePatient(ctx, invoice.patientId);
    if (patient.archived) throw new DomainError('conflict', 'Ce patient est archivé : désarchivez-le avant de le facturer.');
    const rights = invoice.ame ? null : ameCoverageCheck(ctx, invoice);
    // Rights covering every act, or only some (the AME by default was then withdrawn): either way, asked.
    const actDates = new Set(invoice.lines.map((l) => l.actDate));
    const rightsCover = rights !== null && rights.coverage !== null && rights.status !== 'none' && rights.datesOutside.length < actDates.size;
    const decision = amePromptDecision({
      nir: patient.nir,
      ame: invoice.ame,
      storedAnswer: invoice.amePromptAnswer,
      givenAnswer: ameAnswer,
      declined: invoice.ameChoice === 'declined',
      rightsCover,
    });
    if (decision === 'ask') {
      const message_fr = rightsCover ? ameRightsPromptMessage(rights.coverage!.startDate, rights.coverage!.endDate, rights.datesOutside) : AME_PROMPT_MESSAGE;
      return { kind: 'ame-prompt', message_fr };
    }
    const answerNow = decision === 'apply-ame' ? 'oui' : decision === 'keep' ? 'non' : null;
    if (answerNow !== null && invoice.amePromptAnswer !== answerNow) {
      setPromptAnswer(ctx.db, invoice.id, answerNow);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoice.id, 'prompt-answer', { amePromptAnswer: invoice.amePromptAnswer }, { amePromptAnswer: answerNow });
      invoice = { ...invoice, amePromptAnswer: answerNow };
    }
    // The prompt's « oui » formats the invoice as AME: priced again under the AME terms (rare path, re-read).
    if (decision === 'apply-ame') invoice = repriceDraft(ctx, invoice, ameTerms(ameOrganismId(ctx), 'prompt'));

    let ameCoverage: Coverage | null = null;
    if (invoice.ame) {
      const check = ameCoverageCheck(ctx, invoice);
      if (check.status !== 'covered' && !confirmOutsideRights) return { kind: 'rights-warning', message_fr: check.message_fr ?? '', check };
      ameCoverage = check.coverage;
    }

    // Checks before Imprimer (issue #7 §4): blocking ones refuse, warnings need an explicit confirmation.
    // Read once for the checks and the re-pricing below (same transaction: they cannot change in between).
    const practitioner = requirePractitioner(ctx, invoice.practitionerId);
    const catalogue = currentCatalogue(ctx.db, practitioner.profession);
    // Each visit through the engine once, for the checks and the re-pricing (same visits, patient and catalogue).
    const priced = invoice.visits.map((v) => priceVisit(v, catalogue, practiceOf(practitioner), { birthDate: patient.birthDate }));
    const read = { practitioner, patient, catalogue, priced };
    const problems = [...invoiceChecks(ctx, invoice, practitioner, read), ...identityChecks(patient), ...alreadyBilled(ctx, invoice)];
    const blocking = problems.filter((p) => p.level === 'block');
    if (blocking.length > 0) return { kind: 'refused', error: new DomainError('invalid-input', blocking.map((p) => p.message_fr).join(' '), 'visits') };
    const warnings = problems.filter((p) => p.level === 'warn');
    if (warnings.length > 0 && !confirmWarnings) return { kind: 'checks-warning', problems: warnings };

    // Re-priced at validation (visits through the engine): tariffs and dates are checked against today once
    // more; the lines are rewritten only when that changes them.
    try {
      invoice = repriceIfChanged(ctx, invoice, read);
    } catch (err) {
      if (err instanceof DomainError) return { kind: 'refused', error: err };
      throw err;
    }
    const number = takeNextNumber(ctx.db, invoice.practitionerId);
    const now = ctx.clock.nowIso();
    const outsideRightsConfirmed = invoice.ame && confirmOutsideRights;
    markValidated(ctx.db, invoice.id, number, outsideRightsConfirmed, now);
    const validated: Invoice = { ...invoice, status: 'validated', number, validatedAt: now, outsideRightsConfirmed };
    // The printout is frozen with the invoice, from what this transaction read: every later print renders it.
    freezeFeuille(ctx, validated, { practitioner, patient, ameCoverage });
    // The warnings the user confirmed are kept with the validation (issue #19 item 2: a care billed twice).
    const confirmed = warnings.length > 0 ? { confirmedWarnings: warnings.map((w) => w.message_fr) } : {};
    recordAudit(ctx.db, now, 'invoice', invoice.id, 'validate', { status: 'draft' }, { status: 'validated', number, ...confirmed });
    return { kind: 'committed', invoice: validated };
  });
  if (outcome.kind === 'refused') throw outcome.error;
  return outcome;
}

/** Prices the draft's acts again under its own terms; writes lines, visits and totals only if they differ. */
function repriceIfChanged(
  ctx: HandlerContext,
  invoice: Invoice,
  read: AlreadyRead & { practitioner: Practitioner; patient: Patient; catalogue: Catalogue },
): Invoice {
  const terms = termsOf(invoice);
  const priced =
    invoice.visits.length > 0
      ? priceVisits(ctx, invoice, read.practitioner, invoice.visits, terms.qualificatif, read)
      : { lines: priceActs(ctx, invoice, actsOf(invoice), terms.qualificatif, read), visits: [] as InvoiceVisit[] };
  const shares = computeShares(priced.lines.map((l) => l.amountCents), terms);
  if (sameContent(invoice, priced.lines, priced.visits, shares)) return invoice;
  saveDraftContent(ctx.db, invoice.id, terms, priced.lines, shares, priced.visits);
  return requireInvoice(ctx, invoice.id);
}

/** The stored columns of a line and of a visit, as saveDraftContent writes them. */
const lineColumns = (l: LineData) =>
  [l.actDate, l.code, l.coefficient, l.quantity, l.unitCents, l.amountCents, l.qualificatif, l.tariffId, l.ratePercent, l.explanation, l.ngapArticle, l.visitPosition];
const visitColumns = (v: InvoiceVisit) => [
  v.position, v.date, v.time, v.place, v.householdRank, v.distanceTenths, v.urgent, v.callTime ?? null, v.imperativePrescription,
  v.coordination, v.twoSessionsJustified, v.r251Procedure, v.acts, v.dropped, v.explanations,
];

export function sameContent(invoice: Invoice, lines: readonly LineData[], visits: readonly InvoiceVisit[], shares: Shares): boolean {
  return (
    invoice.totalCents === shares.totalCents &&
    invoice.amoCents === shares.amoCents &&
    invoice.amcCents === shares.amcCents &&
    invoice.patientCents === shares.patientCents &&
    JSON.stringify(invoice.lines.map(lineColumns)) === JSON.stringify(lines.map(lineColumns)) &&
    JSON.stringify(invoice.visits.map(visitColumns)) === JSON.stringify(visits.map(visitColumns))
  );
}
