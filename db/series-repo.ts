/** Care series, planned visits and their billing links (migration care-series). */
import type { PlannedSlot, SeriesRule } from '../core/series/expand.ts';
import type { CareSeries, PlannedStatus, PlannedVisit, RoundEntry, SeriesAct } from '../core/series/types.ts';
import { REPLANNED_REASON } from '../core/series/replan.ts';
import type { Place } from '../core/cotation/types.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

interface SeriesRow {
  id: number;
  patient_id: number;
  practitioner_id: number;
  prescription_id: number;
  label: string | null;
  place: Place;
  acts_json: string;
  rule_json: string;
  imperative_prescription: number;
  treatment_start: string | null;
  prior_agreement_date: string | null;
  created_at: string;
  cancelled_at: string | null;
}

const toSeries = (r: SeriesRow): CareSeries => ({
  id: r.id,
  patientId: r.patient_id,
  practitionerId: r.practitioner_id,
  prescriptionId: r.prescription_id,
  label: r.label,
  place: r.place,
  acts: JSON.parse(r.acts_json) as SeriesAct[],
  rule: JSON.parse(r.rule_json) as SeriesRule,
  imperativePrescription: r.imperative_prescription === 1,
  treatmentStart: r.treatment_start,
  priorAgreementDate: r.prior_agreement_date,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
});

interface VisitRow {
  id: number;
  series_id: number;
  practitioner_id: number;
  patient_id: number;
  visit_date: string;
  planned_time: string | null;
  status: PlannedStatus;
  reason: string | null;
  done_time: string | null;
  done_by: number | null;
  unplanned: number;
  invoice_id: number | null;
}

const toVisit = (r: VisitRow): PlannedVisit => ({
  id: r.id,
  seriesId: r.series_id,
  practitionerId: r.practitioner_id,
  patientId: r.patient_id,
  date: r.visit_date,
  plannedTime: r.planned_time,
  status: r.status,
  reason: r.reason,
  doneTime: r.done_time,
  doneBy: r.done_by,
  unplanned: r.unplanned === 1,
  invoiceId: r.invoice_id,
});

const VISIT_COLUMNS = `v.id, v.series_id, v.practitioner_id, v.patient_id, v.visit_date, v.planned_time, v.status, v.reason,
  v.done_time, v.done_by, v.unplanned,
  (SELECT invoice_id FROM invoice_planned_visits b WHERE b.planned_visit_id = v.id AND b.freed_at IS NULL) AS invoice_id`;

export type SeriesData = Omit<CareSeries, 'id' | 'createdAt' | 'cancelledAt'>;

export function insertSeries(db: Db, s: SeriesData, slots: readonly PlannedSlot[], now: string): number {
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO care_series (patient_id, practitioner_id, prescription_id, label, place, acts_json, rule_json,
       imperative_prescription, treatment_start, prior_agreement_date, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.patientId, s.practitionerId, s.prescriptionId, s.label, s.place, JSON.stringify(s.acts), JSON.stringify(s.rule),
    s.imperativePrescription ? 1 : 0, s.treatmentStart, s.priorAgreementDate, now,
  );
  const seriesId = Number(lastInsertRowid);
  for (const slot of slots) insertPlannedVisit(db, { seriesId, practitionerId: s.practitionerId, patientId: s.patientId, ...slot, unplanned: false }, now);
  return seriesId;
}

export function insertPlannedVisit(
  db: Db,
  v: { seriesId: number; practitionerId: number; patientId: number; date: string; time: string | null; unplanned: boolean },
  now: string,
): number {
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO planned_visits (series_id, practitioner_id, patient_id, visit_date, planned_time, unplanned, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.seriesId, v.practitionerId, v.patientId, v.date, v.time, v.unplanned ? 1 : 0, now);
  return Number(lastInsertRowid);
}

export function getSeries(db: Db, id: number): CareSeries | null {
  const r = cached(db, 'SELECT * FROM care_series WHERE id = ?').get(id) as SeriesRow | undefined;
  return r ? toSeries(r) : null;
}

export function listSeriesOfPatient(db: Db, patientId: number): CareSeries[] {
  return (cached(db, 'SELECT * FROM care_series WHERE patient_id = ? ORDER BY id DESC').all(patientId) as SeriesRow[]).map(toSeries);
}

export function listSeriesOfPrescription(db: Db, prescriptionId: number): CareSeries[] {
  return (cached(db, 'SELECT * FROM care_series WHERE prescription_id = ? ORDER BY id').all(prescriptionId) as SeriesRow[]).map(toSeries);
}

export function cancelSeries(db: Db, id: number, now: string): void {
  cached(db, 'UPDATE care_series SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL').run(now, id);
  cached(db, "UPDATE planned_visits SET status = 'cancelled', updated_at = ? WHERE series_id = ? AND status = 'planned'").run(now, id);
}

