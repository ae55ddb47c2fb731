/** Relances (letters to the caisse or the patient about unpaid invoices) and their delays per payer. */
import type { Relance, RelanceAddressee, RelanceDelays, RelanceDue } from '../core/domain/relances.ts';
import type { Db } from './connection.ts';
import { PATIENT_NAME_SQL } from './patients-repo.ts';
import { cached } from './statements.ts';

export function getRelanceDelays(db: Db): RelanceDelays {
  const rows = cached(db, 'SELECT payer, after_days FROM relance_delays').all() as { payer: keyof RelanceDelays; after_days: number }[];
  const delays: RelanceDelays = { amo: 30, amc: 30, patient: 30 };
  for (const r of rows) delays[r.payer] = r.after_days;
  return delays;
}

export function setRelanceDelays(db: Db, delays: RelanceDelays): void {
  const set = cached(db, 'INSERT OR REPLACE INTO relance_delays (payer, after_days) VALUES (?, ?)');
  for (const [payer, days] of Object.entries(delays)) set.run(payer, days);
}

/**
 * Invoices to remind about: the caisse for tiers payant still awaited on invoices sent more than the
 * payer's delay ago (AMC for AME invoices, AMO otherwise); the patient for their own share still due
 * more than the patient delay after validation. Read from the follow-up view.
 */
export function listRelancesDue(db: Db, f: { practitionerId: number; today: string; delays: RelanceDelays; invoiceIds?: readonly number[] }): RelanceDue[] {
  const only = f.invoiceIds ? `AND f.invoice_id IN (SELECT value FROM json_each(@ids))` : '';
  const rows = db
    .prepare(
      `WITH open AS (
         SELECT f.invoice_id, f.number, f.patient_id, i.ame, p.regime, p.caisse, ${PATIENT_NAME_SQL} AS patient_name, s.state,
           f.expected_cents - f.paid_cents AS tp_left, f.patient_due_cents - f.patient_paid_cents AS patient_left,
           b.sent_on, substr(i.validated_at, 1, 10) AS validated_on
         FROM follow_up_states s JOIN invoice_follow_up f ON f.invoice_id = s.invoice_id JOIN invoices i ON i.id = f.invoice_id
           JOIN patients p ON p.id = f.patient_id LEFT JOIN bordereaux b ON b.id = f.bordereau_id
         WHERE s.practitioner_id = @practitioner AND s.state IN ('envoyee', 'payee-partiellement', 'a-encaisser') ${only}
       ),
       due AS (
         SELECT invoice_id, number, patient_id, patient_name, ame, regime, caisse, 'caisse' AS addressee, sent_on AS since, tp_left AS awaited
         FROM open WHERE state IN ('envoyee', 'payee-partiellement') AND tp_left > 0
           AND sent_on <= date(@today, '-' || (CASE WHEN ame = 1 THEN @amc ELSE @amo END) || ' days')
         UNION ALL
         SELECT invoice_id, number, patient_id, patient_name, ame, regime, caisse, 'patient', validated_on, patient_left
         FROM open WHERE patient_left > 0 AND validated_on <= date(@today, '-' || @patient || ' days')
       )
       SELECT d.invoice_id AS invoiceId, d.number, d.patient_id AS patientId, d.patient_name AS patientName, d.ame, d.regime, d.caisse,
         d.since, CAST(julianday(@today) - julianday(d.since) AS INTEGER) AS days, d.awaited AS awaitedCents, d.addressee,
         (SELECT max(r.sent_on) FROM relance_invoices ri JOIN relances r ON r.id = ri.relance_id WHERE ri.invoice_id = d.invoice_id AND r.addressee = d.addressee) AS lastRelanceOn,
         (SELECT count(*) FROM relance_invoices ri JOIN relances r ON r.id = ri.relance_id WHERE ri.invoice_id = d.invoice_id AND r.addressee = d.addressee) AS relanceCount
       FROM due d ORDER BY d.since, d.number`,
    )
    .all({ practitioner: f.practitionerId, today: f.today, amo: f.delays.amo, amc: f.delays.amc, patient: f.delays.patient, ...(f.invoiceIds ? { ids: JSON.stringify(f.invoiceIds) } : {}) }) as (Omit<RelanceDue, 'ame'> & { ame: number })[];
  return rows.map((r) => ({ ...r, ame: r.ame === 1 }));
}

export function insertRelance(
  db: Db,
  r: { practitionerId: number; addressee: RelanceAddressee; sentOn: string; createdAt: string },
  invoices: readonly { invoiceId: number; awaitedCents: number }[],
): number {
  const id = Number(
    cached(db, 'INSERT INTO relances (practitioner_id, addressee, sent_on, created_at) VALUES (?, ?, ?, ?)').run(r.practitionerId, r.addressee, r.sentOn, r.createdAt)
      .lastInsertRowid,
  );
  const link = cached(db, 'INSERT INTO relance_invoices (relance_id, invoice_id, awaited_cents) VALUES (?, ?, ?)');
  for (const inv of invoices) link.run(id, inv.invoiceId, inv.awaitedCents);
  return id;
}

export function setRelancePdf(db: Db, id: number, fileName: string): void {
  cached(db, 'UPDATE relances SET pdf_file = ? WHERE id = ?').run(fileName, id);
}

export function getRelance(db: Db, id: number): Relance | null {
  const r = cached(db, 'SELECT id, practitioner_id AS practitionerId, addressee, sent_on AS sentOn FROM relances WHERE id = ?').get(id) as Omit<Relance, 'invoices'> | undefined;
  if (!r) return null;
  const invoices = cached(
    db,
    'SELECT ri.invoice_id AS invoiceId, i.number, ri.awaited_cents AS awaitedCents FROM relance_invoices ri JOIN invoices i ON i.id = ri.invoice_id WHERE ri.relance_id = ? ORDER BY i.number',
  ).all(id) as Relance['invoices'];
  return { ...r, invoices };
}

/** The relances an invoice appeared in (its history), oldest first. */
export function relancesOfInvoice(db: Db, invoiceId: number): { relanceId: number; sentOn: string; addressee: RelanceAddressee; awaitedCents: number }[] {
  return cached(
    db,
    `SELECT r.id AS relanceId, r.sent_on AS sentOn, r.addressee, ri.awaited_cents AS awaitedCents
     FROM relance_invoices ri JOIN relances r ON r.id = ri.relance_id WHERE ri.invoice_id = ? ORDER BY r.sent_on, r.id`,
  ).all(invoiceId) as { relanceId: number; sentOn: string; addressee: RelanceAddressee; awaitedCents: number }[];
}
