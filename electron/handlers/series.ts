/**
 * Care series (issue 15): a series from a prescription plans its visits (core/series/expand.ts); the desk
 * moves, skips, adds or cancels them; the round marks them done with the real hour (night and Sunday
 * majorations follow from it at billing) or not done with a reason.
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import { tariffInForce } from '../../core/cotation/tariff-lookup.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import { expandSeries, MAX_VISITS_PER_DAY, type PlannedSlot } from '../../core/series/expand.ts';
import { seriesProgress } from '../../core/series/progress.ts';
import type { CareSeries, PlannedVisit, SeriesView } from '../../core/series/types.ts';
import type { Prescription } from '../../core/domain/types.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import { loadCatalogue } from '../../db/catalogue-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import {
  cancelSeries,
  getPlannedVisit,
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
  updatePlannedVisit,
} from '../../db/series-repo.ts';
import type { HandlerContext } from '../context.ts';
import { requirePractitioner } from './invoice-drafts.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

function requirePrescription(ctx: HandlerContext, id: number): Prescription {
  const prescription = getPrescription(ctx.db, id);
  if (!prescription) throw notFound('Prescription');
  return prescription;
}

function requireSeries(ctx: HandlerContext, id: number): CareSeries {
  const series = getSeries(ctx.db, id);
  if (!series) throw notFound('Série de soins');
  return series;
}

function requireVisit(ctx: HandlerContext, id: number): PlannedVisit {
  const visit = getPlannedVisit(ctx.db, id);
  if (!visit) throw notFound('Visite');
  return visit;
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

const notBilled = (visit: PlannedVisit): void => {
  if (visit.invoiceId !== null) {
    throw new DomainError('conflict', 'Cette visite est déjà facturée : annulez la facture pour la modifier.', 'visitId');
  }
};

const ownVisit = (visit: PlannedVisit, practitionerId: number): void => {
  if (visit.practitionerId !== practitionerId) {
    throw new DomainError('forbidden', "Cette visite est prévue pour un autre praticien : seul le praticien de la tournée peut la marquer.", 'practitionerId');
  }
};

const tooMany = (count: number, date: string) =>
  `${count} passages le ${formatFrDate(date)} pour ce patient (toutes séries comprises) : ${MAX_VISITS_PER_DAY} au maximum.`;

/**
 * A visit moved or added on `date` at `time`: 4 a day at most for the patient, over all their series, and
 * never two at the same hour in one series (the same care twice).
 */
function roomOnDay(ctx: HandlerContext, series: CareSeries, date: string, time: string | null, movedId: number | null): void {
  const count = patientVisitsPerDay(ctx.db, series.patientId, date, date, movedId).get(date) ?? 0;
  if (count >= MAX_VISITS_PER_DAY) throw new DomainError('invalid-input', tooMany(count + 1, date), 'date');
  const sameDay = listSeriesVisits(ctx.db, series.id).filter((v) => v.id !== movedId && v.date === date && v.status !== 'cancelled');
  if (time !== null && sameDay.some((v) => (v.doneTime ?? v.plannedTime) === time)) {
    throw new DomainError('invalid-input', `Une visite est déjà prévue le ${formatFrDate(date)} à ${time} dans cette série.`, 'time');
  }
}

/** A new series' visits added to the patient's other series: 4 a day at most (the first day past it is named). */
function roomForSlots(ctx: HandlerContext, patientId: number, slots: readonly PlannedSlot[]): void {
  if (slots.length === 0) return;
  const perDay = patientVisitsPerDay(ctx.db, patientId, slots[0]!.date, slots[slots.length - 1]!.date);
  for (const slot of slots) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
  const over = slots.find((slot) => perDay.get(slot.date)! > MAX_VISITS_PER_DAY);
  if (over) throw new DomainError('invalid-input', tooMany(perDay.get(over.date)!, over.date), 'times');
}

export const seriesHandlers: AreaHandlers<
  'series/create' | 'series/active' | 'series/get' | 'series/list' | 'series/cancel' | 'series/visit' | 'series/add-visit' | 'round/day' | 'travel/get' | 'travel/set'
