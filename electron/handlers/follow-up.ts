/**
 * The practice's follow-up: bordereaux, payments, rejections. Each write is one transaction with its
 * audit entry; history is never edited (cancel / withdraw instead).
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import {
  checkBordereauInvoices,
  checkEventDate,
  checkPaymentAmount,
  checkPatientPaymentAmount,
  checkPayerPaymentAmount,
  defaultPayer,
  payerOwedCents,
  overdueSentOnOrBefore,
} from '../../core/domain/follow-up.ts';
import type { Bordereau, FollowUpRow, FollowUpTotals, InvoiceFollowUp } from '../../core/domain/types.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import {
  bordereauPdfFile,
  followUpCounts,
  getBordereau,
  getPayment,
  getRejection,
  insertBordereau,
  insertPayment,
  insertRejection,
  listBordereaux,
  listFollowUp,
  listLedger,
  listPayments,
  listRejections,
  markBordereauCancelled,
  markPaymentCancelled,
  markRejectionWithdrawn,
  paymentTransferSize,
  takeNextBordereauNumber,
} from '../../db/follow-up-repo.ts';
import type { HandlerContext } from '../context.ts';
import { addresseeOf, printBordereau } from './bordereau-document.ts';
import { getCaisse } from '../../db/caisses-repo.ts';
import { printAfterCommit } from './print-after-commit.ts';
import { relancesOfInvoice } from '../../db/relances-repo.ts';
import { rejectionReason } from '../../core/domain/rejection-reasons.ts';
import { requireInvoice, requirePractitioner } from './invoice-drafts.ts';
import type { AreaHandlers } from './types.ts';

function followUpRow(ctx: HandlerContext, invoiceId: number): FollowUpRow {
  const row = listFollowUp(ctx.db, { invoiceIds: [invoiceId], limit: 1 }, ctx.clock.today())[0];
  if (row) return row;
  requireInvoice(ctx, invoiceId); // unknown id → not found
  throw new DomainError('conflict', "Un brouillon n'a pas encore de suivi : validez-le d'abord (Imprimer).");
}

function invoiceFollowUp(ctx: HandlerContext, invoiceId: number): InvoiceFollowUp {
  return {
    row: followUpRow(ctx, invoiceId),
    payments: listPayments(ctx.db, invoiceId),
    rejections: listRejections(ctx.db, invoiceId),
    relances: relancesOfInvoice(ctx.db, invoiceId),
  };
}

function requireBordereau(ctx: HandlerContext, id: number): Bordereau {
  const b = getBordereau(ctx.db, id);
  if (!b) throw notFound('Bordereau');
  return { ...b, invoices: listFollowUp(ctx.db, { bordereauId: id, oldestFirst: true, limit: 500 }, ctx.clock.today()) };
}

/** Only a validated invoice, with its validation date as the earliest date of anything that follows. */
function requireFollowable(ctx: HandlerContext, invoiceId: number): { row: FollowUpRow; validatedOn: string } {
  const row = followUpRow(ctx, invoiceId);
  if (row.state === 'annulee') throw new DomainError('conflict', 'Cette facture est annulée : plus rien ne peut y être enregistré.');
  return { row, validatedOn: ctx.clock.dateOf(row.validatedAt) };
}

const dateProblem = (field: string, problem: string | null) => {
  if (problem) throw new DomainError('invalid-input', problem, field);
};

export const followUpHandlers: AreaHandlers<
  | 'follow-up/list' | 'follow-up/totals' | 'follow-up/invoice'
  | 'bordereaux/create' | 'bordereaux/list' | 'bordereaux/get' | 'bordereaux/print' | 'bordereaux/cancel'
  | 'payments/add' | 'payments/cancel' | 'payments/ledger' | 'rejections/add' | 'rejections/withdraw'
