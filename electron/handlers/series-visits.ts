/**
 * The visits of a care series one by one (issue 15): moved, skipped, marked done with the real hour or not
 * done with a reason, reopened, given to the replacement nurse; a visit added to a series, and a visit of the
 * round for a patient without a series (a one-visit series « Visite non prévue », billed like any other).
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import { MAX_VISITS_PER_DAY } from '../../core/series/expand.ts';
import type { CareSeries, PlannedVisit } from '../../core/series/types.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import {
  getPlannedVisit,
  insertPlannedVisit,
  insertSeries,
  listSeriesVisits,
  patientVisitsPerDay,
  reassignPlannedVisit,
  updatePlannedVisit,
} from '../../db/series-repo.ts';
import type { HandlerContext } from '../context.ts';
import { requirePractitioner } from './invoice-drafts.ts';
import { checkPlanning, requirePrescription, requireSeries, roomForSlots, seriesActs, tooMany } from './series.ts';
import type { AreaHandlers } from './types.ts';

/** The label of the one-visit series a visit added on the round for a patient without a series makes. */
export const UNPLANNED_LABEL = 'Visite non prévue';

function requireVisit(ctx: HandlerContext, id: number): PlannedVisit {
  const visit = getPlannedVisit(ctx.db, id);
  if (!visit) throw notFound('Visite');
  return visit;
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

export const seriesVisitHandlers: AreaHandlers<'series/visit' | 'series/add-visit' | 'round/add-visit'> = {
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
        case 'reassign': {
          // The replacement nurse takes a planned visit: it moves to her round and is billed under her name.
          if (before.status !== 'planned') throw new DomainError('conflict', 'Seule une visite prévue peut être confiée à un autre praticien.', 'visitId');
          const from = requirePractitioner(ctx, before.practitionerId);
          const to = requirePractitioner(ctx, input.practitionerId);
          if (to.archived) throw new DomainError('conflict', 'Ce praticien est archivé : il ne peut plus facturer.', 'practitionerId');
          if (to.profession !== from.profession) {
            throw new DomainError('invalid-input', 'Cette visite ne peut être confiée qu’à un praticien de la même profession.', 'practitionerId');
          }
          next = base;
          reassignPlannedVisit(ctx.db, before.id, to.id, ctx.clock.nowIso());
          break;
        }
        case 'reopen':
          ownVisit(before, input.practitionerId);
          // A skipped visit back on the plan counts again: 4 a day for the patient, never twice the same hour.
          if (before.status === 'cancelled') roomOnDay(ctx, series, before.date, before.plannedTime, before.id);
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

  /**
   * « Ajouter une visite » on the round for a patient without a series: a one-visit series from one of the
   * patient's prescriptions, its visit marked unplanned — on the round, billable once like any planned visit.
   */
  'round/add-visit': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const { prescription, patient, practitioner } = checkPlanning(ctx, { ...input, start: input.date }, { field: 'date', label: 'La visite' });
      const slot = { date: input.date, time: input.time };
      roomForSlots(ctx, patient.id, [slot], 'date');
      const now = ctx.clock.nowIso();
      const rule = { frequency: { kind: 'daily' as const }, times: [input.time], start: input.date, end: input.date, count: null, includeSundays: true, includeHolidays: true };
      const seriesId = insertSeries(
        ctx.db,
        {
          patientId: patient.id,
          practitionerId: practitioner.id,
          prescriptionId: prescription.id,
          label: UNPLANNED_LABEL,
          place: input.place,
          acts: seriesActs(input.acts),
          rule,
          imperativePrescription: false,
          treatmentStart: null,
          priorAgreementDate: null,
        },
        [],
        now,
      );
      const id = insertPlannedVisit(ctx.db, { seriesId, practitionerId: practitioner.id, patientId: patient.id, ...slot, unplanned: true }, now);
      const visit = requireVisit(ctx, id);
      recordAudit(ctx.db, now, 'planned_visit', id, 'add', null, { ...visit, series: requireSeries(ctx, seriesId) });
      return visit;
    }),
};