export function listSeriesVisits(db: Db, seriesId: number): PlannedVisit[] {
  return (
    cached(db, `SELECT ${VISIT_COLUMNS} FROM planned_visits v WHERE v.series_id = ? ORDER BY v.visit_date, v.planned_time, v.id`).all(seriesId) as VisitRow[]
  ).map(toVisit);
}

/**
 * How many visits a patient has on each day from `from` to `to`, over all their series (cancelled ones left
 * out, `exceptVisitId` too: the visit being moved). Days without a visit are absent.
 */
export function patientVisitsPerDay(db: Db, patientId: number, from: string, to: string, exceptVisitId: number | null = null): Map<string, number> {
  const rows = cached(
    db,
    `SELECT visit_date, count(*) AS n FROM planned_visits
     WHERE patient_id = ? AND visit_date BETWEEN ? AND ? AND status <> 'cancelled' AND id IS NOT ?
     GROUP BY visit_date`,
  ).all(patientId, from, to, exceptVisitId) as { visit_date: string; n: number }[];
  return new Map(rows.map((r) => [r.visit_date, r.n]));
}

export function getPlannedVisit(db: Db, id: number): PlannedVisit | null {
  const r = cached(db, `SELECT ${VISIT_COLUMNS} FROM planned_visits v WHERE v.id = ?`).get(id) as VisitRow | undefined;
  return r ? toVisit(r) : null;
}

export function updatePlannedVisit(
  db: Db,
  id: number,
  v: { date: string; plannedTime: string | null; status: PlannedStatus; reason: string | null; doneTime: string | null; doneBy: number | null },
  now: string,
): void {
  cached(
    db,
    `UPDATE planned_visits SET visit_date = ?, planned_time = ?, status = ?, reason = ?, done_time = ?, done_by = ?, updated_at = ?
     WHERE id = ?`,
  ).run(v.date, v.plannedTime, v.status, v.reason, v.doneTime, v.doneBy, now, id);
}

/**
 * Drops the visits a changed rule plans again (planned, never billed: the caller chose them). One once billed
 * then freed keeps its row for the billing history: it is cancelled instead.
 */
export function dropPlannedVisits(db: Db, ids: readonly number[], now: string): void {
  const linked = cached(db, 'SELECT 1 FROM invoice_planned_visits WHERE planned_visit_id = ? LIMIT 1');
  const drop = cached(db, "DELETE FROM planned_visits WHERE id = ? AND status = 'planned'");
  const cancel = cached(db, "UPDATE planned_visits SET status = 'cancelled', reason = ?, updated_at = ? WHERE id = ? AND status = 'planned'");
  for (const id of ids) {
    if (linked.get(id)) cancel.run(REPLANNED_REASON, now, id);
    else drop.run(id);
  }
}

export function updateSeriesRule(db: Db, id: number, rule: SeriesRule): void {
  cached(db, 'UPDATE care_series SET rule_json = ? WHERE id = ?').run(JSON.stringify(rule), id);
}

/** Who a planned visit is planned for (the replacement nurse takes it): it moves to her round. */
export function reassignPlannedVisit(db: Db, id: number, practitionerId: number, now: string): void {
  cached(db, 'UPDATE planned_visits SET practitioner_id = ?, updated_at = ? WHERE id = ?').run(practitionerId, now, id);
}

/** The round of a practitioner on a day: visits planned for them, or done by them, in time order. */
export function listRound(db: Db, practitionerId: number, date: string): RoundEntry[] {
  const rows = cached(
    db,
    `SELECT ${VISIT_COLUMNS}, s.place, s.acts_json, s.label,
       p.last_name, p.usage_name, p.first_name, p.address_line, p.city, t.distance_tenths
     FROM planned_visits v
     JOIN care_series s ON s.id = v.series_id
     JOIN patients p ON p.id = v.patient_id
     LEFT JOIN patient_travel t ON t.patient_id = v.patient_id
     WHERE v.practitioner_id = ? AND v.visit_date = ? AND v.status <> 'cancelled'
     ORDER BY coalesce(v.done_time, v.planned_time), p.last_name, v.id`,
  ).all(practitionerId, date) as (VisitRow & {
    place: Place;
    acts_json: string;
    label: string | null;
    last_name: string;
    usage_name: string | null;
    first_name: string;
    address_line: string | null;
    city: string | null;
    distance_tenths: number | null;
  })[];
  return rows.map((r) => ({
    ...toVisit(r),
    patientName: `${(r.usage_name ?? r.last_name).toUpperCase()} ${r.first_name}`,
    addressLine: r.address_line,
    city: r.city,
    place: r.place,
    acts: JSON.parse(r.acts_json) as SeriesAct[],
    distanceKm: r.distance_tenths === null ? null : r.distance_tenths / 10,
    seriesLabel: r.label,
  }));
}

