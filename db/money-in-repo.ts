/**
 * Transfers (money received) and their allocations to invoices. Plain functions over the db handle; the
 * caller holds the transaction. The database refuses an allocation beyond its transfer or on a cancelled one.
 */
import type { Allocation, OwedInvoice, Transfer } from '../core/domain/money-in.ts';
import type { Payer, PaymentMode } from '../core/domain/types.ts';
import type { Db } from './connection.ts';
import { PATIENT_NAME_SQL } from './patients-repo.ts';
import { cached } from './statements.ts';

export interface NewTransfer {
  practitionerId: number;
  receivedOn: string;
  payer: Payer;
  amountCents: number;
  mode: PaymentMode;
  reference: string | null;
  bankLineId: number | null;
  createdAt: string;
}

export function insertTransfer(db: Db, t: NewTransfer): number {
  return Number(
    cached(
      db,
      `INSERT INTO transfers (practitioner_id, received_on, payer, amount_cents, mode, reference, bank_line_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.practitionerId, t.receivedOn, t.payer, t.amountCents, t.mode, t.reference, t.bankLineId, t.createdAt).lastInsertRowid,
  );
}

export function insertAllocation(db: Db, transferId: number, invoiceId: number, amountCents: number, payer: Payer, createdAt: string): number {
  return Number(
    cached(db, 'INSERT INTO allocations (transfer_id, invoice_id, amount_cents, payer, created_at) VALUES (?, ?, ?, ?, ?)').run(
      transferId, invoiceId, amountCents, payer, createdAt,
    ).lastInsertRowid,
  );
}

export function markTransferCancelled(db: Db, id: number, reason: string, now: string): void {
  cached(db, 'UPDATE transfers SET cancelled_at = ?, cancel_reason = ? WHERE id = ? AND cancelled_at IS NULL').run(now, reason, id);
}

interface TransferDb {
  id: number;
  practitioner_id: number;
  received_on: string;
  payer: Payer;
  amount_cents: number;
  mode: PaymentMode;
  reference: string | null;
  bank_line_id: number | null;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  allocated_cents: number;
}

/**
 * Every live transfer with part of its amount kept as credit (`b.credit_cents`, never spread silently), as a FROM
 * clause ending in WHERE: the livre des recettes and the Tableau de bord read credits through this one definition.
 */
export const LIVE_CREDITS_FROM = `transfers t JOIN transfer_balances b ON b.transfer_id = t.id WHERE t.cancelled_at IS NULL AND b.credit_cents > 0`;

const TRANSFER_SQL = `SELECT t.*, b.allocated_cents FROM transfers t JOIN transfer_balances b ON b.transfer_id = t.id`;

function allocationsOf(db: Db, transferId: number): Allocation[] {
  return cached(
    db,
    `SELECT a.id, a.invoice_id AS invoiceId, i.number AS invoiceNumber, ${PATIENT_NAME_SQL} AS patientName, a.amount_cents AS amountCents
     FROM allocations a JOIN invoices i ON i.id = a.invoice_id JOIN patients p ON p.id = i.patient_id
     WHERE a.transfer_id = ? ORDER BY a.id`,
  ).all(transferId) as Allocation[];
}

const toTransfer = (db: Db, r: TransferDb): Transfer => ({
  id: r.id,
  practitionerId: r.practitioner_id,
  receivedOn: r.received_on,
  payer: r.payer,
  amountCents: r.amount_cents,
  mode: r.mode,
  reference: r.reference,
  bankLineId: r.bank_line_id,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  allocatedCents: r.allocated_cents,
  creditCents: r.amount_cents - r.allocated_cents,
  allocations: allocationsOf(db, r.id),
});

export function getTransfer(db: Db, id: number): Transfer | null {
  const r = cached(db, `${TRANSFER_SQL} WHERE t.id = ?`).get(id) as TransferDb | undefined;
  return r ? toTransfer(db, r) : null;
}

/** Latest transfers first; `withCredit`: only live transfers with money not allocated. */
export function listTransfers(db: Db, f: { practitionerId?: number | undefined; withCredit: boolean; limit: number }): Transfer[] {
  const where: string[] = [];
  const params: (number | string)[] = [];
  if (f.practitionerId !== undefined) (where.push('t.practitioner_id = ?'), params.push(f.practitionerId));
  if (f.withCredit) where.push('t.cancelled_at IS NULL AND t.amount_cents > b.allocated_cents');
  const rows = db
    .prepare(`${TRANSFER_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.received_on DESC, t.id DESC LIMIT ?`)
    .all(...params, f.limit) as TransferDb[];
  return rows.map((r) => toTransfer(db, r));
}

export type OwedRow = OwedInvoice & { number: number; practitionerId: number; state: string };

/**
 * What each invoice still owes its payer (in the order given): the payer's tiers-payant share (or the
 * patient's own share) less that payer's live allocations. `payer` null: the caisse's transfer, which pays
 * the AMC (AME) share of an AME invoice and the AMO share of the others. A cancelled or rejected invoice
 * owes nothing here.
 */
export function owedByPayer(db: Db, invoiceIds: readonly number[], payer: Payer | null): OwedRow[] {
  if (invoiceIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT i.id AS invoiceId, i.number, i.practitioner_id AS practitionerId, f.state, i.ame,
         CASE WHEN i.tiers_payant_amo = 1 THEN i.amo_cents ELSE 0 END AS amo,
         CASE WHEN i.tiers_payant_amc = 1 THEN i.amc_cents ELSE 0 END AS amc,
         f.patient_due_cents AS patient,
         coalesce((SELECT sum(CASE WHEN pay.payer = 'amo' THEN pay.amount_cents END) FROM payments pay WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL), 0) AS paidAmo,
         coalesce((SELECT sum(CASE WHEN pay.payer = 'amc' THEN pay.amount_cents END) FROM payments pay WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL), 0) AS paidAmc,
         coalesce((SELECT sum(CASE WHEN pay.payer = 'patient' THEN pay.amount_cents END) FROM payments pay WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL), 0) AS paidPatient
       FROM invoices i JOIN invoice_follow_up f ON f.invoice_id = i.id
       WHERE i.id IN (${invoiceIds.map(() => '?').join(', ')})`,
    )
    .all(...invoiceIds) as (Omit<OwedRow, 'owedCents' | 'payer'> & { ame: number; amo: number; amc: number; patient: number; paidAmo: number; paidAmc: number; paidPatient: number })[];
  const byId = new Map(rows.map((r) => [r.invoiceId, r]));
  return invoiceIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const who: Payer = payer ?? (r.ame === 1 ? 'amc' : 'amo');
    const owed = who === 'amo' ? r.amo - r.paidAmo : who === 'amc' ? r.amc - r.paidAmc : r.patient - r.paidPatient;
    const closed = r.state === 'annulee' || r.state === 'rejetee' || r.state === 'brouillon';
    return [{ invoiceId: r.invoiceId, number: r.number, practitionerId: r.practitionerId, state: r.state, payer: who, owedCents: closed ? 0 : owed }];
  });
}

/** The invoices of a bordereau, in the order they were listed. */
export function bordereauInvoiceIds(db: Db, bordereauId: number): number[] {
  return cached(db, 'SELECT invoice_id FROM bordereau_invoices WHERE bordereau_id = ? ORDER BY invoice_id').pluck().all(bordereauId) as number[];
}

/** The live transfer pointing at a bank line, if any. */
export function transferOfBankLine(db: Db, bankLineId: number): number | null {
  return (cached(db, 'SELECT id FROM transfers WHERE bank_line_id = ? AND cancelled_at IS NULL').pluck().get(bankLineId) as number | undefined) ?? null;
}
