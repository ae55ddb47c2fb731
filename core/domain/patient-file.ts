/**
 * A patient's whole file, as handed over on request (RGPD right of access, art. 15; or to another
 * software): identity, rights, prescriptions, invoices and the payments received on them.
 */
import type { Coverage, InvoiceSummary, Patient, Payment, Prescription } from './types.ts';

export const PATIENT_FILE_FORMAT = 'feuillet/dossier-patient';
export const PATIENT_FILE_VERSION = 1;

export interface PatientFileExport {
  format: typeof PATIENT_FILE_FORMAT;
  version: typeof PATIENT_FILE_VERSION;
  exportedAt: string;
  patient: Patient;
  coverages: Coverage[];
  prescriptions: Prescription[];
  invoices: (InvoiceSummary & { payments: Payment[] })[];
}
