/**
 * The links between a draft's visits and the planned visits they bill (migration care-series), kept true when
 * the draft changes after « Facturer la période »: edited by hand, or made again from a cancelled invoice.
 */
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

/** The planned visits an invoice bills (live links), or billed before it was cancelled (freed links). */
export function linkedPlannedVisits(db: Db, invoiceId: number, which: 'live' | 'freed'): number[] {
  const rows = cached(
    db,
    `SELECT planned_visit_id FROM invoice_planned_visits WHERE invoice_id = ? AND (freed_at IS NULL) = (? = 'live') ORDER BY position`,
  ).all(invoiceId, which) as { planned_visit_id: number }[];
  return rows.map((r) => r.planned_visit_id);
}

/** Among these planned visits, those billed (live) on an invoice, with its number (null for a draft). */
export function liveBillings(db: Db, plannedVisitIds: readonly number[]): { plannedVisitId: number; invoiceId: number; number: number | null }[] {
  const stmt = cached(
    db,
    `SELECT b.planned_visit_id, b.invoice_id, i.number FROM invoice_planned_visits b JOIN invoices i ON i.id = b.invoice_id
     WHERE b.planned_visit_id = ? AND b.freed_at IS NULL`,
  );
  return plannedVisitIds.flatMap((id) =>
    (stmt.all(id) as { planned_visit_id: number; invoice_id: number; number: number | null }[]).map((r) => ({
      plannedVisitId: r.planned_visit_id,
      invoiceId: r.invoice_id,
      number: r.number,
    })),
  );
}

/**
 * Links a draft's visits to these planned visits again, each to the draft visit of the same date and real hour
 * (positions change when the draft is edited): a planned visit no longer on the draft is left unlinked, free to
 * be billed. Caller holds the transaction; the draft's own live links are replaced.
 */
export function relinkDraft(db: Db, invoiceId: number, plannedVisitIds: readonly number[]): void {
  cached(db, 'DELETE FROM invoice_planned_visits WHERE invoice_id = ? AND freed_at IS NULL').run(invoiceId);
  const slots = cached(db, 'SELECT position, visit_date, visit_time FROM invoice_visits WHERE invoice_id = ? ORDER BY position').all(invoiceId) as {
    position: number;
    visit_date: string;
    visit_time: string | null;
  }[];
  const planned = cached(db, 'SELECT visit_date, done_time FROM planned_visits WHERE id = ?');
  const insert = cached(db, 'INSERT INTO invoice_planned_visits (invoice_id, position, planned_visit_id) VALUES (?, ?, ?)');
  const used = new Set<number>();
  for (const id of plannedVisitIds) {
    const p = planned.get(id) as { visit_date: string; done_time: string | null } | undefined;
    const slot = p && slots.find((s) => !used.has(s.position) && s.visit_date === p.visit_date && s.visit_time === p.done_time);
    if (!slot) continue;
    used.add(slot.position);
    insert.run(invoiceId, slot.position, id);
  }
}

/** Who did the planned visits a draft bills (live links): a draft is billed in that practitioner's name. */
export function doersOfLinkedVisits(db: Db, invoiceId: number): number[] {
  const rows = cached(
    db,
    `SELECT DISTINCT v.done_by FROM invoice_planned_visits b JOIN planned_visits v ON v.id = b.planned_visit_id
     WHERE b.invoice_id = ? AND b.freed_at IS NULL`,
  ).all(invoiceId) as { done_by: number }[];
  return rows.map((r) => r.done_by);
}

/**
 * Visits of the patient at the same date and hour on another live invoice (draft or validated): the same care
 * billed twice, e.g. a visit of the round typed again on a manual invoice. An hour missing on either side
 * matches the date alone.
 */
export function sameVisitsElsewhere(
  db: Db,
  invoiceId: number,
  patientId: number,
  visits: readonly { date: string; time: string | null }[],
): { date: string; time: string | null; number: number | null }[] {
  const stmt = cached(
    db,
    `SELECT i.number FROM invoices i JOIN invoice_visits v ON v.invoice_id = i.id
     WHERE i.patient_id = @patient AND i.id <> @invoice AND i.status <> 'cancelled' AND v.visit_date = @date
       AND (@time IS NULL OR v.visit_time IS NULL OR v.visit_time = @time)
     LIMIT 1`,
  );
  return visits.flatMap((v) => {
    const r = stmt.get({ patient: patientId, invoice: invoiceId, date: v.date, time: v.time }) as { number: number | null } | undefined;
    return r ? [{ date: v.date, time: v.time, number: r.number }] : [];
  });
}
