/** « Dossier complet » of a patient, on request: a PDF for the patient and a JSON for another software. */
import { join } from 'node:path';
import { PATIENT_FILE_FORMAT, PATIENT_FILE_VERSION, type PatientFileExport } from '../../core/domain/patient-file.ts';
import { listPrescriptions } from '../../db/billing-repo.ts';
import { listCoverages } from '../../db/coverages-repo.ts';
import { listPayments } from '../../db/follow-up-repo.ts';
import { listInvoices } from '../../db/invoices-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { renderPatientFile } from '../../invoice-templates/patient-file/render.ts';
import { writeFileAtomic } from '../durable-files.ts';
import { DOCUMENTS_FOLDER } from '../paths.ts';
import type { HandlerContext } from '../context.ts';
import { NOTICE_FR } from './app.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

export function patientFile(ctx: HandlerContext, patientId: number): PatientFileExport {
  const patient = requirePatient(ctx, patientId);
  return {
    format: PATIENT_FILE_FORMAT,
    version: PATIENT_FILE_VERSION,
    exportedAt: ctx.clock.nowIso(),
    patient,
    coverages: listCoverages(ctx.db, patientId, ctx.clock.today()),
    prescriptions: listPrescriptions(ctx.db, patientId),
    invoices: listInvoices(ctx.db, { patientId, limit: 100_000 }).map((inv) => ({ ...inv, payments: listPayments(ctx.db, inv.id) })),
  };
}

export const patientFileHandlers: AreaHandlers<'patients/export-file'> = {
  'patients/export-file': async ({ id }, ctx) => {
    const file = patientFile(ctx, id);
    const pdf = await renderPatientFile(file, { fontsDir: ctx.fontsDir, notice: NOTICE_FR });
    const fileName = `dossier-patient-${id}-${file.exportedAt.slice(0, 10)}.pdf`;
    writeFileAtomic(join(ctx.dataDir, DOCUMENTS_FOLDER, fileName), pdf);
    recordAudit(ctx.db, file.exportedAt, 'patient', id, 'export-file', null, { fileName });
    return { json: JSON.stringify(file, null, 2), document: ctx.presentDocument(join(ctx.dataDir, DOCUMENTS_FOLDER, fileName), fileName) };
  },
};