/** A done visit not yet billed, with what pricing needs from its series. */
export interface BillableVisit {
  id: number;
  seriesId: number;
  patientId: number;
  prescriptionId: number;
  date: string;
  doneTime: string;
  place: Place;
  acts: SeriesAct[];
  imperativePrescription: boolean;
  distanceTenths: number | null;
  /** The series' accord préalable date: the entente préalable box of the feuille. */
  priorAgreementDate: string | null;
}

/** Done and unbilled visits of a practitioner over a period (one patient or all), by patient, prescription, date. */
export function listBillable(db: Db, f: { practitionerId: number; patientId: number | null; from: string; to: string }): BillableVisit[] {
  const rows = cached(
    db,
    `SELECT v.id, v.series_id, v.patient_id, s.prescription_id, v.visit_date, v.done_time, s.place, s.acts_json,
       s.imperative_prescription, s.prior_agreement_date, t.distance_tenths
     FROM planned_visits v
     JOIN care_series s ON s.id = v.series_id
     LEFT JOIN patient_travel t ON t.patient_id = v.patient_id
     WHERE v.done_by = @practitioner AND v.status = 'done' AND v.visit_date BETWEEN @from AND @to
       AND (@patient IS NULL OR v.patient_id = @patient)
       AND NOT EXISTS (SELECT 1 FROM invoice_planned_visits b WHERE b.planned_visit_id = v.id AND b.freed_at IS NULL)
     ORDER BY v.patient_id, s.prescription_id, v.visit_date, v.done_time, v.id`,
  ).all({ practitioner: f.practitionerId, patient: f.patientId, from: f.from, to: f.to }) as {
    id: number;
    series_id: number;
    patient_id: number;
    prescription_id: number;
    visit_date: string;
    done_time: string;
    place: Place;
    acts_json: string;
    imperative_prescription: number;
    prior_agreement_date: string | null;
    distance_tenths: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    seriesId: r.series_id,
    patientId: r.patient_id,
    prescriptionId: r.prescription_id,
    date: r.visit_date,
    doneTime: r.done_time,
    place: r.place,
    acts: JSON.parse(r.acts_json) as SeriesAct[],
    imperativePrescription: r.imperative_prescription === 1,
    distanceTenths: r.place === 'domicile' ? r.distance_tenths : null,
    priorAgreementDate: r.prior_agreement_date,
  }));
}

/** Links the visits of a draft (positions 1…n) to the planned visits they bill. The unique index refuses a second billing. */
export function linkBilledVisits(db: Db, invoiceId: number, plannedVisitIds: readonly number[]): void {
  const stmt = cached(db, 'INSERT INTO invoice_planned_visits (invoice_id, position, planned_visit_id) VALUES (?, ?, ?)');
  plannedVisitIds.forEach((id, i) => stmt.run(invoiceId, i + 1, id));
}

/** The planned visit billed at each visit position of an invoice (live or freed links alike: what it billed). */
export function billedVisitsOf(db: Db, invoiceId: number): Map<number, number> {
  const rows = cached(db, 'SELECT position, planned_visit_id FROM invoice_planned_visits WHERE invoice_id = ?').all(invoiceId) as {
    position: number;
    planned_visit_id: number;
  }[];
  return new Map(rows.map((r) => [r.position, r.planned_visit_id]));
}

export function getTravel(db: Db, patientId: number): number | null {
  const r = cached(db, 'SELECT distance_tenths FROM patient_travel WHERE patient_id = ?').get(patientId) as { distance_tenths: number } | undefined;
  return r ? r.distance_tenths : null;
}

export function setTravel(db: Db, patientId: number, distanceTenths: number | null, now: string): void {
  if (distanceTenths === null) cached(db, 'DELETE FROM patient_travel WHERE patient_id = ?').run(patientId);
  else {
    cached(
      db,
      `INSERT INTO patient_travel (patient_id, distance_tenths, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (patient_id) DO UPDATE SET distance_tenths = excluded.distance_tenths, updated_at = excluded.updated_at`,
    ).run(patientId, distanceTenths, now);
  }
}

/** The series still running of a practitioner (to add a visit on the round), by patient name. */
export function listActiveSeries(db: Db, practitionerId: number): { seriesId: number; patientId: number; patientName: string; label: string | null }[] {
  const rows = cached(
    db,
    `SELECT s.id, s.patient_id, s.label, p.last_name, p.usage_name, p.first_name FROM care_series s JOIN patients p ON p.id = s.patient_id
     WHERE s.practitioner_id = ? AND s.cancelled_at IS NULL ORDER BY coalesce(p.usage_name, p.last_name), p.first_name, s.id`,
  ).all(practitionerId) as { id: number; patient_id: number; label: string | null; last_name: string; usage_name: string | null; first_name: string }[];
  return rows.map((r) => ({ seriesId: r.id, patientId: r.patient_id, patientName: `${(r.usage_name ?? r.last_name).toUpperCase()} ${r.first_name}`, label: r.label }));
}
