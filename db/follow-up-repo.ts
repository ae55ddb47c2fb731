/**
 * Follow-up rows (one per invoice, read from the `invoice_follow_up` view), bordereaux, payments and
 * rejections. Plain functions over the db handle; the caller holds the transaction.
 */
import type { BordereauSummary, FollowUpRow, FollowUpState, LedgerLine, Payer, Payment, PaymentMode, Rejection } from '../core/domain/types.ts';
import { isOverdue } from '../core/domain/follow-up.ts';
import type { Db } from './connection.ts';
import { PATIENT_NAME_SQL } from './patients-repo.ts';
import { takeNext } from './counters.ts';
import { insertAllocation, insertTransfer, LIVE_CREDITS_FROM, markTransferCancelled } from './money-in-repo.ts';

export interface FollowUpFilter {
  practitionerId?: number | undefined;
  patientId?: number | undefined;
  invoiceIds?: readonly number[] | undefined;
  /** Invoices listed on this bordereau (active or cancelled). */
  bordereauId?: number | undefined;
  states?: readonly FollowUpState[] | undefined;
  /** Only invoices sent on or before this date and still awaiting payment. */
  sentOnOrBefore?: string | undefined;
  oldestFirst?: boolean | undefined;
  limit: number;
}

interface FollowUpRowDb {
  invoice_id: number;
  number: number;
  validated_at: string;
  practitioner_id: number;
  patient_id: number;
  patient_name: string;
  nir: string;
  regime: string | null;
  caisse: string | null;
  first_act_date: string | null;
  last_act_date: string | null;
  ame: number;
  total_cents: number;
  expected_cents: number;
  paid_cents: number;
  patient_due_cents: number;
  patient_paid_cents: number;
  state: FollowUpState;
  bordereau_id: number | null;
  bordereau_number: number | null;
  sent_on: string | null;
}

/**
 * The ids a filter selects, newest (or oldest) first, without computing any row: a filter on states
 * walks `follow_up_states` (indexed by practitioner and state), so the few open invoices are found
 * without touching years of settled ones.
 */
function pickInvoiceIds(db: Db, f: FollowUpFilter): number[] {
  const byState = f.states !== undefined;
  const where = ["i.status <> 'draft'"];
  const params: (string | number)[] = [];
  if (f.practitionerId !== undefined) (where.push(`${byState ? 's' : 'i'}.practitioner_id = ?`), params.push(f.practitionerId));
  if (f.states !== undefined) {
    where.push(`s.state IN (${f.states.map(() => '?').join(', ')})`);
    params.push(...f.states);
  }
  if (f.patientId !== undefined) (where.push('i.patient_id = ?'), params.push(f.patientId));
  if (f.bordereauId !== undefined) {
    where.push('i.id IN (SELECT invoice_id FROM bordereau_invoices WHERE bordereau_id = ?)');
    params.push(f.bordereauId);
  }
  if (f.sentOnOrBefore !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM bordereau_invoices bi JOIN bordereaux b ON b.id = bi.bordereau_id
                WHERE bi.invoice_id = i.id AND b.cancelled_at IS NULL AND b.sent_on <= ?)`);
    params.push(f.sentOnOrBefore);
  }
  const id = byState ? 's.invoice_id' : 'i.id';
  const from = byState ? 'follow_up_states s JOIN invoices i ON i.id = s.invoice_id' : 'invoices i';
  return db
    .prepare(`SELECT ${id} AS id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${id} ${f.oldestFirst ? 'ASC' : 'DESC'} LIMIT ?`)
    .pluck()
    .all(...params, f.limit) as number[];
}

/**
 * Follow-up rows of validated and cancelled invoices (drafts have no follow-up): the given `invoiceIds`,
 * or those the other filters select. Each row is computed by the view, for the selected invoices only.
 */
export function listFollowUp(db: Db, f: FollowUpFilter, today: string): FollowUpRow[] {
  const ids = f.invoiceIds ?? pickInvoiceIds(db, f);
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT f.invoice_id, f.number, f.practitioner_id, f.patient_id, f.expected_cents, f.paid_cents, f.patient_due_cents, f.patient_paid_cents, f.state, f.bordereau_id,
         b.number AS bordereau_number, b.sent_on,
         ${PATIENT_NAME_SQL} AS patient_name, p.nir, p.regime, p.caisse,
         i.ame, i.total_cents, i.validated_at,
         (SELECT min(act_date) FROM invoice_lines l WHERE l.invoice_id = f.invoice_id) AS first_act_date,
         (SELECT max(act_date) FROM invoice_lines l WHERE l.invoice_id = f.invoice_id) AS last_act_date
       FROM invoice_follow_up f
       JOIN invoices i ON i.id = f.invoice_id
       JOIN patients p ON p.id = f.patient_id
       LEFT JOIN bordereaux b ON b.id = f.bordereau_id
       WHERE f.status <> 'draft' AND f.invoice_id IN (${ids.map(() => '?').join(', ')})
       ORDER BY f.invoice_id ${f.oldestFirst ? 'ASC' : 'DESC'}`,
    )
    .all(...ids) as FollowUpRowDb[];
  return rows.map((r) => ({
    invoiceId: r.invoice_id,
    number: r.number,
    validatedAt: r.validated_at,
    practitionerId: r.practitioner_id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    nir: r.nir,
    regime: r.regime,
    caisse: r.caisse,
    firstActDate: r.first_act_date,
    lastActDate: r.last_act_date,
    ame: r.ame === 1,
    totalCents: r.total_cents,
    expectedCents: r.expected_cents,
    paidCents: r.paid_cents,
    patientDueCents: r.patient_due_cents,
    patientPaidCents: r.patient_paid_cents,
    state: r.state,
    bordereau: r.bordereau_id === null ? null : { id: r.bordereau_id, number: r.bordereau_number!, sentOn: r.sent_on! },
    overdue: isOverdue(r.state, r.sent_on, today),
  }));
}

