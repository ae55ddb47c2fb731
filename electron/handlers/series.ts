/**
 * Care series (issue 15): a series from a prescription plans its visits (core/series/expand.ts), the round
 * lists a day's visits, the distance is kept once per patient. The visits one by one: series-visits.ts.
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import { tariffInForce } from '../../core/cotation/tariff-lookup.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import { expandSeries, MAX_VISITS_PER_DAY, type PlannedSlot } from '../../core/series/expand.ts';
import { seriesProgress } from '../../core/series/progress.ts';
import { replanSlots } from '../../core/series/replan.ts';
import type { CareSeries, SeriesView } from '../../core/series/types.ts';
import type { Patient, Practitioner, Prescription } from '../../core/domain/types.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import { loadCatalogue } from '../../db/catalogue-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import {
  cancelSeries,
  dropPlannedVisits,
  getSeries,
  getTravel,
  insertPlannedVisit,
  insertSeries,
  listActiveSeries,
  listRound,
  listSeriesOfPatient,
  listSeriesVisits,
  patientVisitsPerDay,
  setTravel,
  updateSeriesRule,
} from '../../db/series-repo.ts';
import type { HandlerContext } from '../context.ts';
import { requirePractitioner } from './invoice-drafts.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

export function requirePrescription(ctx: HandlerContext, id: number): Prescription {
  const prescription = getPrescription(ctx.db, id);
  if (!prescription) throw notFound('Prescription');
  return prescription;
}

export function requireSeries(ctx: HandlerContext, id: number): CareSeries {
  const series = getSeries(ctx.db, id);
  if (!series) throw notFound('Série de soins');
  return series;
}

/** The series with its visits and where it stands (« 9 / 15 », renewal a week before the end). */
export function seriesView(ctx: HandlerContext, series: CareSeries): SeriesView {
  const visits = listSeriesVisits(ctx.db, series.id);
  const prescription = requirePrescription(ctx, series.prescriptionId);
  return {
    series,
    visits,
    progress: seriesProgress(visits, { sessionsPrescribed: prescription.sessionsPrescribed, ruleCount: series.rule.count }, ctx.clock.today()),
  };
}

export const tooMany = (count: number, date: string) =>
  `${count} passages le ${formatFrDate(date)} pour ce patient (toutes séries comprises) : ${MAX_VISITS_PER_DAY} au maximum.`;

/** A new series' visits added to the patient's other series: 4 a day at most (the first day past it is named). */
export function roomForSlots(ctx: HandlerContext, patientId: number, slots: readonly PlannedSlot[], field = 'times'): void {
  if (slots.length === 0) return;
  const perDay = patientVisitsPerDay(ctx.db, patientId, slots[0]!.date, slots[slots.length - 1]!.date);
  for (const slot of slots) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
  const over = slots.find((slot) => perDay.get(slot.date)! > MAX_VISITS_PER_DAY);
  if (over) throw new DomainError('invalid-input', tooMany(perDay.get(over.date)!, over.date), field);
}

/** The patient and the practitioner care is planned for (a series, a visit, a rhythm changed): neither archived. */
function plannable(ctx: HandlerContext, patientId: number, practitionerId: number): { patient: Patient; practitioner: Practitioner } {
  const patient = requirePatient(ctx, patientId);
  if (patient.archived) throw new DomainError('conflict', 'Ce patient est archivé : désarchivez-le avant de planifier ses soins.');
  const practitioner = requirePractitioner(ctx, practitionerId);
  if (practitioner.archived) throw new DomainError('conflict', 'Ce praticien est archivé : il ne peut plus facturer.', 'practitionerId');
  return { patient, practitioner };
}

/**
 * What planning care from a prescription checks (a series, or a visit not planned by one): the patient and the
 * practitioner not archived, the start not before the prescription, each act known for the practitioner's
 * profession on that day (the engine re-checks every visit at billing).
 */
export function checkPlanning(
  ctx: HandlerContext,
  input: { prescriptionId: number; practitionerId: number; start: string; acts: readonly { code: string }[] },
  start: { field: string; label: string } = { field: 'start', label: 'Le début des soins' },
): { prescription: Prescription; patient: Patient; practitioner: Practitioner } {
  const prescription = requirePrescription(ctx, input.prescriptionId);
  const { patient, practitioner } = plannable(ctx, prescription.patientId, input.practitionerId);
  if (input.start < prescription.prescriptionDate) {
    throw new DomainError(
      'invalid-input',
      `${start.label} (${formatFrDate(input.start)}) précède la prescription du ${formatFrDate(prescription.prescriptionDate)}.`,
      start.field,
    );
  }
  const { tariffs } = loadCatalogue(ctx.db, practitioner.profession);
  input.acts.forEach((act, i) => {
    const found = tariffInForce(tariffs, { profession: practitioner.profession, code: act.code, zone: practitioner.tariffZone, date: input.start });
    if (!found.ok) throw new DomainError('invalid-input', `Acte ${i + 1} : ${found.message_fr}`, `acts.${i}.code`);
  });
  return { prescription, patient, practitioner };
}

/** The acts as stored on a series (coefficient in hundredths). */
export const seriesActs = (acts: readonly { key?: string | null | undefined; code: string; coefficient: number }[]) =>
  acts.map((a) => ({ key: a.key ?? null, code: a.code, coefficient: Math.round(a.coefficient * 100) }));