> = {
  'follow-up/list': (input, ctx) => {
    const today = ctx.clock.today();
    return listFollowUp(
      ctx.db,
      {
        practitionerId: input.practitionerId,
        patientId: input.patientId,
        states: input.overdueOnly ? ['envoyee', 'payee-partiellement'] : input.states,
        sentOnOrBefore: input.overdueOnly ? overdueSentOnOrBefore(today) : undefined,
        oldestFirst: input.oldestFirst,
        limit: input.limit,
      },
      today,
    );
  },

  'follow-up/totals': ({ practitionerId }, ctx): FollowUpTotals => {
    const counts = followUpCounts(ctx.db, practitionerId, overdueSentOnOrBefore(ctx.clock.today()));
    const of = (...states: string[]) => counts.filter((c) => states.includes(c.state));
    const sum = (rows: typeof counts, key: 'count' | 'awaitedCents' | 'overdue') => rows.reduce((s, r) => s + r[key], 0);
    const waiting = of('envoyee', 'payee-partiellement');
    return {
      aEnvoyer: { count: sum(of('a-envoyer'), 'count'), expectedCents: sum(of('a-envoyer'), 'awaitedCents') },
      enAttente: { count: sum(waiting, 'count'), expectedCents: sum(waiting, 'awaitedCents'), overdue: sum(waiting, 'overdue') },
      rejetees: { count: sum(of('rejetee'), 'count'), expectedCents: sum(of('rejetee'), 'awaitedCents') },
    };
  },

  'follow-up/invoice': ({ id }, ctx) => invoiceFollowUp(ctx, id),

  /** One caisse, « à envoyer » invoices only, gapless number, then the printed bordereau. */
  'bordereaux/create': async ({ practitionerId, invoiceIds, sentOn }, ctx) => {
    const bordereau = inTransaction(ctx.db, () => {
      requirePractitioner(ctx, practitionerId);
      const today = ctx.clock.today();
      const rows = listFollowUp(ctx.db, { invoiceIds, limit: invoiceIds.length }, today);
      const missing = invoiceIds.find((id) => !rows.some((r) => r.invoiceId === id));
      if (missing !== undefined) {
        throw new DomainError('not-found', 'Une des factures choisies est introuvable ou encore en brouillon.', 'invoiceIds');
      }
      const foreign = rows.find((r) => r.practitionerId !== practitionerId);
      if (foreign) throw new DomainError('invalid-input', `La facture n° ${foreign.number} appartient à un autre praticien.`, 'invoiceIds');
      const check = checkBordereauInvoices(rows);
      if (!check.ok) throw new DomainError('invalid-input', check.message_fr, 'invoiceIds');
      const lastValidated = rows.reduce((max, r) => {
        const on = ctx.clock.dateOf(r.validatedAt);
        return on > max ? on : max;
      }, '0000-01-01');
      dateProblem('sentOn', checkEventDate(sentOn, today, lastValidated, "Date d'envoi"));
      const now = ctx.clock.nowIso();
      const id = insertBordereau(
        ctx.db,
        {
          practitionerId,
          number: takeNextBordereauNumber(ctx.db, practitionerId),
          ...check.destination,
          sentOn,
          invoiceCount: rows.length,
          totalCents: rows.reduce((s, r) => s + r.totalCents, 0),
          expectedCents: rows.reduce((s, r) => s + r.expectedCents, 0),
          createdAt: now,
        },
        invoiceIds,
        addresseeOf(getCaisse(ctx.db, check.destination.regime, check.destination.caisse)),
      );
      const created = requireBordereau(ctx, id);
      recordAudit(ctx.db, now, 'bordereau', id, 'create', null, { ...created, invoices: invoiceIds });
      return created;
    });
    const document = await printAfterCommit(`bordereau ${bordereau.number}`, () => printBordereau(ctx, bordereau, false));
    return { bordereau, document };
  },

  'bordereaux/list': (input, ctx) => listBordereaux(ctx.db, input),

  'bordereaux/get': ({ id }, ctx) => requireBordereau(ctx, id),

  'bordereaux/print': async ({ id }, ctx) => {
    const b = requireBordereau(ctx, id);
    const duplicata = bordereauPdfFile(ctx.db, id) !== null;
    recordAudit(ctx.db, ctx.clock.nowIso(), 'bordereau', id, duplicata ? 'print-duplicata' : 'print', null, { number: b.number });
    return printBordereau(ctx, b, duplicata);
  },

  'bordereaux/cancel': ({ id, reason }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireBordereau(ctx, id);
      if (before.cancelledAt !== null) throw new DomainError('conflict', 'Ce bordereau est déjà annulé.');
      const settled = before.invoices.find((r) => r.paidCents > 0 || r.state === 'rejetee');
      if (settled) {
        throw new DomainError(
          'conflict',
          `La caisse a déjà répondu pour la facture n° ${settled.number} (paiement ou rejet enregistré) : ce bordereau ne peut plus être annulé.`,
        );
      }
      const now = ctx.clock.nowIso();
      markBordereauCancelled(ctx.db, id, reason, now);
      recordAudit(ctx.db, now, 'bordereau', id, 'cancel', { cancelledAt: null }, { cancelledAt: now, reason });
      return requireBordereau(ctx, id);
    }),

  'payments/add': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const { row, validatedOn } = requireFollowable(ctx, input.invoiceId);
      const payer = input.payer ?? defaultPayer(row);
      if (payer === 'patient') {
        const problem = checkPatientPaymentAmount(input.amountCents, row.patientDueCents, row.patientPaidCents);
        if (problem) throw new DomainError('invalid-input', problem, 'amountCents');
      } else {
        if (row.state === 'rejetee') {
          throw new DomainError('conflict', "Cette facture est marquée rejetée : retirez d'abord le rejet si la caisse l'a finalement payée.");
        }
        // The invoice as a whole, then each payer capped at what it owes under the invoice's tiers payant.
        const invoice = requireInvoice(ctx, input.invoiceId);
        const paidByPayer = listPayments(ctx.db, input.invoiceId)
          .filter((p) => p.payer === payer && p.cancelledAt === null)
          .reduce((sum, p) => sum + p.amountCents, 0);
        const amountProblem =
          checkPaymentAmount(input.amountCents, row.expectedCents, row.paidCents) ??
          checkPayerPaymentAmount(payer, input.amountCents, payerOwedCents(payer, invoice), paidByPayer);
        if (amountProblem) throw new DomainError('invalid-input', amountProblem, 'amountCents');
      }
      dateProblem('receivedOn', checkEventDate(input.receivedOn, ctx.clock.today(), validatedOn, 'Date de réception'));
      const now = ctx.clock.nowIso();
      const id = insertPayment(ctx.db, { ...input, payer, createdAt: now });
      recordAudit(ctx.db, now, 'payment', id, 'create', null, getPayment(ctx.db, id));
      return invoiceFollowUp(ctx, input.invoiceId);
    }),

  'payments/cancel': ({ paymentId, reason }, ctx) =>
    inTransaction(ctx.db, () => {
      const payment = getPayment(ctx.db, paymentId);
      if (!payment) throw notFound('Paiement');
      if (payment.cancelledAt !== null) throw new DomainError('conflict', 'Ce paiement est déjà annulé.');
      const size = paymentTransferSize(ctx.db, paymentId);
      if (size > 1) {
        throw new DomainError('conflict', `Ce paiement fait partie d'un virement réparti sur ${size} factures : annulez le virement entier (Encaissements).`);
      }
      const now = ctx.clock.nowIso();
      markPaymentCancelled(ctx.db, paymentId, reason, now);
      recordAudit(ctx.db, now, 'payment', paymentId, 'cancel', payment, getPayment(ctx.db, paymentId));
      return invoiceFollowUp(ctx, payment.invoiceId);
    }),

  'payments/ledger': (input, ctx) => {
    requirePractitioner(ctx, input.practitionerId);
    return listLedger(ctx.db, input);
  },

  'rejections/add': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const { row, validatedOn } = requireFollowable(ctx, input.invoiceId);
      if (row.state === 'rejetee') throw new DomainError('conflict', 'Un rejet est déjà enregistré pour cette facture.');
      if (row.bordereau === null) {
        throw new DomainError('conflict', "Cette facture n'a pas encore été envoyée : seule la caisse qui l'a reçue peut la rejeter.");
      }
      if (row.state === 'payee') throw new DomainError('conflict', 'Cette facture est entièrement réglée : un rejet ne peut plus être enregistré.');
      dateProblem('rejectedOn', checkEventDate(input.rejectedOn, ctx.clock.today(), validatedOn, 'Date du rejet'));
      const now = ctx.clock.nowIso();
      if (input.reasonCode !== undefined && !rejectionReason(input.reasonCode)) throw new DomainError('invalid-input', 'Motif de rejet inconnu.', 'reasonCode');
      const id = insertRejection(ctx.db, { ...input, reasonCode: input.reasonCode ?? null, createdAt: now });
      recordAudit(ctx.db, now, 'rejection', id, 'create', null, getRejection(ctx.db, id));
      return invoiceFollowUp(ctx, input.invoiceId);
    }),

  'rejections/withdraw': ({ rejectionId }, ctx) =>
    inTransaction(ctx.db, () => {
      const rejection = getRejection(ctx.db, rejectionId);
      if (!rejection) throw notFound('Rejet');
      if (rejection.withdrawnAt !== null) throw new DomainError('conflict', 'Ce rejet est déjà retiré.');
      const now = ctx.clock.nowIso();
      markRejectionWithdrawn(ctx.db, rejectionId, now);
      recordAudit(ctx.db, now, 'rejection', rejectionId, 'withdraw', rejection, getRejection(ctx.db, rejectionId));
      return invoiceFollowUp(ctx, rejection.invoiceId);
    }),
};