/** Count and awaited amount per open state, and how many sent invoices are overdue. */
export function followUpCounts(
  db: Db,
  practitionerId: number | undefined,
  overdueSentOnOrBefore: string,
): { state: FollowUpState; count: number; awaitedCents: number; overdue: number }[] {
  return db
    .prepare(
      `SELECT s.state, count(*) AS count, sum(f.expected_cents - f.paid_cents) AS awaitedCents,
         sum(CASE WHEN b.sent_on <= ? THEN 1 ELSE 0 END) AS overdue
       FROM follow_up_states s
       JOIN invoice_follow_up f ON f.invoice_id = s.invoice_id
       LEFT JOIN bordereaux b ON b.id = f.bordereau_id
       WHERE s.state IN ('a-envoyer', 'envoyee', 'payee-partiellement', 'rejetee')
         ${practitionerId === undefined ? '' : 'AND s.practitioner_id = ?'}
       GROUP BY s.state`,
    )
    .all(overdueSentOnOrBefore, ...(practitionerId === undefined ? [] : [practitionerId])) as {
    state: FollowUpState;
    count: number;
    awaitedCents: number;
    overdue: number;
  }[];
}

/** Invoices whose stored state differs from the view's (must always be none; checked by tests). */
export function followUpStateDrift(db: Db): { invoiceId: number; stored: string | null; actual: string }[] {
  return db
    .prepare(
      `SELECT f.invoice_id AS invoiceId, s.state AS stored, f.state AS actual
       FROM invoice_follow_up f LEFT JOIN follow_up_states s ON s.invoice_id = f.invoice_id
       WHERE f.status <> 'draft' AND (s.state IS NULL OR s.state <> f.state OR s.practitioner_id <> f.practitioner_id)`,
    )
    .all() as { invoiceId: number; stored: string | null; actual: string }[];
}

// ---------------------------------------------------------------- bordereaux

interface BordereauDb {
  id: number;
  practitioner_id: number;
  number: number;
  regime: string;
  caisse: string;
  sent_on: string;
  invoice_count: number;
  total_cents: number;
  expected_cents: number;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  pdf_file: string | null;
}

const toBordereau = (r: BordereauDb): BordereauSummary => ({
  id: r.id,
  practitionerId: r.practitioner_id,
  number: r.number,
  regime: r.regime,
  caisse: r.caisse,
  sentOn: r.sent_on,
  invoiceCount: r.invoice_count,
  totalCents: r.total_cents,
  expectedCents: r.expected_cents,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  printed: r.pdf_file !== null,
});

/** Next bordereau number of the practitioner (gapless); same transaction as the insert. */
export const takeNextBordereauNumber = (db: Db, practitionerId: number): number => takeNext(db, 'bordereau_counters', practitionerId);