> = {
  'series/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const prescription = requirePrescription(ctx, input.prescriptionId);
      const patient = requirePatient(ctx, prescription.patientId);
      if (patient.archived) throw new DomainError('conflict', 'Ce patient est archivé : désarchivez-le avant de planifier ses soins.');
      const practitioner = requirePractitioner(ctx, input.practitionerId);
      if (practitioner.archived) throw new DomainError('conflict', 'Ce praticien est archivé : il ne peut plus facturer.', 'practitionerId');
      if (input.start < prescription.prescriptionDate) {
        throw new DomainError(
          'invalid-input',
          `Le début des soins (${formatFrDate(input.start)}) précède la prescription du ${formatFrDate(prescription.prescriptionDate)}.`,
          'start',
        );
      }
      // Each act must exist for the practitioner's profession on the first day (the engine re-checks every visit at billing).
      const { tariffs } = loadCatalogue(ctx.db, practitioner.profession);
      input.acts.forEach((act, i) => {
        const found = tariffInForce(tariffs, { profession: practitioner.profession, code: act.code, zone: practitioner.tariffZone, date: input.start });
        if (!found.ok) throw new DomainError('invalid-input', `Acte ${i + 1} : ${found.message_fr}`, `acts.${i}.code`);
      });
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
          acts: input.acts.map((a) => ({ key: a.key ?? null, code: a.code, coefficient: Math.round(a.coefficient * 100) })),
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

  'series/visit': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireVisit(ctx, input.visitId);
      notBilled(before);
      const series = requireSeries(ctx, before.seriesId);
      const today = ctx.clock.today();
      let next: Parameters<typeof updatePlannedVisit>[2];
      const base = { date: before.date, plannedTime: before.plannedTime, status: before.status, reason: before.reason, doneTime: before.doneTime, doneBy: before.doneBy };
      switch (input.action) {
        case 'move': {
          if (before.status !== 'planned') throw new DomainError('conflict', 'Seule une visite prévue peut être déplacée.', 'visitId');
          const prescription = requirePrescription(ctx, series.prescriptionId);
          if (input.date < prescription.prescriptionDate) {
            throw new DomainError('invalid-input', `La nouvelle date précède la prescription du ${formatFrDate(prescription.prescriptionDate)}.`, 'date');
          }
          roomOnDay(ctx, series, input.date, input.time, before.id);
          next = { ...base, date: input.date, plannedTime: input.time };
          break;
        }
        case 'done':
          ownVisit(before, input.practitionerId);
          if (before.status === 'cancelled') throw new DomainError('conflict', 'Cette visite est supprimée : rétablissez-la avant de la marquer faite.', 'visitId');
          if (before.date > today) {
            throw new DomainError('invalid-input', `La visite du ${formatFrDate(before.date)} est dans le futur : elle ne peut pas encore être faite.`, 'visitId');
          }
          next = { ...base, status: 'done', reason: null, doneTime: input.time, doneBy: input.practitionerId };
          break;
        case 'not-done':
          ownVisit(before, input.practitionerId);
          if (before.status === 'cancelled') throw new DomainError('conflict', 'Cette visite est supprimée.', 'visitId');
          next = { ...base, status: 'not-done', reason: input.reason, doneTime: null, doneBy: null };
          break;
        case 'skip':
          if (before.status !== 'planned') throw new DomainError('conflict', 'Seule une visite prévue peut être supprimée.', 'visitId');
          next = { ...base, status: 'cancelled', reason: input.reason };
          break;
        case 'reopen':
          ownVisit(before, input.practitionerId);
          next = { ...base, status: 'planned', reason: null, doneTime: null, doneBy: null };
          break;
      }
      const now = ctx.clock.nowIso();
      updatePlannedVisit(ctx.db, before.id, next, now);
      const after = requireVisit(ctx, before.id);
      recordAudit(ctx.db, now, 'planned_visit', before.id, input.action, before, after);
      return after;
    }),

  'series/add-visit': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const series = requireSeries(ctx, input.seriesId);
      if (series.cancelledAt !== null) throw new DomainError('conflict', 'Cette série est arrêtée : créez-en une nouvelle.', 'seriesId');
      const practitioner = requirePractitioner(ctx, input.practitionerId);
      if (practitioner.archived) throw new DomainError('conflict', 'Ce praticien est archivé : il ne peut plus facturer.', 'practitionerId');
      const prescription = requirePrescription(ctx, series.prescriptionId);
      if (input.date < prescription.prescriptionDate) {
        throw new DomainError('invalid-input', `La date précède la prescription du ${formatFrDate(prescription.prescriptionDate)}.`, 'date');
      }
      roomOnDay(ctx, series, input.date, input.time, null);
      const now = ctx.clock.nowIso();
      const id = insertPlannedVisit(
        ctx.db,
        { seriesId: series.id, practitionerId: practitioner.id, patientId: series.patientId, date: input.date, time: input.time, unplanned: true },
        now,
      );
      const visit = requireVisit(ctx, id);
      recordAudit(ctx.db, now, 'planned_visit', id, 'add', null, visit);
      return visit;
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
