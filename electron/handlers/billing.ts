import { PractitionerInput } from '../../core/api/schemas/billing.ts';
import { mergePatch } from './merge-patch.ts';
import { DomainError, notFound } from '../../core/api/result.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import {
  getPractitioner,
  getPrescriber,
  insertPractitioner,
  insertPrescriber,
  insertPrescription,
  listPractitioners,
  listPrescribers,
  listPrescriptions,
  updatePractitioner,
} from '../../db/billing-repo.ts';
import { findTariffAt, insertTariff, listTariffs } from '../../db/tariffs-repo.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

export const billingHandlers: AreaHandlers<
  | 'practitioners/list' | 'practitioners/create' | 'practitioners/update'
  | 'prescribers/list' | 'prescribers/create'
  | 'prescriptions/create' | 'prescriptions/list'
  | 'tariffs/list' | 'tariffs/add'
> = {
  'practitioners/list': (_input, ctx) => listPractitioners(ctx.db),

  'practitioners/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const now = ctx.clock.nowIso();
      const practitioner = insertPractitioner(ctx.db, input, now);
      recordAudit(ctx.db, now, 'practitioner', practitioner.id, 'create', null, practitioner);
      return practitioner;
    }),

  'practitioners/update': ({ id, practitioner }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = getPractitioner(ctx.db, id);
      if (!before) throw notFound('Praticien');
      const now = ctx.clock.nowIso();
      const after = updatePractitioner(ctx.db, id, mergePatch(PractitionerInput, before, practitioner, 'practitioner.'), now);
      recordAudit(ctx.db, now, 'practitioner', id, 'update', before, after);
      return after;
    }),

  'prescribers/list': (_input, ctx) => listPrescribers(ctx.db),

  'prescribers/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const now = ctx.clock.nowIso();
      const prescriber = insertPrescriber(ctx.db, input, now);
      recordAudit(ctx.db, now, 'prescriber', prescriber.id, 'create', null, prescriber);
      return prescriber;
    }),

  'prescriptions/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const patient = requirePatient(ctx, input.patientId);
      if (patient.archived) throw new DomainError('conflict', 'Ce patient est archivé : désarchivez-le avant de saisir une prescription.');
      if (!getPrescriber(ctx.db, input.prescriberId)) throw notFound('Prescripteur');
      if (input.prescriptionDate > ctx.clock.today()) {
        throw new DomainError('invalid-input', 'La date de prescription ne peut pas être dans le futur.', 'prescriptionDate');
      }
      // AME de base: pas d'exonération (seed 000, « cocher la case … et sélectionner pas d'exonération »).
      const exoneration = input.ame ? 'aucune' : input.exoneration;
      const now = ctx.clock.nowIso();
      const prescription = insertPrescription(ctx.db, { ...input, exoneration }, now);
      recordAudit(ctx.db, now, 'prescription', prescription.id, 'create', null, prescription);
      return prescription;
    }),

  'prescriptions/list': ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    return listPrescriptions(ctx.db, patientId);
  },

  'tariffs/list': ({ profession }, ctx) => listTariffs(ctx.db, profession),

  'tariffs/add': (input, ctx) =>
    inTransaction(ctx.db, () => {
      if (findTariffAt(ctx.db, input.profession, input.code, input.effectiveFrom, input.zone)) {
        throw new DomainError(
          'conflict',
          `Un tarif ${input.code} ${input.zone === 'dom' ? '(DOM) ' : ''}en vigueur au ${formatFrDate(input.effectiveFrom)} existe déjà : choisissez une autre date d'effet.`,
          'effectiveFrom',
        );
      }
      const now = ctx.clock.nowIso();
      const tariff = insertTariff(ctx.db, input, now);
      recordAudit(ctx.db, now, 'tariff', tariff.id, 'create', null, tariff);
      return tariff;
    }),
};
