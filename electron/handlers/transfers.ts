/**
 * Transfers: money received (entered at the desk or pointed on a bank statement) allocated to invoices, each
 * for what it still owes the payer. One transaction with its audit entry; cancelling a transfer undoes every
 * allocation at once (the follow-up view derives paid / partly paid from live allocations).
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import type { ParsedInput } from '../../core/api/contract.ts';
import { checkEventDate } from '../../core/domain/follow-up.ts';
import { planAllocation, type Transfer, type TransferOutcome } from '../../core/domain/money-in.ts';
import { formatEuros } from '../../core/domain/money.ts';
import type { Payer } from '../../core/domain/types.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getBordereau } from '../../db/follow-up-repo.ts';
import {
  bordereauInvoiceIds,
  getTransfer,
  insertAllocation,
  insertTransfer,
  listTransfers,
  markTransferCancelled,
  owedByPayer,
  type OwedRow,
} from '../../db/money-in-repo.ts';
import type { HandlerContext } from '../context.ts';
import { requirePractitioner } from './invoice-drafts.ts';
import type { AreaHandlers } from './types.ts';

type Target = ParsedInput<'transfers/record'>['target'];

export function requireTransfer(ctx: HandlerContext, id: number): Transfer {
  const t = getTransfer(ctx.db, id);
  if (!t) throw notFound('Virement');
  return t;
}

/** The invoices a target names, checked to belong to the practitioner. */
function targetInvoices(ctx: HandlerContext, practitionerId: number, target: Target): number[] {
  if ('bordereauId' in target) {
    const b = getBordereau(ctx.db, target.bordereauId);
    if (!b) throw new DomainError('not-found', 'Bordereau introuvable.', 'target');
    if (b.practitionerId !== practitionerId) throw new DomainError('invalid-input', `Le bordereau n° ${b.number} appartient à un autre praticien.`, 'target');
    if (b.cancelledAt !== null) throw new DomainError('conflict', `Le bordereau n° ${b.number} est annulé : pointez ses factures une à une.`, 'target');
    return bordereauInvoiceIds(ctx.db, b.id);
  }
  return target.invoiceIds;
}

/** What the desk reads after recording: spread, short, or a credit kept. */
function outcomeMessage(t: Transfer, shortCents: number): string {
  const n = t.allocations.length;
  const spread =
    n === 0
      ? `Aucune des factures choisies n'attend plus rien de ce payeur : ${formatEuros(t.amountCents)} gardés en crédit.`
      : `Virement de ${formatEuros(t.amountCents)} réparti sur ${n} facture${n > 1 ? 's' : ''}.`;
  const parts = [spread];
  if (shortCents > 0) parts.push(`Il manque ${formatEuros(shortCents)} : le reste demeure dû.`);
  if (t.creditCents > 0 && n > 0) parts.push(`Trop-perçu de ${formatEuros(t.creditCents)} gardé en crédit (non réparti).`);
  return parts.join(' ');
}

/**
 * The invoices a target names with what each still owes the payer, after the checks shared by recording a
 * transfer and spreading a credit later: the practitioner exists, every invoice exists, is theirs and is
 * validated. One code path for both, so a credit is never spread by looser rules than a payment.
 */
function owedOnTarget(ctx: HandlerContext, practitionerId: number, payer: Payer | null, target: Target): OwedRow[] {
  requirePractitioner(ctx, practitionerId);
  const ids = targetInvoices(ctx, practitionerId, target);
  const owed = owedByPayer(ctx.db, ids, payer);
  const missing = ids.find((id) => !owed.some((o) => o.invoiceId === id));
  if (missing !== undefined) throw new DomainError('not-found', 'Une des factures choisies est introuvable.', 'target');
  const foreign = owed.find((o) => o.practitionerId !== practitionerId);
  if (foreign) throw new DomainError('invalid-input', `La facture n° ${foreign.number} appartient à un autre praticien.`, 'target');
  const draft = owed.find((o) => o.state === 'brouillon');
  if (draft) throw new DomainError('conflict', `La facture n° ${draft.number} est un brouillon : validez-la d'abord.`, 'target');
  return owed;
}