export function insertBordereau(
  db: Db,
  b: Omit<BordereauSummary, 'id' | 'cancelledAt' | 'cancelReason' | 'printed'>,
  invoiceIds: readonly number[],
  /** The addressee as printed, frozen with the bordereau (null: none in the catalogue). */
  addressee: BordereauAddressee | null = null,
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO bordereaux (practitioner_id, number, regime, caisse, sent_on, invoice_count, total_cents, expected_cents, created_at,
           addressee_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(b.practitionerId, b.number, b.regime, b.caisse, b.sentOn, b.invoiceCount, b.totalCents, b.expectedCents, b.createdAt, JSON.stringify(addressee))
      .lastInsertRowid,
  );
  const link = db.prepare('INSERT INTO bordereau_invoices (bordereau_id, invoice_id) VALUES (?, ?)');
  for (const invoiceId of invoiceIds) link.run(id, invoiceId);
  return id;
}

export function getBordereau(db: Db, id: number): BordereauSummary | null {
  const r = db.prepare('SELECT * FROM bordereaux WHERE id = ?').get(id) as BordereauDb | undefined;
  return r ? toBordereau(r) : null;
}

export function listBordereaux(db: Db, f: { practitionerId?: number | undefined; limit: number }): BordereauSummary[] {
  const rows =
    f.practitionerId === undefined
      ? db.prepare('SELECT * FROM bordereaux ORDER BY id DESC LIMIT ?').all(f.limit)
      : db.prepare('SELECT * FROM bordereaux WHERE practitioner_id = ? ORDER BY number DESC LIMIT ?').all(f.practitionerId, f.limit);
  return (rows as BordereauDb[]).map(toBordereau);
}

export function markBordereauCancelled(db: Db, id: number, reason: string, now: string): void {
  db.prepare('UPDATE bordereaux SET cancelled_at = ?, cancel_reason = ? WHERE id = ? AND cancelled_at IS NULL').run(now, reason, id);
}

export function bordereauPdfFile(db: Db, id: number): string | null {
  return (db.prepare('SELECT pdf_file FROM bordereaux WHERE id = ?').get(id) as { pdf_file: string | null } | undefined)?.pdf_file ?? null;
}

export function setBordereauPdf(db: Db, id: number, fileName: string): void {
  db.prepare('UPDATE bordereaux SET pdf_file = ? WHERE id = ?').run(fileName, id);
}

// ---------------------------------------------------------------- payments and rejections

interface PaymentDb {
  id: number;
  invoice_id: number;
  received_on: string;
  amount_cents: number;
  mode: PaymentMode;
  payer: Payer;
  reference: string | null;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  transfer_id: number;
}

const toPayment = (r: PaymentDb): Payment => ({
  id: r.id,
  invoiceId: r.invoice_id,
  receivedOn: r.received_on,
  amountCents: r.amount_cents,
  mode: r.mode,
  payer: r.payer,
  reference: r.reference,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  transferId: r.transfer_id,
});

const PAYMENT_COLUMNS = 'id, invoice_id, received_on, amount_cents, mode, payer, reference, created_at, cancelled_at, cancel_reason, transfer_id';

/** A payment entered on one invoice: a one-invoice transfer (see money-in-repo.ts); its id is the allocation's. */
export function insertPayment(db: Db, p: Omit<Payment, 'id' | 'cancelledAt' | 'cancelReason' | 'transferId'>): number {
  const practitionerId = db.prepare('SELECT practitioner_id FROM invoices WHERE id = ?').pluck().get(p.invoiceId) as number;
  const transferId = insertTransfer(db, { practitionerId, receivedOn: p.receivedOn, payer: p.payer, amountCents: p.amountCents, mode: p.mode, reference: p.reference, bankLineId: null, createdAt: p.createdAt });
  return insertAllocation(db, transferId, p.invoiceId, p.amountCents, p.payer, p.createdAt);
}

export function getPayment(db: Db, id: number): Payment | null {
  const r = db.prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = ?`).get(id) as PaymentDb | undefined;
  return r ? toPayment(r) : null;
}

export function listPayments(db: Db, invoiceId: number): Payment[] {
  return (db.prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE invoice_id = ? ORDER BY received_on, id`).all(invoiceId) as PaymentDb[]).map(toPayment);
}

export function hasActivePayments(db: Db, invoiceId: number): boolean {
  return db.prepare('SELECT 1 FROM payments WHERE invoice_id = ? AND cancelled_at IS NULL LIMIT 1').get(invoiceId) !== undefined;
}

/** Cancels the transfer the payment belongs to (the caller checks it pays this invoice only). */
export function markPaymentCancelled(db: Db, id: number, reason: string, now: string): void {
  const transferId = db.prepare('SELECT transfer_id FROM allocations WHERE id = ?').pluck().get(id) as number | undefined;
  if (transferId !== undefined) markTransferCancelled(db, transferId, reason, now);
}

