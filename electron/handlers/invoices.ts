import { DomainError } from '../../core/api/result.ts';
import { InvoiceCircumstances } from '../../core/api/schemas/billing.ts';
import { mergePatch } from './merge-patch.ts';
import { alreadyBilled } from './already-billed.ts';
import { identityChecks } from './identity-check.ts';
import { ameTerms } from '../../core/domain/ame.ts';
import { toHundredths } from '../../core/domain/invoice-calc.ts';
import { normalTerms } from '../../core/domain/ame.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import {
  clearPromptAnswer,
  deleteDraft,
  getNormalChoice,
  insertDraft,
  listInvoices,
  markCancelled,
  saveCircumstances,
  setAmeChoice,
  setDraftPractitioner,
  setDraftPrescription,
  setNormalChoice,
  setPromptAnswer,
} from '../../db/invoices-repo.ts';
import { applyAmeDefault } from './ame-default.ts';
import { requirePatient } from './patients.ts';
import { hasActivePayments } from '../../db/follow-up-repo.ts';
import { ameCoverageCheck } from './ame-rights.ts';
import {
  ameOrganismId,
  chooseNonAmeTerms,
  nonAmeTerms,
  rememberNonAmeTerms,
  requireDraft,
  requireInvoice,
  repriceDraft,
  requirePractitioner,
  storeDraft,
  storeVisits,
  termsOf,
} from './invoice-drafts.ts';
import { invoiceChecks, toEngineVisit } from './cotation-pricing.ts';
import { printInvoice } from './invoice-document.ts';
import { carryLinksToReissue, refuseOtherDoer, relinkAfterEdit } from './series-links.ts';
import { validateInvoice } from './invoice-validation.ts';
import { printAfterCommit } from './print-after-commit.ts';
import { printBatch } from './invoice-batch.ts';
import type { AreaHandlers } from './types.ts';
import type { HandlerContext } from '../context.ts';
import type { Invoice } from '../../core/domain/types.ts';

/** A new draft for a patient (and a prescription): its AME box and exonération carry over. Caller holds the transaction. */
export function createDraft(
  ctx: HandlerContext,
  input: { practitionerId: number; patientId: number; prescriptionId: number | null },
  // « Facturer la période » applies the AME default once the visits are stored, not on the empty draft, and
  // records one audit entry for the finished feuille (audit: false).
  opts: { ameDefault: boolean; audit?: boolean } = { ameDefault: true },
): Invoice {
  requirePractitioner(ctx, input.practitionerId);
  const patient = requirePatient(ctx, input.patientId);
  if (patient.archived) throw new DomainError('conflict', 'Ce patient est archivé : désarchivez-le avant de le facturer.');
  const prescription = input.prescriptionId === null ? null : getPrescription(ctx.db, input.prescriptionId);
  if (input.prescriptionId !== null && (!prescription || prescription.patientId !== patient.id)) {
    throw new DomainError('invalid-input', "Cette prescription n'appartient pas à ce patient.", 'prescriptionId');
  }
  const terms = prescription?.ame
    ? ameTerms(ameOrganismId(ctx), 'prescription')
    : normalTerms(prescription?.exoneration ?? 'aucune');
  const now = ctx.clock.nowIso();
  const id = insertDraft(ctx.db, { ...input, replacesInvoiceId: null }, terms, now);
  const invoice = requireInvoice(ctx, id);
  if (opts.audit !== false) recordAudit(ctx.db, now, 'invoice', id, 'create', null, invoice);
  return opts.ameDefault ? applyAmeDefault(ctx, invoice) : invoice;
}

export const invoiceHandlers: AreaHandlers<
  | 'invoices/create-draft' | 'invoices/update-draft' | 'invoices/set-ame' | 'invoices/check-rights'
  | 'invoices/set-practitioner' | 'invoices/set-prescription'
  | 'invoices/validate' | 'invoices/print' | 'invoices/cancel' | 'invoices/reissue'
  | 'invoices/delete-draft' | 'invoices/get' | 'invoices/list' | 'invoices/checks' | 'invoices/set-circumstances' | 'invoices/print-batch'