export const seriesHandlers: AreaHandlers<
  'series/create' | 'series/active' | 'series/get' | 'series/list' | 'series/cancel' | 'series/update-rule' | 'round/day' | 'travel/get' | 'travel/set'
> = {
  'series/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const { prescription, patient, practitioner } = checkPlanning(ctx, input);
      const rule = {
        frequency: input.frequency,
        times: input.times,
        start: input.start,
        end: input.end,
        count: input.count,
        includeSundays: input.includeSundays,
        includeHolidays: input.includeHolidays,
      };
      const expansion = expandSeries(rule, practitioner.postalCode);
      if (!expansion.ok) throw new DomainError('invalid-input', expansion.message_fr, expansion.field);
      roomForSlots(ctx, patient.id, expansion.slots);
      const now = ctx.clock.nowIso();
      const id = insertSeries(
        ctx.db,
        {
          patientId: patient.id,
          practitionerId: practitioner.id,
          prescriptionId: prescription.id,
          label: input.label,
          place: input.place,
          acts: seriesActs(input.acts),
          rule,
          imperativePrescription: input.imperativePrescription,
          treatmentStart: input.treatmentStart,
          priorAgreementDate: input.priorAgreementDate,
        },
        expansion.slots,
        now,
      );
      const view = seriesView(ctx, requireSeries(ctx, id));
      recordAudit(ctx.db, now, 'care_series', id, 'create', null, { ...view.series, visits: view.visits.length });
      return view;
    }),

  'series/active': ({ practitionerId }, ctx) => {
    requirePractitioner(ctx, practitionerId);
    return listActiveSeries(ctx.db, practitionerId);
  },

  'series/get': ({ id }, ctx) => seriesView(ctx, requireSeries(ctx, id)),

  'series/list': ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    return listSeriesOfPatient(ctx.db, patientId).map((s) => seriesView(ctx, s));
  },

  'series/cancel': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const series = requireSeries(ctx, id);
      if (series.cancelledAt !== null) throw new DomainError('conflict', 'Cette série est déjà arrêtée.');
      const now = ctx.clock.nowIso();
      cancelSeries(ctx.db, id, now);
      recordAudit(ctx.db, now, 'care_series', id, 'cancel', null, { cancelledAt: now });
      return seriesView(ctx, requireSeries(ctx, id));
    }),

  /**
   * The rhythm changed after creation: the visits still to come — from today, planned by the rule, never
   * done — are planned again under the new rule; done, not done, billed, skipped and hand-added visits stay.
   */
  'series/update-rule': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireSeries(ctx, input.id);
      if (before.cancelledAt !== null) throw new DomainError('conflict', 'Cette série est arrêtée : créez-en une nouvelle.');
      const { practitioner } = plannable(ctx, before.patientId, before.practitionerId);
      const today = ctx.clock.today();
      const from = today > before.rule.start ? today : before.rule.start;
      const visits = listSeriesVisits(ctx.db, before.id);
      // A visit given to another practitioner (« Confier à… ») is hers: kept, like one added by hand.
      const replanned = visits.filter((v) => v.status === 'planned' && !v.unplanned && v.practitionerId === before.practitionerId && v.date >= from);
      const kept = visits.filter((v) => !replanned.includes(v));
      const rule = {
        frequency: input.frequency,
        times: input.times,
        start: before.rule.start,
        end: input.end,
        count: input.count,
        includeSundays: input.includeSundays,
        includeHolidays: input.includeHolidays,
      };
      const slots = replanSlots(rule, kept, from, practitioner.postalCode);
      if (!slots.ok) throw new DomainError('invalid-input', slots.message_fr, slots.field);
      const now = ctx.clock.nowIso();
      dropPlannedVisits(ctx.db, replanned.map((v) => v.id), now);
      roomForSlots(ctx, before.patientId, slots.slots);
      for (const slot of slots.slots) {
        insertPlannedVisit(ctx.db, { seriesId: before.id, practitionerId: before.practitionerId, patientId: before.patientId, ...slot, unplanned: false }, now);
      }
      updateSeriesRule(ctx.db, before.id, rule);
      const view = seriesView(ctx, requireSeries(ctx, before.id));
      recordAudit(ctx.db, now, 'care_series', before.id, 'update-rule', { rule: before.rule }, {
        rule,
        from,
        removed: replanned.map((v) => `${v.date} ${v.plannedTime ?? ''}`.trim()),
        added: slots.slots.length,
      });
      return view;
    }),

  'round/day': ({ practitionerId, date }, ctx) => {
    requirePractitioner(ctx, practitionerId);
    return listRound(ctx.db, practitionerId, date);
  },

  'travel/get': ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    const tenths = getTravel(ctx.db, patientId);
    return { patientId, distanceKm: tenths === null ? null : tenths / 10 };
  },

  'travel/set': ({ patientId, distanceKm }, ctx) =>
    inTransaction(ctx.db, () => {
      requirePatient(ctx, patientId);
      const before = getTravel(ctx.db, patientId);
      const tenths = distanceKm === null ? null : Math.round(distanceKm * 10);
      const now = ctx.clock.nowIso();
      setTravel(ctx.db, patientId, tenths, now);
      recordAudit(ctx.db, now, 'patient_travel', patientId, 'set', { distanceTenths: before }, { distanceTenths: tenths });
      return { patientId, distanceKm };
    }),
};