/** How many invoices the transfer of this payment pays (1 for a payment entered on one invoice). */
export function paymentTransferSize(db: Db, id: number): number {
  return db.prepare('SELECT count(*) FROM allocations WHERE transfer_id = (SELECT transfer_id FROM allocations WHERE id = ?)').pluck().get(id) as number;
}

interface RejectionDb {
  id: number;
  invoice_id: number;
  rejected_on: string;
  reason: string;
  reason_code: string | null;
  created_at: string;
  withdrawn_at: string | null;
}

const toRejection = (r: RejectionDb): Rejection => ({
  id: r.id,
  invoiceId: r.invoice_id,
  rejectedOn: r.rejected_on,
  reason: r.reason,
  reasonCode: r.reason_code,
  createdAt: r.created_at,
  withdrawnAt: r.withdrawn_at,
});

export function insertRejection(db: Db, r: Omit<Rejection, 'id' | 'withdrawnAt'>): number {
  return Number(
    db
      .prepare('INSERT INTO rejections (invoice_id, rejected_on, reason, reason_code, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.invoiceId, r.rejectedOn, r.reason, r.reasonCode, r.createdAt).lastInsertRowid,
  );
}

export function getRejection(db: Db, id: number): Rejection | null {
  const r = db.prepare('SELECT * FROM rejections WHERE id = ?').get(id) as RejectionDb | undefined;
  return r ? toRejection(r) : null;
}

export function listRejections(db: Db, invoiceId: number): Rejection[] {
  return (db.prepare('SELECT * FROM rejections WHERE invoice_id = ? ORDER BY rejected_on, id').all(invoiceId) as RejectionDb[]).map(toRejection);
}

export function markRejectionWithdrawn(db: Db, id: number, now: string): void {
  db.prepare('UPDATE rejections SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL').run(now, id);
}

/** Payments received between two dates (inclusive), not cancelled: the practice's livre des recettes. */
export function listLedger(db: Db, f: { practitionerId: number; from: string; to: string }): LedgerLine[] {
  // What was received in the period: every live allocation, and what each live transfer still keeps as credit
  // (cash-basis receipts: the money counts on the day it came in, whatever it pays later).
  return (
    db
      .prepare(
        `SELECT * FROM (
         SELECT pay.id AS paymentId, pay.transfer_id AS transferId, pay.received_on AS receivedOn, pay.amount_cents AS amountCents, pay.mode, pay.payer, pay.reference,
           i.id AS invoiceId, i.number AS invoiceNumber, i.ame, i.practitioner_id AS practitionerId,
           pr.first_name || ' ' || pr.last_name AS practitionerName,
           ${PATIENT_NAME_SQL} AS patientName
         FROM payments pay
         JOIN invoices i ON i.id = pay.invoice_id
         JOIN patients p ON p.id = i.patient_id
         JOIN practitioners pr ON pr.id = i.practitioner_id
         WHERE pay.received_on BETWEEN ? AND ? AND pay.cancelled_at IS NULL AND i.practitioner_id = ?
         UNION ALL
         SELECT NULL, t.id, t.received_on, b.credit_cents, t.mode, t.payer, t.reference,
           NULL, NULL, 0, t.practitioner_id, (SELECT pr.first_name || ' ' || pr.last_name FROM practitioners pr WHERE pr.id = t.practitioner_id), NULL
         FROM ${LIVE_CREDITS_FROM} AND t.received_on BETWEEN ? AND ? AND t.practitioner_id = ?
         ) ORDER BY receivedOn, transferId, paymentId IS NULL, paymentId`,
      )
      .all(f.from, f.to, f.practitionerId, f.from, f.to, f.practitionerId) as (Omit<LedgerLine, 'ame'> & { ame: number })[]
  ).map((r) => ({ ...r, ame: r.ame === 1 }));
}

export interface BordereauAddressee {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
}

/** The addressee frozen at creation (`frozen: false` for a bordereau made before it was kept). */
export function getBordereauAddressee(db: Db, id: number): { frozen: false } | { frozen: true; addressee: BordereauAddressee | null } {
  const r = db.prepare('SELECT addressee_json FROM bordereaux WHERE id = ?').get(id) as { addressee_json: string | null } | undefined;
  if (!r || r.addressee_json === null) return { frozen: false };
  return { frozen: true, addressee: JSON.parse(r.addressee_json) as BordereauAddressee | null };
}