/** Records a transfer and its allocations (inside the caller's transaction). Shared by the desk and the statement. */
export function recordTransfer(
  ctx: HandlerContext,
  input: { practitionerId: number; receivedOn: string; payer?: Payer | undefined; amountCents: number; mode: Transfer['mode']; reference: string | null; target: Target },
  bankLineId: number | null,
): TransferOutcome {
  const owed = owedOnTarget(ctx, input.practitionerId, input.payer ?? null, input.target);
  const dateProblem = checkEventDate(input.receivedOn, ctx.clock.today(), '0000-01-01', 'Date de réception');
  if (dateProblem) throw new DomainError('invalid-input', dateProblem, 'receivedOn');

  const plan = planAllocation(input.amountCents, owed);
  const now = ctx.clock.nowIso();
  // The transfer's payer as shown: the one given, else the caisse's share of the first invoice.
  const payer = input.payer ?? owed[0]?.payer ?? 'amo';
  const id = insertTransfer(ctx.db, { ...input, payer, bankLineId, createdAt: now });
  for (const a of plan.allocations) insertAllocation(ctx.db, id, a.invoiceId, a.amountCents, a.payer, now);
  const transfer = requireTransfer(ctx, id);
  recordAudit(ctx.db, now, 'transfer', id, 'create', null, transfer);
  return { transfer, shortCents: plan.shortCents, message_fr: outcomeMessage(transfer, plan.shortCents) };
}

/**
 * Whose shares a credit pays: a patient's money pays patients' shares only; a caisse's or a complémentaire's
 * pays the tiers-payant shares, by default as a caisse transfer does (the AME share of an AME invoice, the
 * caisse's of the others), or the one share the desk names.
 */
function creditPayer(t: Transfer, given: Payer | undefined): Payer | null {
  if (t.payer === 'patient') {
    if (given !== undefined && given !== 'patient') throw new DomainError('invalid-input', "Ce crédit vient d'un patient : il ne peut payer que des parts patient.", 'payer');
    return 'patient';
  }
  if (given === 'patient') throw new DomainError('invalid-input', `Ce crédit ne vient pas d'un patient : il ne paie pas de part patient.`, 'payer');
  return given ?? null;
}

/** Spreads what is left of a live transfer onto invoices of its practitioner (inside the caller's transaction). */
export function allocateCredit(ctx: HandlerContext, input: { transferId: number; payer?: Payer | undefined; target: Target }): TransferOutcome {
  const before = requireTransfer(ctx, input.transferId);
  if (before.cancelledAt !== null) throw new DomainError('conflict', 'Ce virement est annulé : il n\'a plus de crédit à répartir.', 'transferId');
  if (before.creditCents <= 0) throw new DomainError('conflict', 'Ce virement n\'a plus de crédit à répartir : tout son montant est déjà sur des factures.', 'transferId');
  const owed = owedOnTarget(ctx, before.practitionerId, creditPayer(before, input.payer), input.target);
  const plan = planAllocation(before.creditCents, owed);
  if (plan.allocations.length === 0) {
    throw new DomainError('conflict', `Aucune des factures choisies n'attend plus rien de ce payeur : le crédit de ${formatEuros(before.creditCents)} reste entier.`, 'target');
  }
  const now = ctx.clock.nowIso();
  for (const a of plan.allocations) insertAllocation(ctx.db, before.id, a.invoiceId, a.amountCents, a.payer, now);
  const after = requireTransfer(ctx, before.id);
  recordAudit(ctx.db, now, 'transfer', before.id, 'allocate-credit', before, after);
  const spent = before.creditCents - after.creditCents;
  const n = plan.allocations.length;
  const parts = [`Crédit de ${formatEuros(spent)} réparti sur ${n} facture${n > 1 ? 's' : ''}.`];
  if (plan.shortCents > 0) parts.push(`Il manque ${formatEuros(plan.shortCents)} : le reste demeure dû.`);
  parts.push(after.creditCents > 0 ? `Reste en crédit : ${formatEuros(after.creditCents)}.` : 'Plus aucun crédit sur ce virement.');
  return { transfer: after, shortCents: plan.shortCents, message_fr: parts.join(' ') };
}

export const transferHandlers: AreaHandlers<'transfers/record' | 'transfers/allocate-credit' | 'transfers/cancel' | 'transfers/get' | 'transfers/list'> = {
  'transfers/record': (input, ctx) => inTransaction(ctx.db, () => recordTransfer(ctx, input, null)),

  'transfers/allocate-credit': (input, ctx) => inTransaction(ctx.db, () => allocateCredit(ctx, input)),

  'transfers/cancel': ({ id, reason }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireTransfer(ctx, id);
      if (before.cancelledAt !== null) throw new DomainError('conflict', 'Ce virement est déjà annulé.');
      const now = ctx.clock.nowIso();
      markTransferCancelled(ctx.db, id, reason, now);
      const after = requireTransfer(ctx, id);
      recordAudit(ctx.db, now, 'transfer', id, 'cancel', before, after);
      return after;
    }),

  'transfers/get': ({ id }, ctx) => requireTransfer(ctx, id),

  'transfers/list': (input, ctx) => listTransfers(ctx.db, input),
};
