import { PatientInput } from '../../core/api/schemas/patients.ts';
import { mergePatch } from './merge-patch.ts';
import { DomainError, notFound } from '../../core/api/result.ts';
import type { Patient } from '../../core/domain/types.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPatient, insertPatient, setPatientArchived, updatePatient } from '../../db/patients-repo.ts';
import { searchPatients } from '../../db/patient-search.ts';
import type { HandlerContext } from '../context.ts';
import type { AreaHandlers } from './types.ts';

export function requirePatient(ctx: HandlerContext, id: number): Patient {
  const patient = getPatient(ctx.db, id);
  if (!patient) throw notFound('Patient');
  return patient;
}

/** A birth date after today is impossible (the schema already refuses non-existent dates). */
function assertBornByToday(ctx: HandlerContext, birthDate: string): void {
  if (birthDate > ctx.clock.today()) {
    throw new DomainError('invalid-input', 'Date de naissance : elle ne peut pas être dans le futur.', 'birthDate');
  }
}

export const patientHandlers: AreaHandlers<
  'patients/create' | 'patients/update' | 'patients/get' | 'patients/search' | 'patients/archive' | 'patients/unarchive'
> = {
  'patients/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      assertBornByToday(ctx, input.birthDate);
      const now = ctx.clock.nowIso();
      const patient = insertPatient(ctx.db, input, now);
      recordAudit(ctx.db, now, 'patient', patient.id, 'create', null, patient);
      return patient;
    }),

  'patients/update': ({ id, patient }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requirePatient(ctx, id);
      const merged = mergePatch(PatientInput, before, patient, 'patient.');
      assertBornByToday(ctx, merged.birthDate);
      const now = ctx.clock.nowIso();
      const after = updatePatient(ctx.db, id, merged, now);
      recordAudit(ctx.db, now, 'patient', id, 'update', before, after);
      return after;
    }),

  'patients/get': ({ id }, ctx) => requirePatient(ctx, id),

  'patients/search': ({ query, includeArchived, limit }, ctx) =>
    searchPatients(ctx.db, query, { includeArchived, limit, today: ctx.clock.today() }),

  // Never hard-delete: a patient with invoices must stay readable. Archiving hides from the list.
  'patients/archive': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requirePatient(ctx, id);
      if (before.archived) throw new DomainError('conflict', 'Ce patient est déjà archivé.');
      const now = ctx.clock.nowIso();
      setPatientArchived(ctx.db, id, now, now);
      const after = requirePatient(ctx, id);
      recordAudit(ctx.db, now, 'patient', id, 'archive', { archived: false }, { archived: true });
      return after;
    }),

  'patients/unarchive': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requirePatient(ctx, id);
      if (!before.archived) throw new DomainError('conflict', "Ce patient n'est pas archivé.");
      const now = ctx.clock.nowIso();
      setPatientArchived(ctx.db, id, null, now);
      recordAudit(ctx.db, now, 'patient', id, 'unarchive', { archived: true }, { archived: false });
      return requirePatient(ctx, id);
    }),
};
