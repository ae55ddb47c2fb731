/**
 * What the printed bordereau d'envoi needs, decided and computed by the backend: the batch of paper
 * feuilles de soins a practitioner sends to one caisse. Money in cents, dates ISO.
 */
import type { PractitionerOnPaper } from '../shared/model.ts';

export interface BordereauModel {
  bordereau: {
    number: number; // gapless per practitioner
    sentOn: string;
    createdAt: string; // ISO timestamp
    cancelled: { at: string; reason: string } | null;
    duplicata: boolean;
  };
  practitioner: PractitionerOnPaper;
  /** The caisse's codes, and its name and address when the catalogue (Réglages) has them. */
  destination: { regime: string; caisse: string; addressee: { name: string; addressLine: string; postalCode: string; city: string } | null };
  invoices: {
    number: number;
    patientName: string;
    nir: string;
    firstActDate: string | null;
    lastActDate: string | null;
    ame: boolean;
    totalCents: number;
    /** The tiers-payant part the caisse pays. */
    expectedCents: number;
  }[];
  totals: { count: number; ameCount: number; totalCents: number; expectedCents: number };
  notice: string;
}
