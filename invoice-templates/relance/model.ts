/**
 * What the printed relance letter needs: to the caisse (the invoices it has not paid, sent long ago) or to a
 * patient (their own share still due). Same family as the bordereau d'envoi. Money in cents, dates ISO.
 */
import type { PractitionerOnPaper } from '../shared/model.ts';

export interface RelanceModel {
  relance: { id: number; sentOn: string; createdAt: string; addressee: 'caisse' | 'patient' };
  practitioner: PractitionerOnPaper;
  /** The caisse (catalogue addressee, else its codes) or the patient, as the envelope reads. */
  addressee: { name: string; lines: string[] };
  invoices: {
    number: number;
    patientName: string;
    nir: string;
    period: string;
    /** « bordereau n° 12 du 02/10/2026 » or « facture du 02/10/2026 ». */
    sentLine: string;
    totalCents: number;
    awaitedCents: number;
  }[];
  awaitedCents: number;
  notice: string;
}