> = {
  /** From a prescription, its AME box and exonération carry over; from Facturer, a plain draft. */
  'invoices/create-draft': (input, ctx) => inTransaction(ctx.db, () => createDraft(ctx, input)),

  'invoices/update-draft': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireDraft(ctx, input.invoiceId);
      let terms = termsOf(before);
      if (!before.ame && (input.exoneration !== undefined || input.tiersPayantAmo !== undefined)) {
        terms = normalTerms(input.exoneration ?? before.exoneration, input.tiersPayantAmo ?? before.tiersPayantAmo);
      }
      // On an AME draft the typed terms wait for the AME formatting to be withdrawn (e.g. acts moved out of the rights).
      if (before.ame) chooseNonAmeTerms(ctx, before, input);
      // Acts left out stay as they are: the stored visits (or lines) are priced again under the new terms.
      const after = input.visits
        ? storeVisits(ctx, before, terms, input.visits.map(toEngineVisit))
        : input.lines
          ? storeDraft(ctx, before, terms, input.lines.map((l) => ({ ...l, coefficient: toHundredths(l.coefficient) })))
          : repriceDraft(ctx, before, terms);
      relinkAfterEdit(ctx, before.id);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', before.id, 'update', before, after);
      return applyAmeDefault(ctx, after);
    }),

  /** The « Aide médicale d'État » button; off restores the normal degraded-mode invoice. */
  'invoices/set-ame': ({ invoiceId, ame }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireDraft(ctx, invoiceId);
      if (ame) rememberNonAmeTerms(ctx, before);
      const terms = ame ? ameTerms(ameOrganismId(ctx), 'button') : before.ame ? nonAmeTerms(ctx, before) : termsOf(before);
      repriceDraft(ctx, before, terms);
      // The button wins: a later click replaces any earlier prompt answer, and « off » is remembered so the
      // AME formatting is neither re-applied by default nor asked again at Imprimer.
      setAmeChoice(ctx.db, invoiceId, ame ? null : 'declined');
      clearPromptAnswer(ctx.db, invoiceId);
      const invoice = requireInvoice(ctx, invoiceId);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoiceId, ame ? 'set-ame' : 'unset-ame', before, invoice);
      return { invoice, coverage: ameCoverageCheck(ctx, invoice) };
    }),

  /** Nature d'assurance, AT, accident tiers, entente préalable: boxes of the feuille, set on the draft. */
  'invoices/set-circumstances': ({ invoiceId, ...patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireDraft(ctx, invoiceId);
      const circumstances = mergePatch(InvoiceCircumstances, before.circumstances, patch);
      const today = ctx.clock.today();
      const dates = [
        ["Date de l'accident du travail", circumstances.atDate, 'atDate'],
        ["Date de l'accident causé par un tiers", circumstances.accidentDate, 'accidentDate'],
        ["Date de la demande d'entente préalable", circumstances.priorAgreementDate, 'priorAgreementDate'],
      ] as const;
      for (const [label, date, field] of dates) {
        if (date !== null && date > today) throw new DomainError('invalid-input', `${label} : la date est dans le futur.`, field);
      }
      saveCircumstances(ctx.db, invoiceId, circumstances);
      const after = requireInvoice(ctx, invoiceId);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoiceId, 'set-circumstances', before.circumstances, after.circumstances);
      return after;
    }),

  'invoices/check-rights': ({ id }, ctx) => ameCoverageCheck(ctx, requireInvoice(ctx, id)),

  /** Who bills a draft: its acts are priced again for the new practitioner's profession (all problems reported). */
  'invoices/set-practitioner': ({ invoiceId, practitionerId }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireDraft(ctx, invoiceId);
      const practitioner = requirePractitioner(ctx, practitionerId);
      if (practitioner.archived) throw new DomainError('conflict', 'Ce praticien est archivé : il ne peut plus facturer.', 'practitionerId');
      refuseOtherDoer(ctx, invoiceId, practitionerId);
      setDraftPractitioner(ctx.db, invoiceId, practitionerId);
      const after = repriceDraft(ctx, requireInvoice(ctx, invoiceId), termsOf(before), before);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoiceId, 'set-practitioner', { practitionerId: before.practitionerId }, { practitionerId });
      return after;
    }),

  /**
   * Attaches (or replaces, or removes with null) the prescription of a draft. A prescription ticked AME
   * formats the invoice as AME; otherwise its exonération applies, unless the invoice is AME already.
   */
  'invoices/set-prescription': ({ invoiceId, prescriptionId }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireDraft(ctx, invoiceId);
      const prescription = prescriptionId === null ? null : getPrescription(ctx.db, prescriptionId);
      if (prescriptionId !== null && (!prescription || prescription.patientId !== before.patientId)) {
        throw new DomainError('invalid-input', "Cette prescription n'appartient pas à ce patient.", 'prescriptionId');
      }
      setDraftPrescription(ctx.db, invoiceId, prescriptionId);
      const attached = requireInvoice(ctx, invoiceId);
      const terms = prescription?.ame
        ? ameTerms(ameOrganismId(ctx), 'prescription')
        : before.ame
          ? termsOf(before)
          : normalTerms(prescription?.exoneration ?? 'aucune', before.tiersPayantAmo);
      const after = applyAmeDefault(ctx, repriceDraft(ctx, attached, terms, before));
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoiceId, 'set-prescription', { prescriptionId: before.prescriptionId }, { prescriptionId });
      return after;
    }),

  /** Imprimer: the validation in one transaction (invoice-validation.ts), then the PDF after the commit. */
  'invoices/validate': async (input, ctx) => {
    const step = validateInvoice(ctx, input);
    if (step.kind !== 'committed') return step;
    const validated = step.invoice;
    const document = await printAfterCommit(`invoice ${validated.number}`, () => printInvoice(ctx, validated, false));
    return { kind: 'validated' as const, invoice: requireInvoice(ctx, validated.id), document };
  },

  'invoices/print': async ({ id, layout }, ctx) => {
    const invoice = requireInvoice(ctx, id);
    if (invoice.status === 'draft') {
      throw new DomainError('invalid-input', 'Un brouillon ne s\'imprime pas : utilisez « Imprimer » sur la facture pour la valider.');
    }
    // The first successful print is the original; every later one is a duplicata. The audit entry and the
    // original's file are recorded in one transaction once the PDF is written.
    return printInvoice(ctx, invoice, true, layout ?? null);
  },

  'invoices/print-batch': (input, ctx) => printBatch(input, ctx),

  /** Corrections by cancellation: the number stays used, the invoice stays readable as annulée. */
  'invoices/cancel': ({ invoiceId, reason }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireInvoice(ctx, invoiceId);
      if (before.status === 'draft') throw new DomainError('conflict', 'Un brouillon ne s\'annule pas : supprimez-le.');
      if (before.status === 'cancelled') throw new DomainError('conflict', 'Cette facture est déjà annulée.');
      if (hasActivePayments(ctx.db, invoiceId)) {
        throw new DomainError(
          'conflict',
          "Des paiements sont enregistrés sur cette facture : annulez-les d'abord (onglet Suivi), puis annulez la facture.",
        );
      }
      const now = ctx.clock.nowIso();
      markCancelled(ctx.db, invoiceId, reason, now);
      const after = requireInvoice(ctx, invoiceId);
      recordAudit(ctx.db, now, 'invoice', invoiceId, 'cancel', { status: before.status }, { status: 'cancelled', reason });
      return after;
    }),

  'invoices/reissue': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const cancelled = requireInvoice(ctx, id);
      if (cancelled.status !== 'cancelled') throw new DomainError('conflict', 'Seule une facture annulée peut être refaite.');
      const now = ctx.clock.nowIso();
      const draftId = insertDraft(
        ctx.db,
        { practitionerId: cancelled.practitionerId, patientId: cancelled.patientId, prescriptionId: cancelled.prescriptionId, replacesInvoiceId: id },
        termsOf(cancelled),
        now,
      );
      // What the user decided on the original stays decided: the AME choice and prompt answer (an AME turned off
      // is not applied again by default) and the boxes of the feuille (nature d'assurance, AT, accident, entente).
      setAmeChoice(ctx.db, draftId, cancelled.ameChoice);
      if (cancelled.amePromptAnswer !== null) setPromptAnswer(ctx.db, draftId, cancelled.amePromptAnswer);
      saveCircumstances(ctx.db, draftId, cancelled.circumstances);
      setNormalChoice(ctx.db, draftId, getNormalChoice(ctx.db, id));
      const draft = repriceDraft(ctx, requireInvoice(ctx, draftId), termsOf(cancelled), cancelled);
      carryLinksToReissue(ctx, id, draftId);
      recordAudit(ctx.db, now, 'invoice', draftId, 'reissue', { replaces: id }, draft);
      return draft;
    }),

  'invoices/delete-draft': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireDraft(ctx, id);
      deleteDraft(ctx.db, id);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', id, 'delete-draft', before, null);
      return { deleted: true as const };
    }),

  'invoices/get': ({ id }, ctx) => requireInvoice(ctx, id),

  'invoices/checks': ({ id }, ctx) => {
    const invoice = requireInvoice(ctx, id);
    if (invoice.status !== 'draft') return [];
    const patient = requirePatient(ctx, invoice.patientId);
    return [...invoiceChecks(ctx, invoice, requirePractitioner(ctx, invoice.practitionerId), { patient }), ...identityChecks(patient), ...alreadyBilled(ctx, invoice)];
  },

  'invoices/list': (input, ctx) => listInvoices(ctx.db, input),
};
