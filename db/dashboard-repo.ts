/**
 * The Tableau de bord's figures, read from the same facts as the follow-up: the `invoice_follow_up` view,
 * the stored open states and the live allocations (`payments` view). Nothing is kept beside them.
 */
import { AGE_BUCKETS, type AgeBucket, type DashboardFigures } from '../core/domain/dashboard.ts';
import { addMonths } from '../core/domain/dates.ts';
import type { Db } from './connection.ts';
import { LIVE_CREDITS_FROM } from './money-in-repo.ts';

const OPEN_STATES = "('a-envoyer', 'a-encaisser', 'envoyee', 'payee-partiellement', 'rejetee')";

export function dashboardFigures(db: Db, f: { practitionerId?: number | undefined; today: string; months: number }): DashboardFigures {
  const byPractitioner = (column: string) => (f.practitionerId === undefined ? '' : `AND ${column} = ${Number(f.practitionerId)}`);
  const firstMonth = addMonths(`${f.today.slice(0, 7)}-01`, -(f.months - 1));
  const months = Array.from({ length: f.months }, (_, i) => addMonths(firstMonth, i).slice(0, 7));

  const receiptRows = db
    .prepare(
      `SELECT substr(received_on, 1, 7) AS month,
         sum(CASE WHEN payer = 'amo' THEN amount_cents ELSE 0 END) AS amoCents,
         sum(CASE WHEN payer = 'amc' THEN amount_cents ELSE 0 END) AS amcCents,
         sum(CASE WHEN payer = 'patient' THEN amount_cents ELSE 0 END) AS patientCents
       FROM (
         SELECT pay.received_on, pay.payer, pay.amount_cents
         FROM payments pay JOIN invoices i ON i.id = pay.invoice_id
         WHERE pay.cancelled_at IS NULL AND pay.received_on >= ? AND pay.received_on <= ? ${byPractitioner('i.practitioner_id')}
         UNION ALL
         -- A credit not spread yet was received too (the livre des recettes counts it on its day).
         SELECT t.received_on, t.payer, b.credit_cents
         FROM ${LIVE_CREDITS_FROM} AND t.received_on >= ? AND t.received_on <= ? ${byPractitioner('t.practitioner_id')}
       )
       GROUP BY month`,
    )
    .all(firstMonth, f.today, firstMonth, f.today) as { month: string; amoCents: number; amcCents: number; patientCents: number }[];
  const receiptsOf = new Map(receiptRows.map((r) => [r.month, r]));
  const receipts = months.map((month) => {
    const r = receiptsOf.get(month) ?? { amoCents: 0, amcCents: 0, patientCents: 0 };
    return { month, amoCents: r.amoCents, amcCents: r.amcCents, patientCents: r.patientCents, totalCents: r.amoCents + r.amcCents + r.patientCents };
  });

  const validatedRows = db
    .prepare(
      `SELECT substr(i.validated_at, 1, 7) AS month, i.ame,
         sum(f.expected_cents + f.patient_due_cents) AS expectedCents, sum(f.paid_cents + f.patient_paid_cents) AS receivedCents
       FROM invoice_follow_up f JOIN invoices i ON i.id = f.invoice_id
       WHERE f.status = 'validated' AND i.validated_at >= ? ${byPractitioner('i.practitioner_id')}
       GROUP BY month, i.ame`,
    )
    .all(firstMonth) as { month: string; ame: number; expectedCents: number; receivedCents: number }[];
  const expectedVsReceived = months.map((month) => {
    const rows = validatedRows.filter((r) => r.month === month);
    return { month, expectedCents: rows.reduce((s, r) => s + r.expectedCents, 0), receivedCents: rows.reduce((s, r) => s + r.receivedCents, 0) };
  });

  // What each open invoice still awaits, split by payer: the caisse's part first (capped by what tiers payant
  // still awaits), the AME / complémentaire the rest of it, the patient their own share.
  const openRows = db
    .prepare(
      `WITH open AS (
         SELECT f.invoice_id, i.ame, f.expected_cents - f.paid_cents AS tp_left, f.patient_due_cents - f.patient_paid_cents AS patient_left,
           (CASE WHEN i.tiers_payant_amo = 1 THEN i.amo_cents ELSE 0 END)
             - coalesce((SELECT sum(pay.amount_cents) FROM payments pay WHERE pay.invoice_id = f.invoice_id AND pay.payer = 'amo' AND pay.cancelled_at IS NULL), 0) AS amo_left,
           CAST(julianday(?) - julianday(coalesce(b.sent_on, substr(i.validated_at, 1, 10))) AS INTEGER) AS age
         FROM follow_up_states s JOIN invoice_follow_up f ON f.invoice_id = s.invoice_id JOIN invoices i ON i.id = f.invoice_id
           LEFT JOIN bordereaux b ON b.id = f.bordereau_id
         WHERE s.state IN ${OPEN_STATES} ${byPractitioner('s.practitioner_id')}
       )
       SELECT CASE WHEN age <= 30 THEN '0-30' WHEN age <= 60 THEN '31-60' WHEN age <= 90 THEN '61-90' ELSE '90+' END AS bucket, ame,
         count(*) AS count, sum(max(tp_left, 0)) AS tpCents, sum(min(max(amo_left, 0), max(tp_left, 0))) AS amoCents, sum(max(patient_left, 0)) AS patientCents
       FROM open WHERE tp_left > 0 OR patient_left > 0 GROUP BY bucket, ame`,
    )
    .all(f.today) as { bucket: AgeBucket; ame: number; count: number; tpCents: number; amoCents: number; patientCents: number }[];
  const unpaidByAge = AGE_BUCKETS.map((bucket) => {
    const rows = openRows.filter((r) => r.bucket === bucket);
    const sum = (k: 'count' | 'tpCents' | 'amoCents' | 'patientCents') => rows.reduce((s, r) => s + r[k], 0);
    const amoCents = sum('amoCents');
    const amcCents = sum('tpCents') - amoCents;
    return { bucket, count: sum('count'), amoCents, amcCents, patientCents: sum('patientCents'), totalCents: sum('tpCents') + sum('patientCents') };
  });

  const ameVsRest = (['ame', 'autres'] as const).map((group) => {
    const ame = group === 'ame' ? 1 : 0;
    const validated = validatedRows.filter((r) => r.ame === ame);
    const open = openRows.filter((r) => r.ame === ame);
    return {
      group,
      expectedCents: validated.reduce((s, r) => s + r.expectedCents, 0),
      receivedCents: validated.reduce((s, r) => s + r.receivedCents, 0),
      unpaidCents: open.reduce((s, r) => s + r.tpCents + r.patientCents, 0),
    };
  });

  const creditCents = db
    .prepare(
      `SELECT coalesce(sum(b.credit_cents), 0) FROM ${LIVE_CREDITS_FROM} ${byPractitioner('t.practitioner_id')}`,
    )
    .pluck()
    .get() as number;

  return {
    practitionerId: f.practitionerId ?? null,
    today: f.today,
    receipts,
    expectedVsReceived,
    unpaidByAge,
    ameVsRest,
    unpaidTiersPayantCents: openRows.reduce((s, r) => s + r.tpCents, 0),
    unpaidPatientCents: openRows.reduce((s, r) => s + r.patientCents, 0),
    creditCents,
  };
}
